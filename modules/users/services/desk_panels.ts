/*
 * Panels of the officer's desk (/mot-cua). Modules that come later in the dependency chain
 * (processing: dashboards and reminders, …) register a panel when they mount their routes, so
 * the users module shows them without depending on those modules.
 */
import type { HttpContext } from '@adonisjs/core/http'
import type User from '#users/models/user'

/** Renders the panel's HTML for the officer, or null when it has nothing for them. */
export type DeskPanel = (ctx: HttpContext, officer: User) => Promise<string | null>

const panels: DeskPanel[] = []

export function registerDeskPanel(panel: DeskPanel) {
  if (!panels.includes(panel)) panels.push(panel)
}

/** The officer's panels, in the order they were registered. */
export async function deskPanelsFor(ctx: HttpContext, officer: User): Promise<string[]> {
  const rendered: string[] = []
  for (const panel of panels) {
    const html = await panel(ctx, officer)
    if (html) rendered.push(html)
  }
  return rendered
}
