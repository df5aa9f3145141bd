import type { HttpContext } from '@adonisjs/core/http'
import { findApplicantDossier, restoreDossier, withdrawDossier } from '#intake/index'
import { answerRefusal } from '#portal/my_dossiers/action_refusals'
import { myDossierPath } from '#portal/my_dossiers/my_dossiers'
import { restorationValidator, withdrawalValidator } from '#portal/my_dossiers/validators'

/** OS-5.8: withdraw a dossier not accepted yet (store), and restore it (destroy the withdrawal). */
export default class DossierWithdrawalsController {
  async store(ctx: HttpContext) {
    const { params, request, auth, session, response, i18n } = ctx
    const dossier = await findApplicantDossier(auth.user!.id, Number(params.id))
    const input = await request.validateUsing(withdrawalValidator)
    try {
      await withdrawDossier(dossier, auth.user!, { lockVersion: input.lock_version, reason: input.reason })
    } catch (error) {
      return answerRefusal(error, ctx, dossier.id)
    }
    session.flash('notice', i18n.t('my_dossiers.withdraw.done', { code: dossier.code }))
    return response.redirect(myDossierPath(dossier))
  }

  async destroy(ctx: HttpContext) {
    const { params, request, auth, session, response, i18n } = ctx
    const dossier = await findApplicantDossier(auth.user!.id, Number(params.id))
    const input = await request.validateUsing(restorationValidator)
    try {
      await restoreDossier(dossier, auth.user!, { lockVersion: input.lock_version })
    } catch (error) {
      return answerRefusal(error, ctx, dossier.id)
    }
    session.flash('notice', i18n.t('my_dossiers.restore.done', { code: dossier.code }))
    return response.redirect(myDossierPath(dossier))
  }
}
