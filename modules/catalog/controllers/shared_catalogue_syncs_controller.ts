import type { HttpContext } from '@adonisjs/core/http'
import { findCatalogue } from '#catalog/services/shared_catalogues'
import { CatalogueSyncError, syncCatalogue } from '#catalog/services/catalogue_sync'

/**
 * GR-6, OS-16.1: "sync now" on a national-source catalogue. A failed sync writes nothing and
 * tells the admin why, in words (source down, too slow, unreadable answer).
 */
export default class SharedCatalogueSyncsController {
  async store({ params, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const catalogue = await findCatalogue(params.id)
    const back = `/quan-tri/danh-muc/${catalogue.id}`
    if (!catalogue.isNational) {
      session.flashErrors({ sync: i18n.t('catalogues.sync.not_national') })
      return response.redirect().status(303).toPath(back)
    }
    try {
      const report = await syncCatalogue(catalogue)
      session.flash('notice', i18n.t('catalogues.sync.done', { name: catalogue.name, ...report }))
    } catch (error) {
      if (!(error instanceof CatalogueSyncError)) throw error
      session.flashErrors({ sync: i18n.t(error.messageKey, error.data) })
    }
    return response.redirect().status(303).toPath(back)
  }
}
