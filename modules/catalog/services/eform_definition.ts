/*
 * The e-form definition of a procedure (PT-1.1, PT-1.2): an ordered list of typed fields, each
 * with its label, help shown at the field, whether it is required, validation rules and an
 * optional prefill source. The same VineJS schema checks a definition saved as a whole (JSON) and
 * one field edited in the admin form, so nothing invalid is ever stored.
 */
import vine from '@vinejs/vine'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import type { I18n } from '@adonisjs/i18n'

export const FIELD_KINDS = [
  'text',
  'number',
  'money',
  'date',
  'choice',
  'yes_no',
  'citizen_id',
  'phone',
  'email',
  'address',
  'catalogue',
  'file',
  'group',
] as const
export type FieldKind = (typeof FIELD_KINDS)[number]
export const LEAF_KINDS = FIELD_KINDS.filter((kind) => kind !== 'group') as Exclude<FieldKind, 'group'>[]

/** Profile attributes an applicant's account holds, offered as prefill (PT-1.1). */
export const PROFILE_ATTRIBUTES = ['full_name', 'national_id', 'date_of_birth', 'phone', 'email', 'address'] as const
export type ProfileAttribute = (typeof PROFILE_ATTRIBUTES)[number]
/** A profile attribute, or `vault:<document type code>` for a verified paper of the applicant's vault. */
export type PrefillSource = ProfileAttribute | `vault:${string}`
const VAULT_PREFILL = /^vault:[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/

/** File types an e-form file field may accept (by extension; content is checked on upload). */
export const FILE_FIELD_TYPES = ['pdf', 'jpg', 'png', 'doc', 'docx', 'odt', 'xml'] as const
export type FileFieldType = (typeof FILE_FIELD_TYPES)[number]
export const MAX_FILE_FIELD_MB = 20
export const MAX_GROUP_ROWS = 100
export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/

export interface ChoiceOption {
  value: string
  label: string
}

interface FieldBase {
  /** Name of the value in a submitted dossier; lower-case letters, digits and _. */
  key: string
  label: string
  /** Shown right at the input (PT-1.2). */
  help?: string
  required: boolean
  prefill?: PrefillSource
}

export interface TextField extends FieldBase {
  kind: 'text'
  multiline?: boolean
  minLength?: number
  maxLength?: number
  /** A regular expression the whole value must match (Unicode mode). */
  pattern?: string
}
export interface NumberField extends FieldBase {
  kind: 'number'
  min?: number
  max?: number
  integer?: boolean
}
/** An amount in đồng, typed as 1.000.000 or 1000000. */
export interface MoneyField extends FieldBase {
  kind: 'money'
  min?: number
  max?: number
}
export interface DateField extends FieldBase {
  kind: 'date'
}
export interface ChoiceField extends FieldBase {
  kind: 'choice'
  options: ChoiceOption[]
}
export interface SimpleField extends FieldBase {
  kind: 'yes_no' | 'citizen_id' | 'phone' | 'email' | 'address'
}
/** A value from a shared catalogue (OS-16), named by the catalogue's code. */
export interface CatalogueField extends FieldBase {
  kind: 'catalogue'
  catalogueCode: string
}
export interface FileField extends FieldBase {
  kind: 'file'
  maxSizeMb: number
  allowedTypes: FileFieldType[]
}
export type LeafField =
  | TextField
  | NumberField
  | MoneyField
  | DateField
  | ChoiceField
  | SimpleField
  | CatalogueField
  | FileField
/** Repeatable rows of child fields (members of a household, founders of a company, …). */
export interface GroupField extends FieldBase {
  kind: 'group'
  fields: LeafField[]
  minRows: number
  maxRows: number
}
export type EformField = LeafField | GroupField

/* ------------------------------------------------------------------ rules */

/** A regular expression that compiles in Unicode mode and is not absurdly long. */
const validPattern = vine.createRule((value: unknown, _options, field: FieldContext) => {
  if (typeof value !== 'string') return
  try {
    new RegExp(value, 'u')
  } catch {
    field.report('The {{ field }} is not a valid regular expression', 'eformPattern', field)
  }
})

const validPrefill = vine.createRule((value: unknown, _options, field: FieldContext) => {
  if (typeof value !== 'string') return
  if (!(PROFILE_ATTRIBUTES as readonly string[]).includes(value) && !VAULT_PREFILL.test(value)) {
    field.report('The {{ field }} is not a known source', 'eformPrefill', field)
  }
})

/** `lower` ≤ `upper` when both are given (min/max, minLength/maxLength, minRows/maxRows). */
const orderedBounds = vine.createRule(
  (value: unknown, options: { lower: string; upper: string }, field: FieldContext) => {
    if (!field.isValid || !value || typeof value !== 'object') return
    const record = value as Record<string, unknown>
    const lower = record[options.lower]
    const upper = record[options.upper]
    if (typeof lower === 'number' && typeof upper === 'number' && lower > upper) {
      field.report('The lower bound is above the upper bound', 'eformBounds', field, { lower: options.lower })
    }
  }
)

/** Keys are unique among siblings (top level, or inside one group). */
const uniqueKeys = vine.createRule((value: unknown, _options, field: FieldContext) => {
  if (!Array.isArray(value)) return
  const seen = new Set<string>()
  for (const item of value) {
    const key = item && typeof item === 'object' ? (item as { key?: unknown }).key : undefined
    if (typeof key !== 'string') continue
    if (seen.has(key)) {
      field.report('The key {{ key }} is used twice', 'eformDuplicateKey', field, { key })
      return
    }
    seen.add(key)
  }
})

/** Option values are unique within a choice field. */
const uniqueOptionValues = vine.createRule((value: unknown, _options, field: FieldContext) => {
  if (!Array.isArray(value)) return
  const values = value.map((option) => (option as ChoiceOption | undefined)?.value)
  if (new Set(values).size !== values.length) field.report('Two options have the same value', 'eformDuplicateOption', field)
})

/* ------------------------------------------------------------------ schema */

/** Options typed one a line in the admin form: `value | label`, or a label that is its own value. */
export function parseOptionLines(text: string): ChoiceOption[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const bar = line.indexOf('|')
      if (bar === -1) return { value: line, label: line }
      const value = line.slice(0, bar).trim()
      const label = line.slice(bar + 1).trim()
      return { value: value || label, label: label || value }
    })
}

