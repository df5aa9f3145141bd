import { readFile } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import { CatalogueImportError, importCatalogueFile } from '#catalog/services/catalogue_import'
import { catalogueFormMessages, importValidator } from '#catalog/validators/catalogue_validators'

/**
 * OS-16.2: an admin uploads a JSON file of catalogues (docs/shared_catalogue_format.md). The
 * whole file is checked, then applied in one savepoint: a bad file changes nothing.
 */
export default class SharedCatalogueImportsController {
  async store({ request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const { catalogue_file: file } = await request.validateUsing(importValidator, {
      messagesProvider: catalogueFormMessages(i18n),
    })
    const back = '/quan-tri/danh-muc'
    try {
      const reports = await importCatalogueFile(await readFile(file.tmpPath!, 'utf8'))
      const messages = reports.map((report) =>
        i18n.t(report.created ? 'catalogues.import.done_created' : 'catalogues.import.done', {
          name: report.name,
          added: report.added,
          changed: report.changed,
          removed: report.removed,
        })
      )
      session.flash('notice', messages.join(' '))
    } catch (error) {
      if (!(error instanceof CatalogueImportError)) throw error
      session.flashErrors({
        import: i18n.t('catalogues.import.refused', {
          reason: i18n.t(`catalogues.import.errors.${error.messageKey}`, error.data),
        }),
      })
    }
    return response.redirect().status(303).toPath(back)
  }
}
