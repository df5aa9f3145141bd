import type { HttpContext } from '@adonisjs/core/http'
import { dossierContext } from '#processing/services/dossier_context'
import { DONE } from '#processing/services/status_text'
import {
  COLLECTOR_LABELS,
  METHOD_LABELS,
  deliversElectronically,
  preferredMethod,
  recordNotReturned,
  returnResult,
  returnsOf,
} from '#processing/special/services/result_returns'
import { resolvedDossiers, type ReturnList } from '#processing/special/services/lists'
import { currentResultOf } from '#processing/special/services/result_documents'
import { allows, findDossier, requireHolder, requireStatus, requireStepKind } from '#processing/special/services/dossier_action'
import { dossierSummary, specialPanel } from '#processing/special/services/panel'
import { submitDossierForm, type ScreenState } from '#processing/special/controllers/special_http'
import { screenHelpers } from '#processing/special/controllers/screen_helpers'

/** OS-10, OS-11: the counter's list of resolved dossiers and the return screen of one dossier. */
export default class ResultReturnsController {
  /** GET /mot-cua/tra-ket-qua?danh-sach=cho-tra|da-tra */
  async index(ctx: HttpContext) {
    await ctx.bouncer.authorize('returnResults')
    const list: ReturnList = ctx.request.input('danh-sach') === 'da-tra' ? 'returned' : 'waiting'
    const page = Number(ctx.request.input('trang', 1)) || 1
    return ctx.view.render('processing::special/returns', { list, result: await resolvedDossiers(ctx.auth.user!, list, page) })
  }

  /** GET /mot-cua/ho-so/:id/tra-ket-qua */
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    return this.render(ctx, ctx.params.id, {})
  }

  /** POST /mot-cua/ho-so/:id/tra-ket-qua */
  async store(ctx: HttpContext) {
    const { request } = ctx
    return submitDossierForm(ctx, returnResult, {
      form: 'return',
      fields: () => ({
        method: request.input('method'),
        collectorKind: request.input('collector_kind'),
        collectorName: request.input('collector_name'),
        collectorIdNumber: request.input('collector_id_number'),
        recipientName: request.input('recipient_name'),
        recipientPhone: request.input('recipient_phone'),
        recipientProvince: request.input('recipient_province'),
        recipientCommune: request.input('recipient_commune'),
        recipientDetail: request.input('recipient_detail'),
        trackingNumber: request.input('tracking_number'),
        feeReceiptNumber: request.input('fee_receipt_number'),
        feeAmount: request.input('fee_amount'),
        note: request.input('note'),
      }),
      notice: 'Đã trả kết quả và báo người nộp.',
      screen: 'tra-ket-qua',
      render: (id, state) => this.render(ctx, id, state),
    })
  }

  /** POST /mot-cua/ho-so/:id/tra-ket-qua/chua-tra */
  async notReturned(ctx: HttpContext) {
    return submitDossierForm(ctx, recordNotReturned, {
      form: 'missing',
      fields: () => ({
        note: ctx.request.input('missing_note'),
      }),
      notice: 'Đã ghi nhận có kết quả nhưng chưa trả; người nộp được báo mang bản chính tới.',
      screen: 'tra-ket-qua',
      render: (id, state) => this.render(ctx, id, state),
    })
  }

  private async render(ctx: HttpContext, id: unknown, state: ScreenState) {
    const dossier = await findDossier(Number(id))
    const officer = ctx.auth.user!
    const context = await dossierContext(dossier)
    const mayReturn = allows(() => {
      requireStepKind(context, ['return'])
      requireHolder(officer, context)
      requireStatus(dossier, [DONE])
    })
    const electronic = await deliversElectronically(dossier)
    const methods = (Object.keys(METHOD_LABELS) as Array<keyof typeof METHOD_LABELS>)
      .filter((method) => method !== 'electronic' || electronic)
      .map((method) => ({ value: method, label: METHOD_LABELS[method] }))
    return ctx.view.render('processing::special/return', {
      summary: await dossierSummary(dossier),
      panel: await specialPanel(dossier, officer, context),
      dossier,
      mayReturn,
      methods,
      preferred: preferredMethod(dossier),
      recipient: dossier.postalService?.resultByPost ? (dossier.postalService.recipient ?? null) : null,
      collectors: Object.entries(COLLECTOR_LABELS).map(([value, label]) => ({ value, label })),
      result: await currentResultOf(dossier.id),
      records: await returnsOf(dossier.id),
      methodLabels: METHOD_LABELS,
      collectorLabels: COLLECTOR_LABELS,
      ...screenHelpers(state),
    })
  }
}