export function optionLines(options: ChoiceOption[] | undefined) {
  return (options ?? []).map((option) => (option.value === option.label ? option.label : `${option.value} | ${option.label}`)).join('\n')
}

const asList = (value: unknown) => (typeof value === 'string' ? [value] : value)

function fieldSchema(kinds: readonly FieldKind[], children?: ReturnType<typeof leafSchema>) {
  const groups = [
    vine.group.if((data) => data.kind === 'text', {
      multiline: vine.boolean().optional(),
      minLength: vine.number().withoutDecimals().min(0).max(10000).optional(),
      maxLength: vine.number().withoutDecimals().min(1).max(10000).optional(),
      pattern: vine.string().maxLength(500).use(validPattern()).optional(),
    }),
    vine.group.if((data) => data.kind === 'number', {
      min: vine.number().optional(),
      max: vine.number().optional(),
      integer: vine.boolean().optional(),
    }),
    vine.group.if((data) => data.kind === 'money', {
      min: vine.number().withoutDecimals().min(0).optional(),
      max: vine.number().withoutDecimals().min(0).optional(),
    }),
    vine.group.if((data) => data.kind === 'choice', {
      options: vine
        .array(
          vine.object({
            value: vine.string().trim().minLength(1).maxLength(100),
            label: vine.string().trim().minLength(1).maxLength(255),
          })
        )
        .parse((value) => (typeof value === 'string' ? parseOptionLines(value) : value))
        .minLength(1)
        .maxLength(500)
        .use(uniqueOptionValues()),
    }),
    vine.group.if((data) => data.kind === 'catalogue', {
      catalogueCode: vine
        .string()
        .trim()
        .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/),
    }),
    vine.group.if((data) => data.kind === 'file', {
      maxSizeMb: vine.number().min(0.1).max(MAX_FILE_FIELD_MB),
      allowedTypes: vine.array(vine.enum(FILE_FIELD_TYPES)).parse(asList).minLength(1).distinct(),
    }),
  ]
  if (children) {
    groups.push(
      vine.group.if((data) => data.kind === 'group', {
        fields: vine.array(children).maxLength(50).use(uniqueKeys()).optional(),
        minRows: vine.number().withoutDecimals().min(0).max(MAX_GROUP_ROWS),
        maxRows: vine.number().withoutDecimals().min(1).max(MAX_GROUP_ROWS),
      }) as any
    )
  }

  return vine
    .object({
      key: vine.string().trim().regex(FIELD_KEY_PATTERN),
      label: vine.string().trim().minLength(1).maxLength(255),
      help: vine.string().trim().maxLength(1000).optional(),
      kind: vine.enum(kinds),
      required: vine.boolean().optional(),
      prefill: vine.string().trim().use(validPrefill()).optional(),
    })
    .merge(vine.group(groups).otherwise(() => {}))
    .use(orderedBounds({ lower: 'min', upper: 'max' }))
    .use(orderedBounds({ lower: 'minLength', upper: 'maxLength' }))
    .use(orderedBounds({ lower: 'minRows', upper: 'maxRows' }))
}

