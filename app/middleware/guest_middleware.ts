import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Login and registration pages send someone already logged in to their own start page. */
export default class GuestMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const user = (await ctx.auth.check()) ? ctx.auth.user : undefined
    if (user?.isActive) return ctx.response.redirect(user.isOfficer ? '/mot-cua' : '/tai-khoan')
    return next()
  }
}
