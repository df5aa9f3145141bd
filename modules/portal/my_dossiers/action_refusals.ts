import type { HttpContext } from '@adonisjs/core/http'
import { ApplicantActionRefused, StaleDossierException } from '#intake/index'
import { myDossierPath } from '#portal/my_dossiers/my_dossiers'

/**
 * An action the dossier no longer allows (it was accepted meanwhile) or made on a stale page
 * (someone changed the dossier since): back to the dossier, as it is now, with a message.
 * Nothing was written. Any other error goes on.
 */
export function answerRefusal(error: unknown, { session, response, i18n }: HttpContext, dossierId: number) {
  if (error instanceof StaleDossierException) {
    session.flash('warning', i18n.t('my_dossiers.refused.stale'))
  } else if (error instanceof ApplicantActionRefused) {
    session.flash('warning', i18n.t(`my_dossiers.refused.${error.action}`))
  } else {
    throw error
  }
  return response.redirect(myDossierPath({ id: dossierId }))
}
