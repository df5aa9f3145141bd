import type { HttpContext } from '@adonisjs/core/http'
import { findProcedure } from '#catalog/queries/procedure_directory'
import { publishProcedure, unpublishProcedure } from '#catalog/actions/publish_procedure'

/** A procedure's publication (công bố): created to reach the portal, withdrawn to leave it. */
export default class ProcedurePublicationsController {
  async store({ params, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const procedure = await publishProcedure(await findProcedure(params.id))
    session.flash('notice', i18n.t('procedures.published_notice', { name: procedure.name }))
    return response.redirect().status(303).toPath(`/quan-tri/thu-tuc/${procedure.id}`)
  }

  async destroy({ params, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const procedure = await unpublishProcedure(await findProcedure(params.id))
    session.flash('notice', i18n.t('procedures.unpublished_notice', { name: procedure.name }))
    return response.redirect().status(303).toPath(`/quan-tri/thu-tuc/${procedure.id}`)
  }
}
