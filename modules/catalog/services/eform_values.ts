/*
 * Checks the values an applicant typed into an e-form against its definition (PT-1, OL-11 b:
 * format checks for dates and money) and returns them typed, or Vietnamese messages by field.
 * Dates, identification numbers and phone numbers use the same rules as the account forms.
 *
 * Input is what the body parser gives for inputs named as the eform component names them:
 * `key`, `address[province]`, `members[0][full_name]`; files come from `request.allFiles()`
 * merged in (see `mergeFiles`).
 */
import { formatAmount, parseMoney } from '#services/money_format'
import vine, { errors as vineErrors } from '@vinejs/vine'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import type { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import {
  parseVietnameseDate,
  personalIdentificationNumber,
  vietnameseDate,
  vietnamesePhone,
} from '#users/validators/rules'
import type { ChoiceOption, EformField, FileFieldType, GroupField, LeafField } from '#catalog/services/eform_definition'
import { detectAllowedType, type KnownType } from '#catalog/services/file_content'

/** Lists the validator checks choices against when the caller has them (shared catalogues, OS-16). */
export interface EformChoiceLists {
  provinces?: ChoiceOption[]
  /** Communes by province value. */
  communes?: Record<string, ChoiceOption[]>
  /** Entries of shared catalogues by catalogue code. */
  catalogues?: Record<string, ChoiceOption[]>
}

export interface AddressValue {
  province: string
  commune: string
  detail?: string
}

/** An uploaded file as the body parser gives it (MultipartFile), or a reference to a stored one. */
export interface UploadedFileLike {
  tmpPath?: string
  size: number
  clientName: string
  extname?: string
}
export type FileValue = UploadedFileLike | { ref: string }

export type EformLeafValue = string | number | boolean | AddressValue | FileValue
export type EformValues = Record<string, EformLeafValue | Record<string, EformLeafValue>[]>

export type EformValidationResult =
  | { valid: true; values: EformValues }
  | { valid: false; errors: Record<string, string[]> }

/* ------------------------------------------------------------------ rules */

const moneyAmount = vine.createRule((value: unknown, options: { min?: number; max?: number }, field: FieldContext) => {
  if (typeof value !== 'string') return
  const amount = parseMoney(value)
  if (amount === null || !Number.isSafeInteger(amount)) {
    field.report('The {{ field }} must be an amount in đồng, e.g. 1.000.000', 'moneyFormat', field)
    return
  }
  if (options.min !== undefined && amount < options.min) {
    field.report('The {{ field }} is too small', 'moneyMin', field, { min: formatAmount(options.min) })
  } else if (options.max !== undefined && amount > options.max) {
    field.report('The {{ field }} is too large', 'moneyMax', field, { max: formatAmount(options.max) })
  } else {
    field.mutate(amount, field)
  }
})

/** A number typed with a decimal comma (2,5) is read as 2.5. */
function decimalComma(value: unknown) {
  return typeof value === 'string' && /^\s*-?\d+,\d+\s*$/.test(value) ? value.replace(',', '.').trim() : value
}

/** A commune of the chosen province, when the caller passed the list of communes. */
const communeOfProvince = vine.createRule(
  (value: unknown, options: { communes: Record<string, ChoiceOption[]> }, field: FieldContext) => {
    if (typeof value !== 'string') return
    const province = field.parent?.province
    const communes = typeof province === 'string' ? options.communes[province] : undefined
    if (communes && !communes.some((commune) => commune.value === value)) field.report('Choose a commune', 'enum', field)
  }
)

function isUpload(value: unknown): value is UploadedFileLike {
  return !!value && typeof value === 'object' && 'clientName' in value && 'size' in value
}

const FILE_REFERENCE = /^(file|vault):[A-Za-z0-9_-]{1,64}$/

/** An upload within the field's size limit whose name and content are an allowed type. */
const uploadedFile = vine.createRule(
  async (value: unknown, options: { maxSizeMb: number; allowedTypes: FileFieldType[] }, field: FieldContext) => {
    const types = options.allowedTypes.map((type) => `.${type}`).join(', ')
    if (typeof value === 'string' && FILE_REFERENCE.test(value)) {
      field.mutate({ ref: value }, field)
      return
    }
    if (!isUpload(value)) {
      field.report('Choose a file for {{ field }}', 'fileType', field, { types })
      return
    }
    if (value.size > options.maxSizeMb * 1024 * 1024) {
      field.report('The file is too large', 'fileSize', field, { max: String(options.maxSizeMb).replace('.', ',') })
      return
    }
    const detected = value.tmpPath
      ? await detectAllowedType(value.tmpPath, value.clientName, options.allowedTypes as KnownType[])
      : undefined
    if (!detected) field.report('The file is not an accepted type', 'fileType', field, { types })
  },
  { isAsync: true }
)

/* ------------------------------------------------------------------ schema */

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.every(isBlank)
  if (typeof value === 'object' && !isUpload(value)) return Object.values(value).every(isBlank)
  return false
}

