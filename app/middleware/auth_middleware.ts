import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Pages behind login. A visitor without an active session goes to the login page, which brings
 * them back to the page they asked for (GET only; a form post cannot be replayed).
 */
export default class AuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const user = (await ctx.auth.check()) ? ctx.auth.user : undefined
    if (user?.isActive) return next()

    const returnTo = ctx.request.method() === 'GET' ? `?return_to=${encodeURIComponent(ctx.request.url(true))}` : ''
    return ctx.response.redirect(`/dang-nhap${returnTo}`)
  }
}
