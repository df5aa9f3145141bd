import type { HttpContext } from '@adonisjs/core/http'
import { typeList, sizeLabel, uploadLimits } from '#intake/index'
import { dossierContext } from '#processing/services/dossier_context'
import { PROCESSING } from '#processing/services/status_text'
import { attachResultDocument, generateResultDocument, resultDocumentsOf } from '#processing/special/services/result_documents'
import { allows, findDossier, requireHolder, requireStatus, requireStepKind } from '#processing/special/services/dossier_action'
import { dossierSummary, specialPanel } from '#processing/special/services/panel'
import { submitDossierForm, type ScreenState } from '#processing/special/controllers/special_http'
import { screenHelpers } from '#processing/special/controllers/screen_helpers'

/** OS-8.7, OS-9: the result document of a dossier, attached or generated from the procedure's result template. */
export default class ResultDocumentsController {
  /** GET /mot-cua/ho-so/:id/ket-qua */
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    return this.render(ctx, ctx.params.id, {})
  }

  /** POST /mot-cua/ho-so/:id/ket-qua: an uploaded result document. */
  async store(ctx: HttpContext) {
    const { request } = ctx
    return submitDossierForm(ctx, attachResultDocument, {
      form: 'upload',
      fields: () => ({
        title: request.input('title'),
        upload: request.file('file') ?? null,
      }),
      notice: 'Đã đính kèm kết quả giải quyết.',
      screen: 'ket-qua',
      render: (id, state) => this.render(ctx, id, state),
    })
  }

  /** POST /mot-cua/ho-so/:id/ket-qua/tu-mau: the result generated from the template. */
  async generate(ctx: HttpContext) {
    const { request } = ctx
    return submitDossierForm(ctx, generateResultDocument, {
      form: 'generate',
      fields: () => ({
        title: request.input('title'),
        content: request.input('content'),
      }),
      notice: 'Đã tạo kết quả giải quyết từ mẫu.',
      screen: 'ket-qua',
      render: (id, state) => this.render(ctx, id, state),
    })
  }

  private async render(ctx: HttpContext, id: unknown, state: ScreenState) {
    const dossier = await findDossier(Number(id))
    const officer = ctx.auth.user!
    const context = await dossierContext(dossier)
    const limits = uploadLimits()
    return ctx.view.render('processing::special/results', {
      summary: await dossierSummary(dossier),
      panel: await specialPanel(dossier, officer, context),
      mayAttach: allows(() => {
        requireStepKind(context, ['processing', 'approval'])
        requireHolder(officer, context)
        requireStatus(dossier, [PROCESSING])
      }),
      documents: await resultDocumentsOf(dossier.id),
      limits: { types: typeList(limits.types), max: sizeLabel(limits.maxMb) },
      ...screenHelpers(state),
    })
  }
}