function leafSchema(field: LeafField, lists: EformChoiceLists, siblings: LeafField[]) {
  // An optional field left blank (or a blank address) is no value at all.
  const blank = (value: unknown) => (!field.required && isBlank(value) ? undefined : value)
  switch (field.kind) {
    case 'text': {
      let schema = vine.string().parse(blank).trim().maxLength(field.maxLength ?? (field.multiline ? 5000 : 1000))
      if (field.minLength !== undefined) schema = schema.minLength(field.minLength)
      if (field.pattern) schema = schema.regex(new RegExp(`^(?:${field.pattern})$`, 'u'))
      return schema
    }
    case 'number': {
      let schema = vine.number().parse((value) => decimalComma(blank(value)))
      if (field.integer) schema = schema.withoutDecimals()
      if (field.min !== undefined) schema = schema.min(field.min)
      if (field.max !== undefined) schema = schema.max(field.max)
      return schema
    }
    case 'money':
      return vine
        .string()
        .parse((value) => (typeof value === 'number' ? String(value) : blank(value)))
        .use(moneyAmount({ min: field.min, max: field.max }))
    case 'date':
      return vine
        .string()
        .parse(blank)
        .trim()
        .use(vietnameseDate())
        .transform((value) => parseVietnameseDate(value)!.toISODate()!)
    case 'choice':
      return vine.enum(field.options.map((option) => option.value)).parse(blank)
    case 'yes_no':
      return vine.boolean().parse(blank)
    case 'citizen_id': {
      const birthDate = siblings.find((sibling) => sibling.kind === 'date' && sibling.prefill === 'date_of_birth')
      return vine.string().parse(blank).trim().use(personalIdentificationNumber({ birthDateField: birthDate?.key }))
    }
    case 'phone':
      return vine.string().parse(blank).trim().use(vietnamesePhone())
    case 'email':
      return vine.string().parse(blank).trim().toLowerCase().email().maxLength(254)
    case 'address': {
      const provinces = lists.provinces
      const communes = lists.communes
      return vine
        .object({
        province: provinces ? vine.enum(provinces.map((p) => p.value)) : vine.string().trim().maxLength(100),
        commune: communes
          ? vine.string().trim().maxLength(100).use(communeOfProvince({ communes }))
          : vine.string().trim().maxLength(100),
        detail: vine.string().trim().maxLength(255).optional(),
      })
        .parse(blank)
    }
    case 'catalogue': {
      const entries = lists.catalogues?.[field.catalogueCode]
      return entries ? vine.enum(entries.map((entry) => entry.value)).parse(blank) : vine.string().parse(blank).trim().maxLength(100)
    }
    case 'file':
      return vine.any().parse(blank).use(uploadedFile({ maxSizeMb: field.maxSizeMb, allowedTypes: field.allowedTypes }))
  }
}

function withPresence(schema: any, field: EformField) {
  return field.required ? schema : schema.optional()
}

function rowsOf(value: unknown) {
  // qs turns members[0][x] into an array, but into an object once the indexes grow large.
  const rows = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : value
  return Array.isArray(rows) ? rows.filter((row) => !isBlank(row)) : rows
}

