/*
 * How the service page words its figures (OL-11đ, PT-8.1): one line per figure, plain
 * Vietnamese, numbers formatted for the locale (1.234), and a sentence instead of a number where
 * there is nothing to count yet.
 */
import type { I18n } from '@adonisjs/i18n'
import { MIN_SAMPLES, WINDOW_DAYS, type ServiceFigures } from '#portal/figures/service_figures'

export interface FigureLine {
  label: string
  value: string
}

export function figureLines(i18n: I18n, figures: ServiceFigures, onlineLevel: number): FigureLine[] {
  const line = (key: string, value: string) => ({ label: i18n.t(`figures.${key}.label`), value })
  const lines: FigureLine[] = []
  // Levels 1–2 take no dossier online: their online counts would only ever read 0.
  if (onlineLevel >= 3) {
    lines.push(line('online_received', i18n.t('figures.online_received.value', { count: figures.received.online })))
    lines.push(line('online_processed', i18n.t('figures.online_processed.value', { count: figures.onlineProcessed })))
    lines.push(
      line(
        'online_share',
        figures.onlineSharePercent === null
          ? i18n.t('figures.online_share.none')
          : i18n.t('figures.online_share.value', { percent: figures.onlineSharePercent, total: figures.received.total })
      )
    )
  }
  const satisfaction = figures.satisfaction
  lines.push(
    line(
      'satisfaction',
      satisfaction
        ? i18n.t('figures.satisfaction.value', {
            ratings: satisfaction.ratings,
            very: satisfaction.percents.very_satisfied,
            satisfied: satisfaction.percents.satisfied,
            not: satisfaction.percents.not_satisfied,
          })
        : i18n.t('figures.satisfaction.none')
    )
  )
  lines.push(
    line(
      'expected',
      figures.expected
        ? i18n.t('figures.expected.value', { days: figures.expected.days, samples: figures.expected.samples, window: WINDOW_DAYS })
        : i18n.t('figures.expected.none', { min: MIN_SAMPLES, window: WINDOW_DAYS })
    )
  )
  return lines
}
