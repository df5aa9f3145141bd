import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#users/models/user'
import { LoginThrottle } from '#users/services/login_throttle'
import { takeCaptchaAnswer } from '#users/services/captcha'
import { loginValidator } from '#users/validators/account_validators'
import { safeReturnPath } from '#http/safe_return_path'

const SHOW_CAPTCHA = 'login.captcha'

/** Login and logout for officers, citizens and organisations (PT-6.2). */
export default class SessionController {
  create({ view, request, session }: HttpContext) {
    return view.render('users::pages/login', {
      returnTo: safeReturnPath(request.input('return_to'), ''),
      showCaptcha: session.get(SHOW_CAPTCHA, false),
    })
  }

  async store(ctx: HttpContext) {
    const { request, session, response, auth, tenant, i18n } = ctx
    const refuse = (message: string, showCaptcha: boolean) => {
      session.put(SHOW_CAPTCHA, showCaptcha)
      session.flashExcept(['password', 'captcha', '_csrf'])
      session.flashErrors({ login: message })
      return response.redirect().back()
    }

    const { account_name: accountName, password } = await request.validateUsing(loginValidator)
    const throttle = new LoginThrottle(tenant.id, accountName, request.ip())
    const before = await throttle.state()
    if (before.locked) {
      return refuse(i18n.t('accounts.login.locked', { minutes: before.retryAfterMinutes }), before.captchaRequired)
    }
    if (before.captchaRequired) {
      const expected = takeCaptchaAnswer(session)
      const given = String(request.input('captcha', '')).trim().toLowerCase()
      if (!expected || given !== expected.toLowerCase()) {
        return refuse(i18n.t(given ? 'accounts.login.captcha_wrong' : 'accounts.login.captcha_needed'), true)
      }
    }

    let user: User
    try {
      user = await User.verifyCredentials(accountName, password)
    } catch {
      await throttle.recordFailure()
      const after = await throttle.state()
      const message = after.locked
        ? i18n.t('accounts.login.locked', { minutes: after.retryAfterMinutes })
        : i18n.t('accounts.login.wrong')
      return refuse(message, after.captchaRequired)
    }

    if (!user.isActive) {
      const reason = user.isPending ? 'accounts.login.pending' : 'accounts.login.deactivated'
      return refuse(i18n.t(reason, { phone: tenant.contact.phone }), false)
    }

    await throttle.recordSuccess()
    session.forget(SHOW_CAPTCHA)
    await auth.use('web').login(user)
    user.lastLoginAt = DateTime.now()
    await user.save()
    return response.redirect(safeReturnPath(request.input('return_to'), user.isOfficer ? '/mot-cua' : '/tai-khoan'))
  }

  async destroy({ auth, response, session, i18n }: HttpContext) {
    await auth.use('web').logout()
    session.flash('notice', i18n.t('accounts.logout.done'))
    return response.redirect('/')
  }
}
