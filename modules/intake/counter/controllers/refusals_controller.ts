import type { HttpContext } from '@adonisjs/core/http'
import { counterFormMessages, messagesByField, refusalValidator } from '#intake/counter/validators/counter_validators'
import { refuseDossier } from '#intake/counter/services/intake_decisions'
import { decided, invalid, refused } from '#intake/counter/controllers/decision_outcome'
import { findDossier } from '#intake/counter/controllers/dossier_page'
import { lookupLinks } from '#intake/counter/controllers/counter_http'

/** ST-4, ST-6: the counter refuses a waiting dossier, with the reason. */
export default class RefusalsController {
  async store(ctx: HttpContext) {
    const { request, bouncer, auth, i18n } = ctx
    await bouncer.authorize('receiveDossiers')
    const dossier = await findDossier(ctx.params.id)
    const [error, data] = await request.tryValidateUsing(refusalValidator, { messagesProvider: counterFormMessages(i18n) })
    if (error) return invalid(ctx, dossier, { form: 'refuse', errors: messagesByField(error), values: request.all() })
    try {
      await refuseDossier(dossier, data.lock_version, data.reason, { officer: auth.user!, lookupUrl: lookupLinks(ctx) })
    } catch (failure) {
      return refused(ctx, dossier, failure)
    }
    return decided(ctx, dossier, i18n.t('counter.notices.refused', { code: dossier.code }), true)
  }
}
