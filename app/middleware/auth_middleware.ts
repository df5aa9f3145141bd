import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'

export default class AuthMiddleware {
  redirectTo = '/dang-nhap'

  async handle(ctx: HttpContext, next: NextFn, options: { guards?: (keyof Authenticators)[]; loginPath?: string } = {}) {
    await ctx.auth.authenticateUsing(options.guards, { loginRoute: options.loginPath ?? this.redirectTo })
    return next()
  }
}
