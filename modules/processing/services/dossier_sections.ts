/*
 * Sections of the officer's dossier page added by other parts of processing (consultation,
 * extension, financial obligation, approval rounds, the return, …): each renders its HTML for
 * the dossier and the officer, or null when it has nothing to show, and the page shows them
 * after its actions, in the order they were registered. Register when the part mounts its routes.
 */
import type { HttpContext } from '@adonisjs/core/http'
import type { Dossier } from '#intake/index'
import type { User } from '#users/index'
import type { DossierContext } from '#processing/services/dossier_context'

export type DossierSection = (ctx: HttpContext, dossier: Dossier, officer: User, context: DossierContext) => Promise<string | null>

const sections: DossierSection[] = []

export function registerDossierSection(section: DossierSection) {
  if (!sections.includes(section)) sections.push(section)
}

export async function dossierSectionsFor(ctx: HttpContext, dossier: Dossier, officer: User, context: DossierContext) {
  const rendered: string[] = []
  for (const section of sections) {
    const html = await section(ctx, dossier, officer, context)
    if (html) rendered.push(html)
  }
  return rendered
}
