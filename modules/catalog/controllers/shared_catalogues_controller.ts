import type { HttpContext } from '@adonisjs/core/http'
import { CATALOGUE_KINDS, CATALOGUE_SOURCES } from '#catalog/models/shared_catalogue'
import {
  ENTRY_STATES,
  createCatalogue,
  entryFiltersFrom,
  findCatalogue,
  listCatalogues,
  pageOf,
  searchEntries,
} from '#catalog/services/shared_catalogues'
import { administrativeUnits } from '#catalog/services/administrative_units'
import { agencyCount } from '#catalog/services/agency_catalogue'
import { catalogueFormMessages, catalogueValidator } from '#catalog/validators/catalogue_validators'

/** OS-16: the shared catalogues an admin sees and keeps (list, create, entries of one). */
export default class SharedCataloguesController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    return view.render('catalog::pages/admin/shared_catalogues/index', {
      catalogues: await listCatalogues(),
      unitCounts: await administrativeUnits.counts(),
      agencies: await agencyCount(),
      kinds: CATALOGUE_KINDS,
      sources: CATALOGUE_SOURCES,
    })
  }

  async store({ request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const details = await request.validateUsing(catalogueValidator, { messagesProvider: catalogueFormMessages(i18n) })
    const catalogue = await createCatalogue(details)
    session.flash('notice', i18n.t('catalogues.catalogues.created', { name: catalogue.name }))
    return response.redirect().status(303).toPath(`/quan-tri/danh-muc/${catalogue.id}`)
  }

  /** The entries, searchable and paged; an htmx search gets only the results fragment. */
  async show({ params, request, response, view, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const catalogue = await findCatalogue(params.id)
    const filters = entryFiltersFrom(request.qs())
    const entries = await searchEntries(catalogue, filters, pageOf(request.qs()))
    const data = { catalogue, entries, filters, states: ENTRY_STATES }
    response.header('Vary', 'HX-Request, HX-Request-Type')
    if (request.header('HX-Request-Type') === 'partial') {
      return view.render('catalog::pages/admin/shared_catalogues/entries_results', data)
    }
    return view.render('catalog::pages/admin/shared_catalogues/show', data)
  }
}
