import type { HttpContext } from '@adonisjs/core/http'
import { findDossier, renderDossier } from '#processing/controllers/processing_http'

/** GET /mot-cua/ho-so/:id — an officer's full view of a dossier (OS-8.2). */
export default class DossiersController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    const dossier = await findDossier(ctx.params.id)
    return renderDossier(ctx, dossier)
  }
}
