import type { HttpContext } from '@adonisjs/core/http'
import { procedureForIntake } from '#intake/counter/services/intake_form'
import { missingRequired } from '#intake/counter/services/completeness'

/**
 * OS-5.2: the completeness line under the intake checklist, refreshed by htmx each time a
 * component is ticked (without JavaScript the form's "check" button gives the same answer).
 */
export default class CompletenessChecksController {
  async show({ request, view, bouncer }: HttpContext) {
    await bouncer.authorize('receiveDossiers')
    const procedure = await procedureForIntake(Number(request.input('thu-tuc')))
    const raw = request.input('_components', [])
    const received = (Array.isArray(raw) ? raw : [raw]).map(Number).filter(Number.isSafeInteger)
    const missing = missingRequired(procedure.components, received).map((component) => component.name)
    return view.render('intake::counter/_completeness', { procedure, missing })
  }
}
