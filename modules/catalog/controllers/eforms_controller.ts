import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import Procedure from '#catalog/models/procedure'
import { currentEform, eformVersion, eformVersions, saveEformVersion } from '#catalog/actions/save_eform_version'
import {
  FIELD_KINDS,
  eformDefinitionMessages,
  validateEformDefinition,
} from '#catalog/services/eform_definition'
import { validateEformValues } from '#catalog/services/eform_values'

/** PT-1.1, PT-1.2: a procedure's e-form: the editor page, saving a whole definition, preview. */
export default class EformsController {
  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const procedure = await Procedure.findOrFail(params.id)
    const current = await currentEform(procedure.id)
    return view.render('catalog::pages/admin/eforms/show', {
      procedure,
      current,
      versions: await eformVersions(procedure.id),
      kinds: FIELD_KINDS,
      definitionJson: JSON.stringify(current?.fields ?? [], null, 2),
    })
  }

  /** Saves a definition pasted as JSON; refused as a whole when anything is wrong. */
  async store({ params, request, response, session, bouncer, auth, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const procedure = await Procedure.findOrFail(params.id)
    const editor = `/quan-tri/thu-tuc/${procedure.id}/bieu-mau`
    const refuse = (messages: string[]) => {
      session.flash('inputErrorsBag', { definition: messages })
      session.flash('errorsBag', { E_EFORM: i18n.t('eforms.editor.refused') })
      session.flashOnly(['definition'])
      return response.redirect().withQs(false).toPath(`${editor}#field-definition`)
    }

    let parsed: unknown
    try {
      parsed = JSON.parse(String(request.input('definition') ?? ''))
    } catch {
      return refuse([i18n.t('eforms.definition_errors.json')])
    }
    try {
      const input = Array.isArray(parsed) ? { fields: parsed } : parsed
      const fields = await validateEformDefinition(input, eformDefinitionMessages(i18n))
      const eform = await saveEformVersion(procedure, fields, auth.user?.id ?? null)
      session.flash('notice', i18n.t('eforms.editor.saved', { version: eform.version }))
      return response.redirect().withQs(false).status(303).toPath(editor)
    } catch (error) {
      if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
      return refuse((error.messages as { message: string }[]).map((message) => message.message))
    }
  }

  /** The form as applicants will see it: the current version, or `?phien-ban=N`. */
  async preview({ params, request, view, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const procedure = await Procedure.findOrFail(params.id)
    const eform = await this.versionAsked(procedure.id, request.input('phien-ban'))
    return view.render('catalog::pages/admin/eforms/preview', { procedure, eform, values: {}, errors: {}, result: null })
  }

  /** Tries sample values against the rules; nothing is stored. */
  async check({ params, request, response, view, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const procedure = await Procedure.findOrFail(params.id)
    const eform = await this.versionAsked(procedure.id, request.input('phien-ban'))
    const input = { ...request.except(['_csrf', 'phien-ban']), ...request.allFiles() }
    const result = await validateEformValues(eform?.fields ?? [], input, { i18n })
    response.status(result.valid ? 200 : 422)
    return view.render('catalog::pages/admin/eforms/preview', {
      procedure,
      eform,
      values: request.except(['_csrf']),
      errors: result.valid ? {} : result.errors,
      result: result.valid ? JSON.stringify(result.values, null, 2) : null,
    })
  }

  private async versionAsked(procedureId: number, version: unknown) {
    const number = Number(version)
    if (Number.isInteger(number) && number > 0) return eformVersion(procedureId, number)
    return currentEform(procedureId)
  }
}