function groupSchema(group: GroupField, lists: EformChoiceLists) {
  const row = vine.object(
    Object.fromEntries(
      group.fields.map((child) => [child.key, withPresence(leafSchema(child, lists, group.fields), child)])
    )
  )
  const minRows = Math.max(group.minRows, group.required ? 1 : 0)
  const schema = vine
    .array(row)
    .parse((value) => {
      const rows = rowsOf(value)
      return minRows === 0 && Array.isArray(rows) && rows.length === 0 ? undefined : rows
    })
    .maxLength(group.maxRows)
  return minRows > 0 ? schema.minLength(minRows) : schema.optional()
}

export function eformSchema(definition: EformField[], lists: EformChoiceLists = {}) {
  const leaves = definition.filter((field): field is LeafField => field.kind !== 'group')
  return vine.object(
    Object.fromEntries(
      definition.map((field) => [
        field.key,
        field.kind === 'group' ? groupSchema(field, lists) : withPresence(leafSchema(field, lists, leaves), field),
      ])
    )
  )
}

/* ------------------------------------------------------------------ messages */

/**
 * Messages name the field by its label (and row, in a group): `eforms.values.<rule>` first
 * (`required` becomes "choose" for choices and "attach" for files), then the shared validator
 * messages.
 */
export function eformValueMessages(definition: EformField[], i18n: I18n): MessagesProviderContact {
  const labels = new Map<string, EformField>()
  for (const field of definition) {
    labels.set(field.key, field)
    if (field.kind === 'group') for (const child of field.fields) labels.set(`${field.key}.*.${child.key}`, child)
  }
  return {
    getMessage(defaultMessage, rule, field, meta) {
      const path = field.wildCardPath
      let definitionField = labels.get(path)
      let label = definitionField?.label ?? String(field.name)
      const part = path.match(/^(.*)\.(province|commune|detail)$/)
      if (!definitionField && part && labels.get(part[1])?.kind === 'address') {
        definitionField = labels.get(part[1])
        label = `${definitionField!.label} (${i18n.t(`eforms.address.${part[2]}`)})`
      }
      const row = String(field.getFieldPath()).match(/^[^.]+\.(\d+)\./)
      if (row) label = i18n.t('eforms.values.in_row', { label, row: Number(row[1]) + 1 })

      let key = rule
      if (rule === 'required' && definitionField) {
        if (['choice', 'yes_no', 'catalogue'].includes(definitionField.kind)) key = 'required_choice'
        else if (definitionField.kind === 'file') key = 'required_file'
        else if (definitionField.kind === 'group') key = 'required_rows'
      }
      const args = { field: label, ...(meta ?? {}) }
      for (const identifier of [`eforms.values.${key}`, `validator.shared.messages.${key}`]) {
        if (i18n.hasMessage(identifier)) return i18n.t(identifier, args)
      }
      return defaultMessage.replace('{{ field }}', label)
    },
  }
}

/* ------------------------------------------------------------------ entry point */

/** Puts uploaded files (request.allFiles()) into the body at their paths. */
export function mergeFiles(body: Record<string, any>, files: Record<string, any>) {
  return { ...body, ...files }
}

/**
 * Validates `input` against the definition. Messages are in the given i18n's language
 * (Vietnamese by default).
 */
export async function validateEformValues(
  definition: EformField[],
  input: unknown,
  options: { i18n?: I18n; lists?: EformChoiceLists } = {}
): Promise<EformValidationResult> {
  const i18n = options.i18n ?? i18nManager.locale('vi')
  const validator = vine.create(eformSchema(definition, options.lists))
  try {
    const values = await validator.validate(input ?? {}, {
      messagesProvider: eformValueMessages(definition, i18n),
    })
    return { valid: true, values: values as EformValues }
  } catch (error) {
    if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
    const errors: Record<string, string[]> = {}
    for (const message of error.messages as { field: string; message: string }[]) {
      ;(errors[message.field] ??= []).push(message.message)
    }
    return { valid: false, errors }
  }
}