function leafSchema() {
  return fieldSchema(LEAF_KINDS)
}

/** One field as the admin form sends it (a group's children are edited one by one). */
export const eformFieldValidator = vine.create(fieldSchema(FIELD_KINDS, leafSchema()))

/** A whole definition, e.g. pasted as JSON in the editor. */
export const eformDefinitionValidator = vine.create(
  vine.object({
    fields: vine.array(fieldSchema(FIELD_KINDS, leafSchema())).maxLength(200).use(uniqueKeys()),
  })
)

/** The validator's output as the typed field, without empty optional properties. */
export function normaliseField(raw: Record<string, any>): EformField {
  const field: Record<string, any> = {}
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined || value === null || value === '') continue
    field[name] = value
  }
  field.required = raw.required === true
  if (field.kind === 'group') {
    field.fields = ((raw.fields as Record<string, any>[] | undefined) ?? []).map((child) => normaliseField(child))
  }
  return field as EformField
}

/** Validates a whole definition; throws the VineJS ValidationError when it is refused. */
export async function validateEformDefinition(input: unknown, messagesProvider?: MessagesProviderContact) {
  const { fields } = await eformDefinitionValidator.validate(input, { messagesProvider })
  return fields.map((field) => normaliseField(field as Record<string, any>))
}

export async function validateEformField(input: unknown, messagesProvider?: MessagesProviderContact) {
  const field = await eformFieldValidator.validate(input, { messagesProvider })
  return normaliseField(field as Record<string, any>)
}

/**
 * Messages for definition errors: `eforms.definition_errors.<rule>` first, then the shared
 * validator messages; property names from `eforms.properties.<name>`. A path such as
 * `fields.2.options` names the field's position so the admin can find it.
 */
export function eformDefinitionMessages(i18n: I18n): MessagesProviderContact {
  return {
    getMessage(defaultMessage, rule, field, meta) {
      const property = i18n.hasMessage(`eforms.properties.${field.name}`)
        ? i18n.t(`eforms.properties.${field.name}`)
        : String(field.name)
      const args = { field: property, ...(meta ?? {}) } as Record<string, any>
      if (typeof args.lower === 'string' && i18n.hasMessage(`eforms.properties.${args.lower}`)) {
        args.lower = i18n.t(`eforms.properties.${args.lower}`)
      }
      const message = i18n.hasMessage(`eforms.definition_errors.${rule}`)
        ? i18n.t(`eforms.definition_errors.${rule}`, args)
        : i18n.hasMessage(`validator.shared.messages.${rule}`)
          ? i18n.t(`validator.shared.messages.${rule}`, args)
          : defaultMessage.replace('{{ field }}', property)
      const position = String(field.getFieldPath?.() ?? '').match(/^fields\.(\d+)(?:\.fields\.(\d+))?/)
      if (!position) return message
      const where = position[2] !== undefined
        ? i18n.t('eforms.definition_errors.at_child', { index: Number(position[1]) + 1, child: Number(position[2]) + 1 })
        : i18n.t('eforms.definition_errors.at_field', { index: Number(position[1]) + 1 })
      return `${where}: ${message}`
    },
  }
}

/** Finds a field by its path: `key` at the top level, `group.child` inside a group. */
export function findField(fields: EformField[], path: string): EformField | undefined {
  const [first, second] = path.split('.')
  const top = fields.find((field) => field.key === first)
  if (second === undefined) return top
  return top?.kind === 'group' ? top.fields.find((field) => field.key === second) : undefined
}
