import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

export default class GuestMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { redirectTo?: string } = {}) {
    if (await ctx.auth.check()) return ctx.response.redirect(options.redirectTo ?? '/')
    return next()
  }
}
