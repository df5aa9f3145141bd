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
import { dossierSummary, specialPanel, specialPath } from '#processing/special/services/panel'
import { serviceOptions, submitForm, uploadsOf, type ScreenState } from '#processing/special/controllers/special_http'
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
    await ctx.bouncer.authorize('useOneStop')
    const dossier = await findDossier(ctx.params.id)
    const { request } = ctx
    return submitForm(
      ctx,
      'delegate',
      () =>
        delegateDossier(
          {
            dossierId: dossier.id,
            expectedLockVersion: Number(request.input('lock_version')),
            actor: ctx.auth.user!,
            toOfficerId: Number(request.input('to_officer_id')),
            reason: request.input('reason'),
            until: request.input('until'),
          },
          serviceOptions(ctx, dossier)
        ),
      { notice: 'Đã ủy quyền xử lý hồ sơ.', redirectTo: specialPath(dossier.id, 'uy-quyen') },
      (state) => this.renderDelegation(ctx, dossier.id, state)
    )
  }

  /** POST /mot-cua/ho-so/:id/uy-quyen/ket-thuc */
  async endDelegation(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    const dossier = await findDossier(ctx.params.id)
    return submitForm(
      ctx,
      'end',
      () =>
        endDelegation(
          {
            dossierId: dossier.id,
            expectedLockVersion: Number(ctx.request.input('lock_version')),
            actor: ctx.auth.user!,
            note: ctx.request.input('note'),
          },
          serviceOptions(ctx, dossier)
        ),
      { notice: 'Đã kết thúc ủy quyền.', redirectTo: specialPath(dossier.id, 'uy-quyen') },
      (state) => this.renderDelegation(ctx, dossier.id, state)
    )
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
    await ctx.bouncer.authorize('useOneStop')
    const dossier = await findDossier(ctx.params.id)
    const { request } = ctx
    return submitForm(
      ctx,
      'transfer',
      () =>
        transferDossier(
          {
            dossierId: dossier.id,
            expectedLockVersion: Number(request.input('lock_version')),
            actor: ctx.auth.user!,
            toOfficerId: Number(request.input('to_officer_id')),
            reason: request.input('reason'),
          },
          serviceOptions(ctx, dossier)
        ),
      { notice: 'Đã chuyển hồ sơ xử lý liên thông.', redirectTo: specialPath(dossier.id, 'lien-thong') },
      (state) => this.renderTransfer(ctx, dossier.id, state)
    )
  }

  /** POST /mot-cua/ho-so/:id/lien-thong/tra-lai */
  async returnTransfer(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    const dossier = await findDossier(ctx.params.id)
    return submitForm(
      ctx,
      'return',
      () =>
        returnTransfer(
          {
            dossierId: dossier.id,
            expectedLockVersion: Number(ctx.request.input('lock_version')),
            actor: ctx.auth.user!,
            outcome: ctx.request.input('outcome'),
            uploads: uploadsOf(ctx, 'files'),
          },
          serviceOptions(ctx, dossier)
        ),
      { notice: 'Đã trả hồ sơ cho cơ quan chủ trì.', redirectTo: specialPath(dossier.id, 'lien-thong') },
      (state) => this.renderTransfer(ctx, dossier.id, state)
    )
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
