import type { HttpContext } from '@adonisjs/core/http'
import { formatDateTime } from '#services/vietnamese_format'
import { acceptanceValidator, counterFormMessages, messagesByField } from '#intake/counter/validators/counter_validators'
import { acceptDossier } from '#intake/counter/services/intake_decisions'
import { decided, invalid, refused } from '#intake/counter/controllers/decision_outcome'
import { findDossier } from '#intake/counter/controllers/dossier_page'
import { lookupLinks } from '#intake/counter/controllers/counter_http'

/** ST-5, ST-7: the counter accepts a waiting dossier (guarded by its lock version). */
export default class AcceptancesController {
  async store(ctx: HttpContext) {
    const { request, bouncer, auth, i18n } = ctx
    await bouncer.authorize('receiveDossiers')
    const dossier = await findDossier(ctx.params.id)
    const [error, data] = await request.tryValidateUsing(acceptanceValidator, { messagesProvider: counterFormMessages(i18n) })
    if (error) return invalid(ctx, dossier, { form: 'accept', errors: messagesByField(error), values: request.all() })
    try {
      await acceptDossier(dossier, data.lock_version, { officer: auth.user!, lookupUrl: lookupLinks(ctx) })
    } catch (failure) {
      return refused(ctx, dossier, failure)
    }
    const notice = i18n.t('counter.notices.accepted', { code: dossier.code, appointment: formatDateTime(dossier.appointmentAt) })
    return decided(ctx, dossier, notice, true)
  }
}
