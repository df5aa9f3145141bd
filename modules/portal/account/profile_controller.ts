import type { HttpContext } from '@adonisjs/core/http'
import { issueAccountToken, sendAccountMail } from '#users/index'
import { checkCurrentPassword } from '#portal/account/current_password'
import { namespacedMessages } from '#portal/account/validation_messages'
import { profileValidator } from '#portal/account/validators'

/**
 * PT-1.1: the applicant's profile, the source the e-forms are prefilled from. The personal
 * identification number (the login name, and the identity the dossiers were filed under) and an
 * organisation's name and tax code are shown, not edited: the agency corrects them (OS-17.3).
 * A new email address is verified by a link sent to it, and needs the current password.
 */
export default class ProfileController {
  async edit({ view, auth, bouncer }: HttpContext) {
    await bouncer.authorize('keepApplicantAccount')
    return view.render('portal::account/profile', { user: auth.user! })
  }

  async update(ctx: HttpContext) {
    const { request, response, session, auth, bouncer, i18n } = ctx
    await bouncer.authorize('keepApplicantAccount')
    const user = auth.user!
    const input = await request.validateUsing(profileValidator, {
      meta: { userId: user.id, nationalId: user.nationalId },
      messagesProvider: namespacedMessages(i18n, 'account_settings'),
    })

    const emailChanged = input.email !== (user.email ?? '').toLowerCase()
    if (emailChanged) {
      const check = await checkCurrentPassword(user, input.current_password)
      if (check !== 'right') {
        session.flashExcept(['current_password', '_csrf'])
        session.flash('inputErrorsBag', { current_password: [i18n.t(`account_settings.current_password.${check}`)] })
        return response.redirect().back()
      }
    }

    user.merge({
      fullName: input.full_name,
      dateOfBirth: input.date_of_birth,
      phone: input.phone,
      address: input.address || null,
    })
    if (emailChanged) {
      user.email = input.email
      user.emailVerifiedAt = null
    }
    await user.save()

    session.flash('notice', i18n.t('account_settings.profile.saved'))
    if (emailChanged) {
      const sent = await sendAccountMail(ctx, 'verify_email', user, await issueAccountToken(user, 'verify_email'))
      session.flash('warning', i18n.t(sent ? 'account_settings.profile.verify_sent' : 'account_settings.profile.verify_not_sent', { email: input.email }))
    }
    return response.redirect('/tai-khoan/thong-tin')
  }
}
