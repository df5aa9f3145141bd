import type { HttpContext } from '@adonisjs/core/http'
import { findOfficer } from '#users/queries/account_directory'
import { activateAccount } from '#users/actions/change_account_status'

/** OS-17.2: a deactivated officer's account is put back into use. */
export default class OfficerActivationsController {
  async store({ params, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('administerAccounts')
    const officer = await findOfficer(params.id)
    await activateAccount(officer)
    session.flash('notice', i18n.t('staff.officers.reactivated', { name: officer.fullName }))
    return response.redirect().status(303).toPath(`/quan-tri/can-bo/${officer.id}/sua`)
  }
}
