import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#users/models/user'
import { consumeAccountToken, findUsableToken, issueAccountToken } from '#users/services/account_tokens'
import { sendAccountMail } from '#users/services/account_mail'
import { emailRequestValidator, newPasswordValidator } from '#users/validators/account_validators'
import { takeCaptchaAnswer } from '#users/services/captcha'

/** Forgotten password: a one-hour link by email, then a new password. Officers' invitations too. */
export default class PasswordResetController {
  create({ view }: HttpContext) {
    return view.render('users::pages/forgot_password')
  }

  async store(ctx: HttpContext) {
    const { request, session, response, i18n } = ctx
    const { email } = await request.validateUsing(emailRequestValidator, {
      meta: { captchaAnswer: takeCaptchaAnswer(session) },
    })
    const user = await User.byEmail(email)
    if (user && user.deactivatedAt === null) {
      const token = await issueAccountToken(user, 'reset_password')
      await sendAccountMail(ctx, 'reset_password', user, token)
    }
    session.flash('notice', i18n.t('accounts.reset.requested', { email }))
    return response.redirect('/dang-nhap')
  }

  async edit({ params, view }: HttpContext) {
    const token = await findUsableToken(params.token, 'reset_password')
    if (!token) return view.render('users::pages/link_expired', { requestAgain: '/quen-mat-khau' })
    return view.render('users::pages/reset_password', { token: params.token })
  }

  async update({ params, request, view, session, response, i18n }: HttpContext) {
    const { password } = await request.validateUsing(newPasswordValidator)
    const user = await consumeAccountToken(params.token, 'reset_password')
    if (!user) return view.render('users::pages/link_expired', { requestAgain: '/quen-mat-khau' })

    user.password = password
    // The link reached the mailbox, which proves the address as well as the registration email would.
    user.emailVerifiedAt ??= DateTime.now()
    if (user.isPending) user.isActive = true
    await user.save()
    session.flash('notice', i18n.t('accounts.reset.done'))
    return response.redirect('/dang-nhap')
  }
}
