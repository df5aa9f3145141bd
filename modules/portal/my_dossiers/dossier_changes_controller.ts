import type { HttpContext } from '@adonisjs/core/http'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { validateEformValues } from '#catalog/index'
import { UploadsRejected, changeDossier, findApplicantDossier, mayApplicant, sizeLabel, typeList, type FileReplacement } from '#intake/index'
import { choiceLists } from '#portal/apply/application_setting'
import { eformInputOf } from '#portal/apply/drafts'
import { addressProvinces } from '#portal/apply/values_description'
import { answerRefusal } from '#portal/my_dossiers/action_refusals'
import { changeFormOf, changedFieldLabels } from '#portal/my_dossiers/dossier_change_form'
import { myDossierPath } from '#portal/my_dossiers/my_dossiers'
import { changeValidator } from '#portal/my_dossiers/validators'

/** What the applicant typed, kept for the form shown again after a refusal. */
const TYPED_AGAIN = 'changeValues'

function chosen(file: MultipartFile | null) {
  return file && file.clientName && file.tmpPath ? file : null
}

/** PT-4.2: change the e-form values and papers of a dossier not accepted yet. */
export default class DossierChangesController {
  async edit(ctx: HttpContext) {
    const { params, auth, view, session } = ctx
    const dossier = await findApplicantDossier(auth.user!.id, Number(params.id))
    if (!mayApplicant('change', dossier)) return this.refuse(ctx, dossier.id, 'my_dossiers.refused.change')
    const form = await changeFormOf(dossier)
    if (!form) return this.refuse(ctx, dossier.id, 'my_dossiers.change.unavailable')

    const typedAgain = session.flashMessages.get(TYPED_AGAIN) as Record<string, unknown> | undefined
    const values = typedAgain ?? dossier.formValues ?? {}
    const errors = (session.flashMessages.get('inputErrorsBag') ?? {}) as Record<string, string[]>
    return view.render('portal::my_dossiers/edit', {
      dossier,
      ...form,
      values,
      errors,
      errorList: Object.entries(errors).map(([path, messages]) => ({ anchor: anchorOf(path), message: messages[0] })),
      lists: await choiceLists(addressProvinces(form.typed, values)),
      typeList,
      sizeLabel,
    })
  }

  async update(ctx: HttpContext) {
    const { params, auth, request, session, response, i18n } = ctx
    const user = auth.user!
    const dossier = await findApplicantDossier(user.id, Number(params.id))
    const { lock_version: lockVersion } = await request.validateUsing(changeValidator)
    if (!mayApplicant('change', dossier)) return this.refuse(ctx, dossier.id, 'my_dossiers.refused.change')
    const form = await changeFormOf(dossier)
    if (!form) return this.refuse(ctx, dossier.id, 'my_dossiers.change.unavailable')

    const input = eformInputOf(form.definition, request.all())
    const lists = await choiceLists(addressProvinces(form.typed, input))
    const checked = await validateEformValues(form.typed, input, { i18n, lists })
    const back = (errors: Record<string, string[]>) => {
      session.flash(TYPED_AGAIN, input)
      session.flash('inputErrorsBag', errors)
      return response.redirect(`${myDossierPath(dossier, 'sua')}#loi`)
    }
    if (!checked.valid) return back(checked.errors)

    const replacements: FileReplacement[] = []
    for (const slot of form.slots) {
      const file = chosen(request.file(`_file_${slot.name}`))
      if (!file) continue
      replacements.push({
        field: `_file.${slot.name}`,
        file,
        label: slot.label,
        componentId: slot.componentId,
        fieldKey: slot.field?.key ?? null,
        types: slot.limits.types,
        maxMb: slot.limits.maxMb,
      })
    }

    let changed: boolean
    try {
      changed = await changeDossier(dossier, user, {
        lockVersion,
        formValues: checked.values,
        changedFields: changedFieldLabels(form.typed, dossier.formValues ?? {}, checked.values),
        replacements,
        i18n,
      })
    } catch (error) {
      if (error instanceof UploadsRejected) {
        return back(Object.fromEntries(Object.entries(error.errors).map(([field, message]) => [field, [message]])))
      }
      return answerRefusal(error, ctx, dossier.id)
    }
    session.flash('notice', i18n.t(changed ? 'my_dossiers.change.done' : 'my_dossiers.change.nothing', { code: dossier.code }))
    return response.redirect(myDossierPath(dossier))
  }

  /** Accepted meanwhile (or withdrawn), or its procedure no longer taking online applications. */
  private refuse({ session, response, i18n }: HttpContext, dossierId: number, message: string) {
    session.flash('warning', i18n.t(message))
    return response.redirect(myDossierPath({ id: dossierId }))
  }
}

/** Where the error summary links to: the field's input. */
function anchorOf(path: string) {
  const file = path.match(/^_file\.(.+)$/)
  if (file) return `file-${file[1]}`
  const parts = path.split('.')
  if (parts.length === 1) return `eform-${parts[0]}`
  return `eform-${parts.join('-')}`
}
