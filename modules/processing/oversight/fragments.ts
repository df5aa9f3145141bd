import type { HttpContext } from '@adonisjs/core/http'

/**
 * A request from htmx that swaps part of the page gets the fragment; a page load, a
 * back/forward restore or a plain browser gets the whole page.
 */
export function wantsFragment({ request }: HttpContext) {
  return (
    request.header('hx-request') === 'true' &&
    request.header('hx-history-restore-request') !== 'true' &&
    request.header('hx-request-type') !== 'full'
  )
}

/** The officers' page of one dossier (the processing screens). */
export function dossierPath(id: number) {
  return `/mot-cua/ho-so/${id}`
}
