import type { HttpContext } from '@adonisjs/core/http'
import { findCatalogue, findEntry, setEntryActive } from '#catalog/services/shared_catalogues'

/** OS-16.2: an entry is put back in use. */
export default class SharedCatalogueEntryActivationsController {
  async store({ params, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const catalogue = await findCatalogue(params.id)
    const entry = await findEntry(catalogue, params.entryId)
    await setEntryActive(entry, true)
    session.flash('notice', i18n.t('catalogues.entries.activated', { name: entry.name }))
    return response.redirect().status(303).toPath(`/quan-tri/danh-muc/${catalogue.id}/muc/${entry.id}/sua`)
  }
}
