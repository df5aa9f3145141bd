import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import { Exception } from '@adonisjs/core/exceptions'
import Procedure from '#catalog/models/procedure'
import { currentEform, saveEformVersion } from '#catalog/actions/save_eform_version'
import {
  FieldEditError,
  addField,
  moveField,
  removeField,
  replaceField,
} from '#catalog/actions/edit_eform_fields'
import {
  FIELD_KINDS,
  FILE_FIELD_TYPES,
  MAX_FILE_FIELD_MB,
  PROFILE_ATTRIBUTES,
  eformDefinitionMessages,
  findField,
  optionLines,
  validateEformField,
  type EformField,
  type FieldKind,
} from '#catalog/services/eform_definition'

const FIELD_INPUTS = [
  'key', 'label', 'help', 'kind', 'required', 'multiline', 'minLength', 'maxLength', 'pattern', 'min', 'max',
  'integer', 'options', 'catalogueCode', 'maxSizeMb', 'allowedTypes', 'minRows', 'maxRows',
]

function notFound(): never {
  throw new Exception('E-form field not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
}

/** The field as the form sent it; `prefill` is a profile attribute, or `vault` plus a code. */
function fieldInput(request: HttpContext['request'], kind: string) {
  const input: Record<string, unknown> = request.only(FIELD_INPUTS)
  input.kind = kind
  const prefill = request.input('prefill')
  input.prefill = prefill === 'vault' ? `vault:${String(request.input('vault_code') ?? '').trim()}` : prefill
  return input
}

/**
 * PT-1.2: one field of a procedure's e-form at a time: add, edit, remove, move. Every change is
 * saved as a new version of the e-form (earlier versions are kept for the dossiers filed with them).
 */
export default class EformFieldsController {
  async create({ params, request, response, view, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const procedure = await Procedure.findOrFail(params.id)
    const kind = request.input('kind') as FieldKind
    if (!FIELD_KINDS.includes(kind)) return response.redirect().withQs(false).toPath(`/quan-tri/thu-tuc/${procedure.id}/bieu-mau`)
    const current = await currentEform(procedure.id)
    return view.render('catalog::pages/admin/eforms/field', {
      ...this.formData(procedure, current?.fields ?? [], kind),
      field: null,
      parent: request.input('parent') ?? '',
      action: `/quan-tri/thu-tuc/${procedure.id}/bieu-mau/truong?kind=${kind}`,
    })
  }

  async store(ctx: HttpContext) {
    const { params, request, bouncer } = ctx
    await bouncer.authorize('editCatalog')
    const procedure = await Procedure.findOrFail(params.id)
    const kind = String(request.input('kind') ?? request.qs().kind ?? '')
    const parent = request.input('parent') || null
    const back = `/quan-tri/thu-tuc/${procedure.id}/bieu-mau/truong/them?kind=${encodeURIComponent(kind)}${parent ? `&parent=${encodeURIComponent(parent)}` : ''}`
    return this.saveChange(ctx, procedure, back, async (fields) => {
      const field = await validateEformField(fieldInput(request, kind), eformDefinitionMessages(ctx.i18n))
      return addField(fields, field, parent)
    })
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const procedure = await Procedure.findOrFail(params.id)
    const current = await currentEform(procedure.id)
    const field = findField(current?.fields ?? [], params.path) ?? notFound()
    return view.render('catalog::pages/admin/eforms/field', {
      ...this.formData(procedure, current!.fields, field.kind),
      field,
      path: params.path,
      parent: params.path.includes('.') ? params.path.split('.')[0] : '',
      action: `/quan-tri/thu-tuc/${procedure.id}/bieu-mau/truong/${params.path}`,
    })
  }

  async update(ctx: HttpContext) {
    const { params, request, bouncer } = ctx
    await bouncer.authorize('editCatalog')
    const procedure = await Procedure.findOrFail(params.id)
    const current = await currentEform(procedure.id)
    const existing = findField(current?.fields ?? [], params.path) ?? notFound()
    const back = `/quan-tri/thu-tuc/${procedure.id}/bieu-mau/truong/${params.path}/sua`
    return this.saveChange(ctx, procedure, back, async (fields) => {
      const field = await validateEformField(fieldInput(request, existing.kind), eformDefinitionMessages(ctx.i18n))
      return replaceField(fields, params.path, field)
    })
  }

  async destroy(ctx: HttpContext) {
    const { params, bouncer, i18n } = ctx
    await bouncer.authorize('editCatalog')
    const procedure = await Procedure.findOrFail(params.id)
    const current = await currentEform(procedure.id)
    const existing = findField(current?.fields ?? [], params.path) ?? notFound()
    return this.saveChange(
      ctx,
      procedure,
      `/quan-tri/thu-tuc/${procedure.id}/bieu-mau`,
      async (fields) => removeField(fields, params.path).fields,
      (version) => i18n.t('eforms.editor.removed', { label: existing.label, version })
    )
  }

  async moveUp(ctx: HttpContext) {
    return this.move(ctx, -1)
  }

  async moveDown(ctx: HttpContext) {
    return this.move(ctx, 1)
  }

  private async move(ctx: HttpContext, direction: -1 | 1) {
    const { params, bouncer, i18n } = ctx
    await bouncer.authorize('editCatalog')
    const procedure = await Procedure.findOrFail(params.id)
    const current = await currentEform(procedure.id)
    findField(current?.fields ?? [], params.path) ?? notFound()
    return this.saveChange(
      ctx,
      procedure,
      `/quan-tri/thu-tuc/${procedure.id}/bieu-mau`,
      async (fields) => moveField(fields, params.path, direction),
      (version) => i18n.t('eforms.editor.moved', { version })
    )
  }

  /** Applies `change` to the current fields and saves a new version, or sends the form back. */
  private async saveChange(
    { response, session, auth, i18n }: HttpContext,
    procedure: Procedure,
    back: string,
    change: (fields: EformField[]) => Promise<EformField[]>,
    notice: (version: number) => string = (version) => i18n.t('eforms.editor.saved', { version })
  ) {
    const current = await currentEform(procedure.id)
    try {
      const fields = await change(current?.fields ?? [])
      const eform = await saveEformVersion(procedure, fields, auth.user?.id ?? null)
      session.flash('notice', notice(eform.version))
      return response.redirect().withQs(false).status(303).toPath(`/quan-tri/thu-tuc/${procedure.id}/bieu-mau`)
    } catch (error) {
      const problems: Record<string, string[]> = {}
      if (error instanceof vineErrors.E_VALIDATION_ERROR) {
        for (const message of error.messages as { field: string; message: string }[]) {
          ;(problems[message.field.split('.')[0]] ??= []).push(message.message)
        }
      } else if (error instanceof FieldEditError) {
        problems[error.input] = [i18n.t(`eforms.definition_errors.${error.messageKey}`, error.args)]
      } else {
        throw error
      }
      session.flash('inputErrorsBag', problems)
      session.flash('errorsBag', { E_EFORM: i18n.t('eforms.editor.refused') })
      session.flashExcept(['_csrf'])
      return response.redirect().withQs(false).toPath(back)
    }
  }

  private formData(procedure: Procedure, fields: EformField[], kind: FieldKind) {
    return {
      procedure,
      kind,
      groups: fields.filter((field) => field.kind === 'group').map((field) => ({ value: field.key, label: field.label })),
      profileAttributes: PROFILE_ATTRIBUTES,
      fileTypes: FILE_FIELD_TYPES,
      maxFileMb: MAX_FILE_FIELD_MB,
      optionLines,
    }
  }
}
