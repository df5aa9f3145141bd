import type { HttpContext } from '@adonisjs/core/http'
import { counterFormMessages, messagesByField, supplementRecordValidator } from '#intake/counter/validators/counter_validators'
import { recordSupplement } from '#intake/counter/services/intake_decisions'
import { decided, invalid, refused } from '#intake/counter/controllers/decision_outcome'
import { findDossier } from '#intake/counter/controllers/dossier_page'
import { lookupLinks } from '#intake/counter/controllers/counter_http'

/** OS-6.2, OS-6.6, ST-8: the papers asked for arrived at the counter or by post. */
export default class SupplementsController {
  async store(ctx: HttpContext) {
    const { request, bouncer, auth, i18n } = ctx
    await bouncer.authorize('receiveDossiers')
    const dossier = await findDossier(ctx.params.id)
    const [error, data] = await request.tryValidateUsing(supplementRecordValidator, { messagesProvider: counterFormMessages(i18n) })
    if (error) return invalid(ctx, dossier, { form: 'record', errors: messagesByField(error), values: request.all() })
    try {
      await recordSupplement(
        dossier,
        data.lock_version,
        { receivedComponentIds: data.received ?? [], byPost: data.by_post ?? false, note: data.note ?? null },
        { officer: auth.user!, lookupUrl: lookupLinks(ctx) }
      )
    } catch (failure) {
      return refused(ctx, dossier, failure)
    }
    return decided(ctx, dossier, i18n.t('counter.notices.supplement_recorded', { code: dossier.code }))
  }
}
