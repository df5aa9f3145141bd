import type { HttpContext } from '@adonisjs/core/http'
import { searchAgencies } from '#catalog/services/agency_catalogue'
import { pageOf } from '#catalog/services/shared_catalogues'

/** OS-16: the agencies and their identifier codes, read from the users module. */
export default class AgencyCatalogueController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const qs = request.qs()
    const q = typeof qs.q === 'string' ? qs.q.trim().slice(0, 100) : ''
    return view.render('catalog::pages/admin/shared_catalogues/agencies', {
      agencies: await searchAgencies(q, pageOf(qs)),
      q,
    })
  }
}
