import type { HttpContext } from '@adonisjs/core/http'
import { findOfficer } from '#users/queries/account_directory'
import { inviteOfficer } from '#users/actions/invite_officer'

/** OS-17.1: a new invitation to set a password, when the first one was lost or expired. */
export default class OfficerInvitationsController {
  async store(ctx: HttpContext) {
    const { params, response, session, bouncer, i18n } = ctx
    await bouncer.authorize('administerAccounts')
    const officer = await findOfficer(params.id)
    const sent = await inviteOfficer(ctx, officer)
    session.flash(
      sent ? 'notice' : 'warning',
      i18n.t(sent ? 'staff.officers.invitation_sent' : 'staff.officers.invitation_failed', { email: officer.email })
    )
    return response.redirect().status(303).toPath(`/quan-tri/can-bo/${officer.id}/sua`)
  }
}
