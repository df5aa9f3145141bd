import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { endSession, recordSessionUse } from '#users/services/user_sessions'

/**
 * NF-23: records each logged-in session's use (device, address, last seen) and logs out a
 * session that was ended from another one. Runs after silent auth, inside the tenant scope.
 * A login is recorded at the end of the request that logged in (the session id is new by then),
 * a logout marks the session ended.
 */
export default class UserSessionMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const guard = ctx.auth.use('web')
    const device = () => ({ userAgent: ctx.request.header('user-agent') ?? '', ipAddress: ctx.request.ip() })
    const sessionBefore = ctx.session.sessionId
    const userBefore = guard.user

    if (userBefore && !(await recordSessionUse(userBefore, sessionBefore, device()))) {
      await guard.logout()
      ctx.session.flash('warning', ctx.i18n.t('account_settings.sessions.ended_elsewhere'))
      const returnTo = ctx.request.method() === 'GET' ? `?return_to=${encodeURIComponent(ctx.request.url(true))}` : ''
      return ctx.response.redirect(`/dang-nhap${returnTo}`)
    }

    const result = await next()

    const userAfter = guard.isAuthenticated ? guard.user : undefined
    const renewed = ctx.session.sessionId !== sessionBefore
    if (userBefore && (!userAfter || renewed)) await endSession(sessionBefore)
    if (userAfter && (!userBefore || renewed)) await recordSessionUse(userAfter, ctx.session.sessionId, device())
    return result
  }
}
