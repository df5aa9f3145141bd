import type { HttpContext } from '@adonisjs/core/http'
import { findSlipTemplate, resetSlipTemplate } from '#catalog/services/slip_templates'
import { SLIPS_PAGE } from '#catalog/controllers/slips_controller'

/** OS-2.5: a slip goes back to the default text of its circular. */
export default class SlipResetsController {
  async store({ params, response, session, bouncer, auth, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const template = await findSlipTemplate(params.id)
    await resetSlipTemplate(template, auth.user?.id ?? null)
    session.flash('notice', i18n.t('slips.reset_done', { title: template.title }))
    return response.redirect().status(303).toPath(SLIPS_PAGE)
  }
}
