import type { HttpContext } from '@adonisjs/core/http'
import { ProcedureSyncError, applyProcedureImport, findProcedureImport } from '#catalog/services/procedure_sync'
import { SYNC_PATH } from '#catalog/controllers/procedure_imports_controller'

/**
 * OS-1.3: accepting a difference report, all of it ("scope=all") or the checked items
 * (`codes`), in one savepoint: either every chosen item is saved or none.
 */
export default class ProcedureImportApplicationsController {
  async store({ params, request, response, session, bouncer, i18n, auth }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const report = await findProcedureImport(params.id)
    const back = `${SYNC_PATH}/${report.id}`
    const raw = request.input('codes', [])
    const codes = (Array.isArray(raw) ? raw : [raw]).filter((code): code is string => typeof code === 'string')
    try {
      const result = await applyProcedureImport(report, request.input('scope') === 'all' ? 'all' : codes, auth.user!.id)
      session.flash('notice', i18n.t('procedure_sync.applied', { ...result }))
    } catch (error) {
      if (!(error instanceof ProcedureSyncError)) throw error
      session.flashErrors({ apply: i18n.t(error.messageKey, error.data) })
    }
    return response.redirect().status(303).toPath(back)
  }
}
