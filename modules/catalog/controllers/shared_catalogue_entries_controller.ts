import type { HttpContext } from '@adonisjs/core/http'
import { createEntry, findCatalogue, findEntry, updateEntry } from '#catalog/services/shared_catalogues'
import {
  catalogueFormMessages,
  createEntryValidator,
  updateEntryValidator,
} from '#catalog/validators/catalogue_validators'

/** OS-16.2: an admin adds an entry to a catalogue or corrects its name. */
export default class SharedCatalogueEntriesController {
  async store({ params, request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const catalogue = await findCatalogue(params.id)
    const details = await request.validateUsing(createEntryValidator, {
      meta: { catalogueId: catalogue.id },
      messagesProvider: catalogueFormMessages(i18n),
    })
    const entry = await createEntry(catalogue, details)
    session.flash('notice', i18n.t('catalogues.entries.created', { name: entry.name }))
    return response.redirect().status(303).toPath(`/quan-tri/danh-muc/${catalogue.id}`)
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const catalogue = await findCatalogue(params.id)
    const entry = await findEntry(catalogue, params.entryId)
    return view.render('catalog::pages/admin/shared_catalogues/entry_edit', { catalogue, entry })
  }

  async update({ params, request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const catalogue = await findCatalogue(params.id)
    const entry = await findEntry(catalogue, params.entryId)
    const details = await request.validateUsing(updateEntryValidator, { messagesProvider: catalogueFormMessages(i18n) })
    await updateEntry(entry, details)
    session.flash('notice', i18n.t('catalogues.entries.updated', { name: entry.name }))
    return response.redirect().status(303).toPath(`/quan-tri/danh-muc/${catalogue.id}/muc/${entry.id}/sua`)
  }
}
