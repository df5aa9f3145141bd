import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import Procedure from '#catalog/models/procedure'
import ProcedureComponent from '#catalog/models/procedure_component'
import FormTemplate from '#catalog/models/form_template'
import {
  TemplateFileError,
  deleteFormTemplate,
  templatesOf,
  uploadFormTemplate,
} from '#catalog/actions/manage_form_templates'
import { FORM_TEMPLATE_MAX_MB, FORM_TEMPLATE_TYPES } from '#catalog/services/file_content'

const templateValidator = vine.create(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(500),
    legal_basis: vine.string().trim().maxLength(2000).optional(),
    procedure_component_id: vine.number().withoutDecimals().positive().optional(),
  })
)

/** OS-2.5, OL-7: the form templates of one procedure, as its admins maintain them. */
export default class FormTemplatesController {
  async index({ params, view, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const procedure = await Procedure.findOrFail(params.id)
    return view.render('catalog::pages/admin/form_templates/index', {
      procedure,
      templates: await templatesOf(procedure.id),
      components: await ProcedureComponent.query().where('procedure_id', procedure.id).orderBy('position'),
      maxMb: FORM_TEMPLATE_MAX_MB,
      accept: FORM_TEMPLATE_TYPES.map((type) => `.${type}`).join(','),
    })
  }

  async store({ params, request, response, session, bouncer, auth, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const procedure = await Procedure.findOrFail(params.id)
    const back = `/quan-tri/thu-tuc/${procedure.id}/mau-don`
    const [error, details] = await request.tryValidateUsing(templateValidator, {
      messagesProvider: i18n.createMessagesProvider(),
    })
    const problems: Record<string, string[]> = {}
    if (error) {
      for (const message of (error as any).messages as { field: string; message: string }[]) {
        problems[message.field] = [message.field === 'name' ? i18n.t('eforms.templates.name_required') : message.message]
      }
    }
    if (details) {
      try {
        const template = await uploadFormTemplate(procedure, details, request.file('file'), auth.user?.id ?? null)
        session.flash('notice', i18n.t('eforms.templates.uploaded', { name: template.name }))
        return response.redirect().withQs(false).status(303).toPath(back)
      } catch (failure) {
        if (!(failure instanceof TemplateFileError)) throw failure
        problems.file = [i18n.t(`eforms.templates.${failure.problem}`, { max: FORM_TEMPLATE_MAX_MB })]
      }
    } else if (!request.file('file')) {
      problems.file = [i18n.t('eforms.templates.file_missing')]
    }
    session.flash('inputErrorsBag', problems)
    session.flashExcept(['_csrf', 'file'])
    return response.redirect().withQs(false).toPath(back)
  }

  async destroy({ params, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const template = await FormTemplate.query()
      .where('id', params.templateId)
      .where('procedure_id', params.id)
      .firstOrFail()
    await deleteFormTemplate(template)
    session.flash('notice', i18n.t('eforms.templates.deleted', { name: template.name }))
    return response.redirect().withQs(false).status(303).toPath(`/quan-tri/thu-tuc/${params.id}/mau-don`)
  }
}
