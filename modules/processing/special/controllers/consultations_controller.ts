import type { HttpContext } from '@adonisjs/core/http'
import { dossierContext } from '#processing/services/dossier_context'
import { PROCESSING } from '#processing/services/status_text'
import {
  answerConsultation,
  answersFor,
  consultableUnits,
  consultationQueue,
  consultationsOf,
  findConsultation,
  requestConsultation,
  unitNames,
} from '#processing/special/services/consultations'
import { allows, findDossier, requireHolder, requireStatus, requireStepKind } from '#processing/special/services/dossier_action'
import { dossierSummary, specialPanel } from '#processing/special/services/panel'
import { idsOf, submitDossierForm, submitForm, uploadsOf, type ScreenState } from '#processing/special/controllers/special_http'
import { screenHelpers } from '#processing/special/controllers/screen_helpers'

/**
 * OS-8.6, ST-14: the handler's consultation screen of a dossier (ask, read the opinions), and the
 * consulted department's queue and answer screen.
 */
export default class ConsultationsController {
  /** GET /mot-cua/ho-so/:id/xin-y-kien */
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    return this.render(ctx, ctx.params.id, {})
  }

  /** POST /mot-cua/ho-so/:id/xin-y-kien */
  async store(ctx: HttpContext) {
    const { request } = ctx
    return submitDossierForm(ctx, requestConsultation, {
      form: 'consult',
      fields: () => ({
        departmentIds: idsOf(request.input('department_ids')),
        question: request.input('question'),
        dueDate: request.input('due_date'),
      }),
      notice: 'Đã gửi yêu cầu xin ý kiến.',
      screen: 'xin-y-kien',
      render: (id, state) => this.render(ctx, id, state),
    })
  }

  private async render(ctx: HttpContext, id: unknown, state: ScreenState) {
    const dossier = await findDossier(Number(id))
    const officer = ctx.auth.user!
    const context = await dossierContext(dossier)
    const mayAsk = allows(() => {
      requireStepKind(context, ['processing', 'consultation'])
      requireHolder(officer, context)
      requireStatus(dossier, [PROCESSING])
    })
    return ctx.view.render('processing::special/consultation', {
      summary: await dossierSummary(dossier),
      panel: await specialPanel(dossier, officer, context),
      consultations: await consultationsOf(dossier.id),
      mayAsk,
      units: mayAsk ? await consultableUnits(officer) : [],
      ...screenHelpers(state),
    })
  }

  /** GET /mot-cua/xin-y-kien: requests to the officer's department (?da-tra-loi=1: answered ones). */
  async index(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    const officer = ctx.auth.user!
    const answered = ctx.request.input('da-tra-loi') === '1'
    const units = officer.departmentId ? await unitNames([officer.departmentId]) : new Map()
    return ctx.view.render('processing::special/consultation_queue', {
      answered,
      unit: officer.departmentId ? (units.get(Number(officer.departmentId)) ?? '') : '',
      lines: await consultationQueue(officer, { answered }),
    })
  }

  /** GET /mot-cua/xin-y-kien/:id */
  async answerForm(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    return this.renderAnswer(ctx, ctx.params.id, {})
  }

  /** POST /mot-cua/xin-y-kien/:id */
  async answer(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    const consultation = await findConsultation(ctx.params.id)
    return submitForm(
      ctx,
      'answer',
      () =>
        answerConsultation({
          consultationId: consultation.id,
          actor: ctx.auth.user!,
          answer: ctx.request.input('answer'),
          uploads: uploadsOf(ctx, 'files'),
        }),
      { notice: 'Đã gửi ý kiến của đơn vị.', redirectTo: `/mot-cua/xin-y-kien/${consultation.id}` },
      (state) => this.renderAnswer(ctx, consultation.id, state)
    )
  }

  private async renderAnswer(ctx: HttpContext, id: unknown, state: ScreenState) {
    const consultation = await findConsultation(Number(id))
    const officer = ctx.auth.user!
    const dossier = await findDossier(consultation.dossierId)
    const line = (await consultationsOf(dossier.id)).find((row) => row.id === consultation.id)!
    return ctx.view.render('processing::special/consultation_answer', {
      summary: await dossierSummary(dossier),
      consultation: line,
      mayAnswer: answersFor(officer, consultation) && !consultation.answeredAt,
      ...screenHelpers(state),
    })
  }
}
