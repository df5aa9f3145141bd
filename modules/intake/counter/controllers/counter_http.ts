/* What the counter's controllers share: the applicant's lookup link and the htmx fragment test. */
import type { HttpContext } from '@adonisjs/core/http'
import { publicUrl } from '#http/public_url'
import type Dossier from '#intake/models/dossier'

/** The portal's lookup page for a dossier code, absolute, for the applicant's email (PT-12). */
export function lookupLinks(ctx: HttpContext) {
  return (code: string) => publicUrl(ctx, `/tra-cuu?ma=${encodeURIComponent(code)}`)
}

/** An htmx request for part of a page (not a history restore nor a full-page request). */
export function wantsFragment({ request }: HttpContext) {
  return (
    request.header('hx-request') === 'true' &&
    request.header('hx-history-restore-request') !== 'true' &&
    request.header('hx-request-type') !== 'full'
  )
}

/**
 * Where the officer goes once the counter has decided: an accepted dossier continues on the
 * processing module's dossier page (forwarding, slips); the others stay on the counter's page.
 */
export function pageAfterDecision(dossier: Dossier) {
  return dossier.statusCode === 'duoc_tiep_nhan' ? `/mot-cua/ho-so/${dossier.id}` : `/mot-cua/tiep-nhan/ho-so/${dossier.id}`
}
