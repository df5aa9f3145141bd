import type { HttpContext } from '@adonisjs/core/http'
import { registrationValidator } from '#users/validators/account_validators'
import { registrationLimiter } from '#users/services/login_throttle'
import { takeCaptchaAnswer } from '#users/services/captcha'
import { registerApplicant } from '#users/actions/register_applicant'
import { issueAccountToken } from '#users/services/account_tokens'
import { sendAccountMail } from '#users/services/account_mail'

/** OL-10 AS-2: citizens and organisations open an account on the tenant's portal. */
export default class RegistrationController {
  create({ view }: HttpContext) {
    return view.render('users::pages/register')
  }

  async store(ctx: HttpContext) {
    const { request, response, session, i18n } = ctx
    const limit = registrationLimiter()
    const limitKey = `register:${request.ip()}`
    if (await limit.isBlocked(limitKey)) {
      session.flashExcept(['password', 'password_confirmation', 'captcha', '_csrf'])
      session.flashErrors({ registration: i18n.t('accounts.register.too_many') })
      return response.redirect().back()
    }

    const captchaAnswer = takeCaptchaAnswer(session)
    const details = await request.validateUsing(registrationValidator, { meta: { captchaAnswer } })
    await limit.increment(limitKey)

    const applicant = await registerApplicant(details)
    const token = await issueAccountToken(applicant, 'verify_email')
    const sent = await sendAccountMail(ctx, 'verify_email', applicant, token)
    session.flash(
      sent ? 'notice' : 'warning',
      i18n.t(sent ? 'accounts.register.done' : 'accounts.register.done_mail_failed', { email: applicant.email })
    )
    return response.redirect('/dang-nhap')
  }
}
