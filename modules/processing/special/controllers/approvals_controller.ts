import type { HttpContext } from '@adonisjs/core/http'
import { dossierContext } from '#processing/services/dossier_context'
import { PROCESSING } from '#processing/services/status_text'
import { approvalWays, decideApproval, roundOf, roundsOf, type ApprovalChoice } from '#processing/special/services/approvals'
import { awaitingApproval, decidedBy } from '#processing/special/services/lists'
import { currentResultOf } from '#processing/special/services/result_documents'
import { allows, findDossier, requireHolder, requireStatus, requireStepKind } from '#processing/special/services/dossier_action'
import { dossierSummary, specialPanel } from '#processing/special/services/panel'
import { submitDossierForm, type ScreenState } from '#processing/special/controllers/special_http'
import { screenHelpers } from '#processing/special/controllers/screen_helpers'

const LISTS = { 'cho-phe-duyet': 'awaiting', 'da-phe-duyet': 'approved', 'tu-choi': 'refused' } as const
const DECISIONS: readonly ApprovalChoice[] = ['approve', 'send_back', 'refuse']
const NOTICES: Record<ApprovalChoice, string> = {
  approve: 'Đã phê duyệt hồ sơ.',
  send_back: 'Đã trả lại hồ sơ kèm ý kiến chỉ đạo.',
  refuse: 'Đã không phê duyệt; hồ sơ dừng xử lý và người nộp được thông báo.',
}

/** OS-9: the approver's lists and the approval screen of a dossier. */
export default class ApprovalsController {
  /** GET /mot-cua/phe-duyet?danh-sach=cho-phe-duyet|da-phe-duyet|tu-choi */
  async index(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    const officer = ctx.auth.user!
    const slug = String(ctx.request.input('danh-sach', 'cho-phe-duyet')) as keyof typeof LISTS
    const list = LISTS[slug] ?? 'awaiting'
    const page = Number(ctx.request.input('trang', 1)) || 1
    return ctx.view.render('processing::special/approvals', {
      list,
      awaiting: list === 'awaiting' ? await awaitingApproval(officer, page) : null,
      decided: list === 'awaiting' ? null : await decidedBy(officer, list, page),
    })
  }

  /** GET /mot-cua/ho-so/:id/phe-duyet */
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    return this.render(ctx, ctx.params.id, {})
  }

  /** POST /mot-cua/ho-so/:id/phe-duyet: decision = approve | send_back | refuse. */
  async store(ctx: HttpContext) {
    const { request } = ctx
    const decision = DECISIONS.find((choice) => choice === request.input('decision')) ?? 'approve'
    return submitDossierForm(ctx, decideApproval, {
      form: decision,
      fields: () => ({
        decision,
        transitionId: Number(request.input('transition_id')) || null,
        directions: request.input('directions'),
      }),
      notice: NOTICES[decision],
      screen: 'phe-duyet',
      render: (id, state) => this.render(ctx, id, state),
    })
  }

  private async render(ctx: HttpContext, id: unknown, state: ScreenState) {
    const dossier = await findDossier(Number(id))
    const officer = ctx.auth.user!
    const context = await dossierContext(dossier)
    const mayDecide = allows(() => {
      requireStepKind(context, ['approval'])
      requireHolder(officer, context)
      requireStatus(dossier, [PROCESSING])
    })
    const { runtime, step } = context
    const ways = mayDecide && runtime && step ? approvalWays(runtime, step) : { forward: [], back: [] }
    const label = (transition: (typeof ways.forward)[number]) => {
      const to = runtime?.step(transition.toKey)
      return to ? `${transition.action} – ${to.name}` : transition.action
    }
    return ctx.view.render('processing::special/approval', {
      summary: await dossierSummary(dossier),
      panel: await specialPanel(dossier, officer, context),
      round: runtime && step?.kind === 'approval' ? { number: roundOf(runtime, step), name: step.name } : null,
      rounds: await roundsOf(dossier.id),
      result: await currentResultOf(dossier.id),
      mayDecide,
      forward: ways.forward.map((transition) => ({ value: transition.id, label: label(transition) })),
      back: ways.back.map((transition) => ({ value: transition.id, label: label(transition) })),
      ...screenHelpers(state),
    })
  }
}
