import type { HttpContext } from '@adonisjs/core/http'
import { findApplicant } from '#users/queries/account_directory'
import { activateAccount } from '#users/actions/change_account_status'

/** OS-17.3: an admin activates a pending account (the email never arrived) or a deactivated one. */
export default class ApplicantActivationsController {
  async store({ params, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('administerAccounts')
    const applicant = await findApplicant(params.id)
    await activateAccount(applicant)
    session.flash('notice', i18n.t('staff.applicants.activated', { name: applicant.fullName }))
    return response.redirect().status(303).toPath(`/quan-tri/cong-dan/${applicant.id}`)
  }
}
