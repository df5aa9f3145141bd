export const FONT_SIZES = ['smaller', 'normal', 'larger'] as const
export type FontSize = (typeof FONT_SIZES)[number]

export interface DisplayPreferences {
  fontSize: FontSize
  highContrast: boolean
  classes: string
}

/** The `display` cookie holds e.g. "larger,contrast"; anything unknown falls back to defaults. */
export function displayPreferencesFrom(cookie: unknown): DisplayPreferences {
  const parts = typeof cookie === 'string' ? cookie.split(',') : []
  const fontSize = FONT_SIZES.find((size) => parts.includes(size)) ?? 'normal'
  const highContrast = parts.includes('contrast')
  const classes = [`font-${fontSize}`, highContrast ? 'high-contrast' : ''].filter(Boolean).join(' ')
  return { fontSize, highContrast, classes }
}

export function displayCookieValue(preferences: Pick<DisplayPreferences, 'fontSize' | 'highContrast'>) {
  return [preferences.fontSize, preferences.highContrast ? 'contrast' : ''].filter(Boolean).join(',')
}
