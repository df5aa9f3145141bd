import type { HttpContext } from '@adonisjs/core/http'
import { Procedure } from '#catalog/index'
import {
  counterFormMessages,
  messagesByField,
  paperLines,
  supplementRequestValidator,
} from '#intake/counter/validators/counter_validators'
import { requestSupplement } from '#intake/counter/services/intake_decisions'
import { decided, invalid, refused } from '#intake/counter/controllers/decision_outcome'
import { findDossier } from '#intake/counter/controllers/dossier_page'
import { lookupLinks } from '#intake/counter/controllers/counter_http'

/** ST-3, ST-6: the counter asks the applicant to add papers, with the reason and the list. */
export default class SupplementRequestsController {
  async store(ctx: HttpContext) {
    const { request, bouncer, auth, i18n } = ctx
    await bouncer.authorize('receiveDossiers')
    const dossier = await findDossier(ctx.params.id)
    const [error, data] = await request.tryValidateUsing(supplementRequestValidator, { messagesProvider: counterFormMessages(i18n) })
    const errors = error ? messagesByField(error) : {}
    let papers: string[] = []
    if (data) {
      const procedure = await Procedure.query().where('id', dossier.procedureId).preload('components').firstOrFail()
      const named = procedure.components.filter((component) => (data.missing ?? []).includes(component.id))
      papers = [...named.map((component) => component.name), ...paperLines(data.other_papers)]
      if (!papers.length) errors.missing = [i18n.t('counter.errors.papers_required')]
    }
    if (!data || Object.keys(errors).length) return invalid(ctx, dossier, { form: 'supplement', errors, values: request.all() })
    try {
      await requestSupplement(dossier, data.lock_version, { reason: data.reason, papers }, { officer: auth.user!, lookupUrl: lookupLinks(ctx) })
    } catch (failure) {
      return refused(ctx, dossier, failure)
    }
    return decided(ctx, dossier, i18n.t('counter.notices.supplement_requested', { code: dossier.code }), true)
  }
}
