import type { HttpContext } from '@adonisjs/core/http'
import { findApplicant } from '#users/queries/account_directory'
import { deactivateAccount } from '#users/actions/change_account_status'

/** OS-17.3: an admin puts a citizen's or organisation's account out of use. */
export default class ApplicantDeactivationsController {
  async store({ params, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('administerAccounts')
    const applicant = await findApplicant(params.id)
    await deactivateAccount(applicant, auth.user!)
    session.flash('notice', i18n.t('staff.applicants.deactivated', { name: applicant.fullName }))
    return response.redirect().status(303).toPath(`/quan-tri/cong-dan/${applicant.id}`)
  }
}
