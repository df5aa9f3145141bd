import type { HttpContext } from '@adonisjs/core/http'
import { dossierContext } from '#processing/services/dossier_context'
import { PROCESSING } from '#processing/services/status_text'
import {
  delegateDossier,
  delegationChoices,
  endDelegation,
  handoverInForce,
  handoversOf,
  returnTransfer,
  transferChoices,
  transferDossier,
} from '#processing/special/services/handovers'
import {
  HANDLING_STEPS,
  allows,
  findDossier,
  holderIdOf,
  requireHolder,
  requireStatus,
  requireStepKind,
} from '#processing/special/services/dossier_action'
import { dossierSummary, specialPanel } from '#processing/special/services/panel'
import { submitDossierForm, uploadsOf, type ScreenState } from '#processing/special/controllers/special_http'
import { screenHelpers } from '#processing/special/controllers/screen_helpers'

/** OS-8.4 delegation and ST-15 inter-agency transfer of a dossier's current step. */
export default class HandoversController {
  /** GET /mot-cua/ho-so/:id/uy-quyen */
  async delegation(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    return this.renderDelegation(ctx, ctx.params.id, {})
  }

  /** POST /mot-cua/ho-so/:id/uy-quyen */
  async delegate(ctx: HttpContext) {
    const { request } = ctx
    return submitDossierForm(ctx, delegateDossier, {
      form: 'delegate',
      fields: () => ({
        toOfficerId: Number(request.input('to_officer_id')),
        reason: request.input('reason'),
        until: request.input('until'),
      }),
      notice: 'Đã ủy quyền xử lý hồ sơ.',
      screen: 'uy-quyen',
      render: (id, state) => this.renderDelegation(ctx, id, state),
    })
  }

  /** POST /mot-cua/ho-so/:id/uy-quyen/ket-thuc */
  async endDelegation(ctx: HttpContext) {
    return submitDossierForm(ctx, endDelegation, {
      form: 'end',
      fields: () => ({
        note: ctx.request.input('note'),
      }),
      notice: 'Đã kết thúc ủy quyền.',
      screen: 'uy-quyen',
      render: (id, state) => this.renderDelegation(ctx, id, state),
    })
  }

  private async renderDelegation(ctx: HttpContext, id: unknown, state: ScreenState) {
    const dossier = await findDossier(Number(id))
    const officer = ctx.auth.user!
    const context = await dossierContext(dossier)
    const inForce = await handoverInForce(context, 'delegation')
    const mayDelegate =
      !(await handoverInForce(context)) &&
      holderIdOf(context) === Number(officer.id) &&
      allows(() => {
        requireStepKind(context, HANDLING_STEPS)
        requireHolder(officer, context)
        requireStatus(dossier, [PROCESSING])
      })
    return ctx.view.render('processing::special/delegation', {
      summary: await dossierSummary(dossier),
      panel: await specialPanel(dossier, officer, context),
      mayDelegate,
      colleagues: mayDelegate ? await delegationChoices(context, officer) : [],
      mayEnd: inForce !== null && [inForce.fromOfficerId, inForce.toOfficerId].map(Number).includes(Number(officer.id)),
      handovers: (await handoversOf(dossier.id)).filter((handover) => handover.kind === 'delegation'),
      ...screenHelpers(state),
    })
  }

  /** GET /mot-cua/ho-so/:id/lien-thong */
  async transfer(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    return this.renderTransfer(ctx, ctx.params.id, {})
  }

  /** POST /mot-cua/ho-so/:id/lien-thong */
  async sendTransfer(ctx: HttpContext) {
    const { request } = ctx
    return submitDossierForm(ctx, transferDossier, {
      form: 'transfer',
      fields: () => ({
        toOfficerId: Number(request.input('to_officer_id')),
        reason: request.input('reason'),
      }),
      notice: 'Đã chuyển hồ sơ xử lý liên thông.',
      screen: 'lien-thong',
      render: (id, state) => this.renderTransfer(ctx, id, state),
    })
  }

  /** POST /mot-cua/ho-so/:id/lien-thong/tra-lai */
  async returnTransfer(ctx: HttpContext) {
    return submitDossierForm(ctx, returnTransfer, {
      form: 'return',
      fields: () => ({
        outcome: ctx.request.input('outcome'),
        uploads: uploadsOf(ctx, 'files'),
      }),
      notice: 'Đã trả hồ sơ cho cơ quan chủ trì.',
      screen: 'lien-thong',
      render: (id, state) => this.renderTransfer(ctx, id, state),
    })
  }

  private async renderTransfer(ctx: HttpContext, id: unknown, state: ScreenState) {
    const dossier = await findDossier(Number(id))
    const officer = ctx.auth.user!
    const context = await dossierContext(dossier)
    const inForce = await handoverInForce(context, 'transfer')
    const mayTransfer =
      !(await handoverInForce(context)) &&
      allows(() => {
        requireStepKind(context, ['processing'])
        requireHolder(officer, context)
        requireStatus(dossier, [PROCESSING])
      })
    return ctx.view.render('processing::special/transfer', {
      summary: await dossierSummary(dossier),
      panel: await specialPanel(dossier, officer, context),
      mayTransfer,
      partners: mayTransfer ? await transferChoices(officer) : [],
      mayReturn: inForce !== null && Number(inForce.toOfficerId) === Number(officer.id),
      handovers: (await handoversOf(dossier.id)).filter((handover) => handover.kind === 'transfer'),
      ...screenHelpers(state),
    })
  }
}
