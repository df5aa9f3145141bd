import type { HttpContext } from '@adonisjs/core/http'
import { findOfficer } from '#users/queries/account_directory'
import { SelfDeactivationException, deactivateAccount } from '#users/actions/change_account_status'

/** OS-17.2: an officer's account is put out of use (a deactivation is created). */
export default class OfficerDeactivationsController {
  async store({ params, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('administerAccounts')
    const officer = await findOfficer(params.id)
    const back = `/quan-tri/can-bo/${officer.id}/sua`
    try {
      await deactivateAccount(officer, auth.user!)
    } catch (error) {
      if (!(error instanceof SelfDeactivationException)) throw error
      session.flashErrors({ deactivation: i18n.t('staff.officers.cannot_deactivate_self') })
      return response.redirect().status(303).toPath(back)
    }
    session.flash('notice', i18n.t('staff.officers.deactivated', { name: officer.fullName }))
    return response.redirect().status(303).toPath(back)
  }
}
