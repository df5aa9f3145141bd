import type { HttpContext } from '@adonisjs/core/http'
import { applyRowAction, componentRowsFrom, feeRowsFrom } from '#catalog/validators/procedure_form'
import { nationalCodeValidator, procedureFormMessages } from '#catalog/validators/procedure_validator'

/**
 * htmx helpers of the procedure form, answering fragments: the components and fees editors
 * after adding, removing or moving a row, and the inline check of the national code. The same
 * buttons work without JavaScript through ProceduresController (the whole form is sent).
 */
export default class ProcedureRowsController {
  async components({ request, view, response, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const { rows, focus } = applyRowAction(request.input('components'), String(request.input('component_action') ?? ''), 'component')
    response.header('Vary', 'HX-Request')
    return view.render('catalog::pages/admin/procedures/_components_editor', {
      rows: componentRowsFrom(rows),
      focus,
    })
  }

  async fees({ request, view, response, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const { rows, focus } = applyRowAction(request.input('fees'), String(request.input('fee_action') ?? ''), 'fee')
    response.header('Vary', 'HX-Request')
    return view.render('catalog::pages/admin/procedures/_fees_editor', { rows: feeRowsFrom(rows), focus })
  }

  /** The national code field again, with its error when the code is malformed or taken (422). */
  async nationalCode({ request, view, response, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const procedureId = Number(request.input('procedure_id'))
    const [error] = await request.tryValidateUsing(nationalCodeValidator, {
      meta: { procedureId: Number.isInteger(procedureId) && procedureId > 0 ? procedureId : null },
      messagesProvider: procedureFormMessages(i18n),
    })
    const message = (error as { messages?: { message: string }[] } | null)?.messages?.[0]?.message ?? ''
    response.status(message ? 422 : 200)
    response.header('Vary', 'HX-Request')
    return view.render('catalog::pages/admin/procedures/_national_code_field', {
      value: String(request.input('national_code') ?? ''),
      message,
      procedureId: Number.isInteger(procedureId) && procedureId > 0 ? procedureId : null,
    })
  }
}
