import type { HttpContext } from '@adonisjs/core/http'
import { ApplicantActionRefused, StaleDossierException } from '#intake/applicant/applicant_dossiers'
import {
  counterFormMessages,
  counterRestorationValidator,
  counterWithdrawalValidator,
  messagesByField,
} from '#intake/counter/validators/counter_validators'
import { restoreAtApplicantsRequest, withdrawAtApplicantsRequest } from '#intake/counter/services/counter_withdrawals'
import { decided, invalid } from '#intake/counter/controllers/decision_outcome'
import { findDossier, renderDossierPage } from '#intake/counter/controllers/dossier_page'
import { statusLabelFunction } from '#intake/services/status_labels'
import type Dossier from '#intake/models/dossier'

/** OS-5.8: the counter withdraws a dossier not accepted yet at the applicant's request (store), and restores it (destroy). */
export default class CounterWithdrawalsController {
  async store(ctx: HttpContext) {
    const { request, bouncer, auth, i18n } = ctx
    await bouncer.authorize('receiveDossiers')
    const dossier = await findDossier(ctx.params.id)
    const [error, data] = await request.tryValidateUsing(counterWithdrawalValidator, { messagesProvider: counterFormMessages(i18n) })
    if (error) return invalid(ctx, dossier, { form: 'withdraw', errors: messagesByField(error), values: request.all() })
    try {
      await withdrawAtApplicantsRequest(dossier, auth.user!, { lockVersion: data.lock_version, request: data.request })
    } catch (failure) {
      return refusedChange(ctx, dossier, failure)
    }
    return decided(ctx, dossier, i18n.t('counter.notices.withdrawn', { code: dossier.code }))
  }

  async destroy(ctx: HttpContext) {
    const { request, bouncer, auth, i18n } = ctx
    await bouncer.authorize('receiveDossiers')
    const dossier = await findDossier(ctx.params.id)
    const data = await request.validateUsing(counterRestorationValidator, { messagesProvider: counterFormMessages(i18n) })
    try {
      await restoreAtApplicantsRequest(dossier, auth.user!, { lockVersion: data.lock_version })
    } catch (failure) {
      return refusedChange(ctx, dossier, failure)
    }
    return decided(ctx, dossier, i18n.t('counter.notices.restored', { code: dossier.code }))
  }
}

/** Someone acted on the dossier meanwhile, or it is no longer in the status the change needs: the fresh page says so. */
async function refusedChange(ctx: HttpContext, dossier: Dossier, failure: unknown) {
  const fresh = await findDossier(dossier.id)
  if (failure instanceof StaleDossierException) return renderDossierPage(ctx, fresh, { status: 409, problem: ctx.i18n.t('counter.errors.stale') })
  if (failure instanceof ApplicantActionRefused) {
    return renderDossierPage(ctx, fresh, { status: 409, problem: ctx.i18n.t('counter.errors.not_waiting', { status: (await statusLabelFunction())(fresh.statusCode) }) })
  }
  throw failure
}
