import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'

export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction

  /** The Vietnamese 404 page is shown everywhere, so an unknown host never sees a stack. */
  protected renderStatusPages = true

  /** Developers see the stack of a 500; everybody else the Vietnamese page. */
  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '404': (_, { view }) => view.render('pages/errors/not_found'),
    '403': (_, { view }) => view.render('pages/errors/forbidden'),
    ...(app.inProduction
      ? { '500..599': (_: unknown, { view }: HttpContext) => view.render('pages/errors/server_error') }
      : {}),
  }

  async handle(error: unknown, ctx: HttpContext) {
    // Bouncer answers a bare "Access denied"; browsers get the Vietnamese page instead.
    const refused = (error as { code?: string } | null)?.code === 'E_AUTHORIZATION_FAILURE'
    if (refused && ctx.request.accepts(['html', 'json']) !== 'json') {
      return ctx.response.status(403).send(await ctx.view.render('pages/errors/forbidden'))
    }
    return super.handle(error, ctx)
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }
}
