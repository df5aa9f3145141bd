import type { HttpContext } from '@adonisjs/core/http'
import Procedure from '#catalog/models/procedure'
import { createResultTemplate } from '#catalog/services/slip_templates'
import { resultTemplateValidator, slipFormMessages } from '#catalog/validators/slip_validator'

/** OS-2.5: a procedure's own result template, started from the tenant-wide one. */
export default class ResultTemplatesController {
  async store({ request, response, session, bouncer, auth, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const { procedure_id: procedureId } = await request.validateUsing(resultTemplateValidator, {
      messagesProvider: slipFormMessages(i18n),
    })
    const procedure = await Procedure.findOrFail(procedureId)
    const template = await createResultTemplate(procedure.id, auth.user?.id ?? null)
    session.flash('notice', i18n.t('slips.results.created', { name: procedure.name }))
    return response.redirect().status(303).toPath(`/quan-tri/mau-phieu/${template.id}/sua`)
  }
}
