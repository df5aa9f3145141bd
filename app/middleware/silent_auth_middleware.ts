import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Knows who is logged in, without requiring it, so public pages can say so. */
export default class SilentAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await ctx.auth.check()
    // An account deactivated while its session was open is signed out at its next request.
    if (ctx.auth.user && !ctx.auth.user.isActive) await ctx.auth.use('web').logout()
    return next()
  }
}
