import type { HttpContext } from '@adonisjs/core/http'
import { slipPrintPath } from '#intake/index'
import { dossierContext } from '#processing/services/dossier_context'
import { PROCESSING } from '#processing/services/status_text'
import { extendDeadline, extensionsOf } from '#processing/special/services/extensions'
import { HANDLING_STEPS, allows, findDossier, requireHolder, requireStatus, requireStepKind } from '#processing/special/services/dossier_action'
import { dossierSummary, specialPanel } from '#processing/special/services/panel'
import { submitDossierForm, type ScreenState } from '#processing/special/controllers/special_http'
import { screenHelpers } from '#processing/special/controllers/screen_helpers'

/** OS-8.4: the deadline extension of a dossier, with the apology slip to print. */
export default class ExtensionsController {
  /** GET /mot-cua/ho-so/:id/gia-han */
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    return this.render(ctx, ctx.params.id, {})
  }

  /** POST /mot-cua/ho-so/:id/gia-han */
  async store(ctx: HttpContext) {
    const { request } = ctx
    return submitDossierForm(ctx, extendDeadline, {
      form: 'extend',
      fields: () => ({
        newDate: request.input('new_date'),
        reason: request.input('reason'),
      }),
      notice: 'Đã gia hạn và báo người nộp. Hãy in phiếu xin lỗi và hẹn lại ngày trả kết quả.',
      screen: 'gia-han',
      render: (id, state) => this.render(ctx, id, state),
    })
  }

  private async render(ctx: HttpContext, id: unknown, state: ScreenState) {
    const dossier = await findDossier(Number(id))
    const officer = ctx.auth.user!
    const context = await dossierContext(dossier)
    const extensions = await extensionsOf(dossier.id)
    const slip = slipPrintPath(dossier.id, 'apology')
    return ctx.view.render('processing::special/extension', {
      summary: await dossierSummary(dossier),
      panel: await specialPanel(dossier, officer, context),
      mayExtend: allows(() => {
        requireStepKind(context, HANDLING_STEPS)
        requireHolder(officer, context)
        requireStatus(dossier, [PROCESSING])
      }),
      extensions,
      apologySlip: extensions.length ? { printUrl: slip, pdfUrl: `${slip}.pdf` } : null,
      ...screenHelpers(state),
    })
  }
}
