import type { HttpContext } from '@adonisjs/core/http'
import { ProcedureSyncError, discardProcedureImport, findProcedureImport } from '#catalog/services/procedure_sync'
import { SYNC_PATH } from '#catalog/controllers/procedure_imports_controller'

/** OS-1.3: discarding a difference report; the procedure catalogue stays as it is. */
export default class ProcedureImportDiscardsController {
  async store({ params, response, session, bouncer, i18n, auth }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const report = await findProcedureImport(params.id)
    try {
      await discardProcedureImport(report, auth.user!.id)
      session.flash('notice', i18n.t('procedure_sync.discarded'))
    } catch (error) {
      if (!(error instanceof ProcedureSyncError)) throw error
      session.flashErrors({ apply: i18n.t(error.messageKey, error.data) })
    }
    return response.redirect().status(303).toPath(`${SYNC_PATH}/${report.id}`)
  }
}
