import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#users/models/user'
import { consumeAccountToken, issueAccountToken } from '#users/services/account_tokens'
import { sendAccountMail } from '#users/services/account_mail'
import { emailRequestValidator } from '#users/validators/account_validators'
import { takeCaptchaAnswer } from '#users/services/captcha'

/** The link in the registration email activates a pending account; it can be sent again. */
export default class EmailVerificationController {
  async show({ params, view, session, response, i18n }: HttpContext) {
    const user = await consumeAccountToken(params.token, 'verify_email')
    if (!user) return view.render('users::pages/link_expired', { requestAgain: '/xac-thuc-email' })

    user.emailVerifiedAt ??= DateTime.now()
    if (user.isPending) user.isActive = true
    await user.save()
    session.flash('notice', i18n.t(user.isActive ? 'accounts.verify.done' : 'accounts.verify.done_but_deactivated'))
    return response.redirect('/dang-nhap')
  }

  create({ view }: HttpContext) {
    return view.render('users::pages/resend_verification')
  }

  async store(ctx: HttpContext) {
    const { request, session, response, i18n } = ctx
    const { email } = await request.validateUsing(emailRequestValidator, {
      meta: { captchaAnswer: takeCaptchaAnswer(session) },
    })
    const user = await User.byEmail(email)
    if (user?.isApplicant && user.emailVerifiedAt === null) {
      const token = await issueAccountToken(user, 'verify_email')
      await sendAccountMail(ctx, 'verify_email', user, token)
    }
    // The same answer whether or not the address is registered: nobody learns who has an account.
    session.flash('notice', i18n.t('accounts.verify.resent', { email }))
    return response.redirect('/dang-nhap')
  }
}
