import type { HttpContext } from '@adonisjs/core/http'
import {
  ProcedureSyncError,
  createProcedureImport,
  findProcedureImport,
  latestPendingImport,
  listProcedureImports,
  presentDiff,
} from '#catalog/services/procedure_sync'
import { pageOf } from '#catalog/queries/procedure_directory'
import { formatMoney } from '#services/money_format'
import { requireTenantScope } from '#tenancy/tenant_context'

export const SYNC_PATH = '/quan-tri/dong-bo-thu-tuc'

/**
 * OS-1.3, GR-6: the sync with the National Database on Administrative Procedures. "Fetch now"
 * creates a difference report (a pending import) that the admin reads and then applies, in
 * whole or in part, or discards. A source that is down, slow or answers garbage stores nothing
 * and says so in words.
 */
export default class ProcedureImportsController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const imports = await listProcedureImports(pageOf(request.qs()))
    imports.baseUrl(SYNC_PATH)
    return view.render('catalog::pages/admin/procedure_sync/index', {
      imports,
      pending: await latestPendingImport(),
      agencyCode: requireTenantScope().tenant.code,
    })
  }

  async store({ response, session, bouncer, i18n, auth }: HttpContext) {
    await bouncer.authorize('editCatalog')
    try {
      const report = await createProcedureImport(auth.user!.id)
      if (!report) {
        session.flash('notice', i18n.t('procedure_sync.no_differences'))
        return response.redirect().status(303).toPath(SYNC_PATH)
      }
      session.flash(
        'notice',
        i18n.t('procedure_sync.fetched', {
          added: report.diff.added.length,
          changed: report.diff.changed.length,
          withdrawn: report.diff.withdrawn.length,
        })
      )
      return response.redirect().status(303).toPath(`${SYNC_PATH}/${report.id}`)
    } catch (error) {
      if (!(error instanceof ProcedureSyncError)) throw error
      session.flashErrors({ sync: i18n.t(error.messageKey, error.data) })
      return response.redirect().status(303).toPath(SYNC_PATH)
    }
  }

  async show({ params, view, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const report = await findProcedureImport(params.id)
    const t = (key: string, data?: Record<string, unknown>) => i18n.t(key, data as any)
    return view.render('catalog::pages/admin/procedure_sync/show', {
      report,
      diff: presentDiff(report.diff, t, formatMoney),
      applied: new Set(report.appliedCodes),
    })
  }
}
