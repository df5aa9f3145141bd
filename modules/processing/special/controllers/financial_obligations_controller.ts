import type { HttpContext } from '@adonisjs/core/http'
import { dossierContext } from '#processing/services/dossier_context'
import { FINANCIAL_OBLIGATION, PROCESSING } from '#processing/services/status_text'
import {
  obligationsOf,
  recordPayment,
  recordsPayments,
  requestFinancialObligation,
  unpaidObligationOf,
} from '#processing/special/services/financial_obligations'
import { HANDLING_STEPS, allows, findDossier, requireHolder, requireStatus, requireStepKind } from '#processing/special/services/dossier_action'
import { dossierSummary, specialPanel } from '#processing/special/services/panel'
import { submitDossierForm, type ScreenState } from '#processing/special/controllers/special_http'
import { screenHelpers } from '#processing/special/controllers/screen_helpers'

/** ST-18, OS-10.3: the financial obligation of a dossier and the payment recorded from the receipt. */
export default class FinancialObligationsController {
  /** GET /mot-cua/ho-so/:id/nghia-vu-tai-chinh */
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    return this.render(ctx, ctx.params.id, {})
  }

  /** POST /mot-cua/ho-so/:id/nghia-vu-tai-chinh */
  async store(ctx: HttpContext) {
    const { request } = ctx
    return submitDossierForm(ctx, requestFinancialObligation, {
      form: 'obligation',
      fields: () => ({
        amount: request.input('amount'),
        content: request.input('content'),
        dueDate: request.input('due_date'),
      }),
      notice: 'Đã thông báo nghĩa vụ tài chính cho người nộp.',
      screen: 'nghia-vu-tai-chinh',
      render: (id, state) => this.render(ctx, id, state),
    })
  }

  /** POST /mot-cua/ho-so/:id/nghia-vu-tai-chinh/nop */
  async pay(ctx: HttpContext) {
    const { request } = ctx
    return submitDossierForm(ctx, recordPayment, {
      form: 'payment',
      fields: () => ({
        receiptNumber: request.input('receipt_number'),
        paidAmount: request.input('paid_amount'),
        paidOn: request.input('paid_on'),
      }),
      notice: 'Đã ghi nhận nộp nghĩa vụ tài chính; hồ sơ tiếp tục được xử lý.',
      screen: 'nghia-vu-tai-chinh',
      render: (id, state) => this.render(ctx, id, state),
    })
  }

  private async render(ctx: HttpContext, id: unknown, state: ScreenState) {
    const dossier = await findDossier(Number(id))
    const officer = ctx.auth.user!
    const context = await dossierContext(dossier)
    const unpaid = await unpaidObligationOf(dossier.id)
    return ctx.view.render('processing::special/obligation', {
      summary: await dossierSummary(dossier),
      panel: await specialPanel(dossier, officer, context),
      mayRequest:
        !unpaid &&
        allows(() => {
          requireStepKind(context, HANDLING_STEPS)
          requireHolder(officer, context)
          requireStatus(dossier, [PROCESSING])
        }),
      unpaid,
      mayRecord: unpaid !== null && dossier.statusCode === FINANCIAL_OBLIGATION && recordsPayments(officer, context),
      obligations: await obligationsOf(dossier.id),
      ...screenHelpers(state),
    })
  }
}
