import type { HttpContext } from '@adonisjs/core/http'
import { findDossier, renderDossierPage } from '#intake/counter/controllers/dossier_page'

/** One dossier at the counter: its content, and the decisions still open on it. */
export default class IntakeDossiersController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('receiveDossiers')
    return renderDossierPage(ctx, await findDossier(ctx.params.id))
  }
}
