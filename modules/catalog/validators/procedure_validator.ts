/*
 * OS-1.2: the procedure form an admin fills in (create and edit): every attribute, the dossier
 * components (rows), the fees and charges (rows, amounts typed in đồng with thousands dots) and
 * the performing agencies. Rows arrive as `components[<key>][name]`, where the key is any
 * string the form chose; they are read in the order the form sent them.
 *
 * Messages: `procedures.validation.<field path>.<rule>` first, then the shared rule message of
 * validator.json with the field's label from `procedures.validation_fields`.
 */
import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import { ADMINISTRATIVE_LEVELS, APPLICANT_TYPES, CHANNELS, SUPPLEMENT_CLOCKS } from '#catalog/models/procedure'
import { parseMoney } from '#services/money_format'

type ProcedureFormMeta = { procedureId: number | null }

export const ONLINE_LEVELS = [1, 2, 3, 4] as const
export const FEE_KINDS = ['fee', 'charge'] as const

/** `components[c0][…]`, `components[c1][…]` (an object) or a plain list, as a list in form order. */
export function rowsOf(value: unknown): Record<string, unknown>[] {
  if (!value || typeof value !== 'object') return []
  const rows = Array.isArray(value) ? value : Object.values(value)
  return rows.filter((row): row is Record<string, unknown> => !!row && typeof row === 'object')
}

/** One ticked box may arrive as a plain value rather than a list. */
function listOf(value: unknown) {
  if (value === undefined || value === null || value === '') return []
  return Array.isArray(value) ? value : [value]
}

/** National procedure database codes look like 1.001757 or 2.000889. */
export const NATIONAL_CODE_PATTERN = /^\d{1,2}\.\d{6}$/

/** No other procedure of the tenant carries this national code. */
const nationalCodeAvailable = vine.createRule(
  async (value: unknown, _options, field: FieldContext) => {
    if (typeof value !== 'string' || !field.isValid) return
    const { default: Procedure } = await import('#catalog/models/procedure')
    const procedureId = (field.meta as ProcedureFormMeta).procedureId
    const query = Procedure.query().where('national_code', value)
    if (procedureId) query.whereNot('id', procedureId)
    if (await query.first()) field.report('Another procedure has this code', 'nationalCodeAvailable', field)
  },
  { isAsync: true }
)

/** A sector of the current tenant (the query runs in the tenant's scope). */
const sectorOfTenant = vine.createRule(
  async (value: unknown, _options, field: FieldContext) => {
    if (typeof value !== 'number' || !field.isValid) return
    const { default: Sector } = await import('#catalog/models/sector')
    if (!(await Sector.find(value))) field.report('Not one of the sectors', 'sectorOfTenant', field)
  },
  { isAsync: true }
)

/** A group of the current tenant, inside the sector chosen on the same form. */
const groupOfSector = vine.createRule(
  async (value: unknown, _options, field: FieldContext) => {
    if (typeof value !== 'number' || !field.isValid) return
    const { default: ProcedureGroup } = await import('#catalog/models/procedure_group')
    const group = await ProcedureGroup.find(value)
    if (!group || group.sectorId !== Number(field.parent?.sector_id)) {
      field.report('Not a group of the chosen sector', 'groupOfSector', field)
    }
  },
  { isAsync: true }
)

/** Agencies of the current tenant. */
const agenciesOfTenant = vine.createRule(
  async (value: unknown, _options, field: FieldContext) => {
    if (!Array.isArray(value) || value.length === 0 || !field.isValid) return
    const { default: Agency } = await import('#users/models/agency')
    const found = await Agency.query().whereIn('id', value as number[])
    if (found.length !== new Set(value).size) field.report('Unknown agency', 'agenciesOfTenant', field)
  },
  { isAsync: true }
)

/** A whole amount of đồng, "1.000.000" accepted. */
const moneyAmount = vine.createRule((value: unknown, _options, field: FieldContext) => {
  if (!field.isValid) return
  const amount = parseMoney(value as string)
  if (amount === null || amount > 1_000_000_000_000) {
    field.report('Not an amount in đồng', 'money', field)
    return
  }
  field.mutate(amount, field)
})

/** Working days, "15", "0,5" or "0.5"; one decimal at most. */
const workingDays = vine.createRule((value: unknown, _options, field: FieldContext) => {
  if (typeof value !== 'string' || !field.isValid) return
  const match = value.trim().match(/^(\d{1,4})(?:[.,](\d))?$/)
  const days = match ? Number(`${match[1]}.${match[2] ?? 0}`) : NaN
  if (!match || days <= 0 || days > 1000) {
    field.report('Not a number of working days', 'workingDays', field)
    return
  }
  field.mutate(days, field)
})

export const componentRow = vine.object({
  id: vine.number().withoutDecimals().positive().optional(),
  name: vine.string().trim().minLength(2).maxLength(2000),
  original_copies: vine.number().withoutDecimals().range([0, 20]),
  photocopies: vine.number().withoutDecimals().range([0, 20]),
  is_required: vine.boolean().optional(),
})

export const feeRow = vine.object({
  id: vine.number().withoutDecimals().positive().optional(),
  kind: vine.enum(FEE_KINDS),
  description: vine.string().trim().minLength(2).maxLength(1000),
  amount: vine
    .string()
    .trim()
    .use(moneyAmount())
    .transform((value) => Number(value)),
})

export const procedureSchema = vine.object({
  name: vine.string().trim().minLength(5).maxLength(2000),
  national_code: vine.string().trim().regex(NATIONAL_CODE_PATTERN).use(nationalCodeAvailable()).optional(),
  is_sample_code: vine.boolean().optional(),
  sector_id: vine.number().withoutDecimals().use(sectorOfTenant()),
  procedure_group_id: vine.number().withoutDecimals().use(groupOfSector()).optional(),
  steps_description: vine.string().trim().minLength(5).maxLength(20000),
  channels: vine.array(vine.enum(CHANNELS)).parse(listOf).minLength(1).distinct(),
  legal_deadline_days: vine
    .string()
    .trim()
    .use(workingDays())
    .transform((value) => Number(value)),
  result_type: vine.string().trim().minLength(2).maxLength(255),
  conditions: vine.string().trim().maxLength(20000).optional(),
  legal_basis: vine.string().trim().minLength(5).maxLength(20000),
  online_level: vine.number().in([...ONLINE_LEVELS]),
  applicant_types: vine.array(vine.enum(APPLICANT_TYPES)).parse(listOf).minLength(1).distinct(),
  administrative_level: vine.enum(ADMINISTRATIVE_LEVELS),
  supplement_clock: vine.enum(SUPPLEMENT_CLOCKS).optional(),
  result_by_post: vine.boolean().optional(),
  result_online: vine.boolean().optional(),
  agency_ids: vine
    .array(vine.number().withoutDecimals().positive())
    .parse(listOf)
    .distinct()
    .use(agenciesOfTenant()),
  components: vine.array(componentRow).parse(rowsOf),
  fees: vine.array(feeRow).parse(rowsOf),
})

export const procedureValidator = vine.withMetaData<ProcedureFormMeta>().create(procedureSchema)

/** What a valid form gives the actions. */
export interface ProcedureDetails {
  name: string
  national_code?: string
  is_sample_code?: boolean
  sector_id: number
  procedure_group_id?: number
  steps_description: string
  channels: (typeof CHANNELS)[number][]
  legal_deadline_days: number
  result_type: string
  conditions?: string
  legal_basis: string
  online_level: number
  applicant_types: (typeof APPLICANT_TYPES)[number][]
  administrative_level: (typeof ADMINISTRATIVE_LEVELS)[number]
  supplement_clock?: (typeof SUPPLEMENT_CLOCKS)[number]
  result_by_post?: boolean
  result_online?: boolean
  agency_ids: number[]
  components: { id?: number; name: string; original_copies: number; photocopies: number; is_required?: boolean }[]
  fees: { id?: number; kind: (typeof FEE_KINDS)[number]; description: string; amount: number }[]
}

/** Only the national code, for the inline check next to the field. */
export const nationalCodeValidator = vine.withMetaData<ProcedureFormMeta>().create(
  vine.object({
    national_code: vine.string().trim().regex(NATIONAL_CODE_PATTERN).use(nationalCodeAvailable()).optional(),
  })
)

export const sectorValidator = vine.create(
  vine.object({
    code: vine.string().trim().minLength(1).maxLength(40).regex(/^[A-Za-z0-9._-]+$/),
    name: vine.string().trim().minLength(2).maxLength(255),
    position: vine.number().withoutDecimals().range([0, 9999]).optional(),
  })
)

export const procedureGroupValidator = vine.create(
  vine.object({
    name: vine.string().trim().minLength(2).maxLength(255),
  })
)

/**
 * The form's own messages first (`procedures.validation.<path>.<rule>`), then the shared rule
 * message with the field's label. Passed explicitly so the form speaks the visitor's language.
 */
export function procedureFormMessages(i18n: I18n, form: 'validation' | 'sector_validation' = 'validation'): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage, rule, field, meta) {
      const path = field.wildCardPath
      const own = `procedures.${form}.${path}.${rule}`
      if (i18n.hasMessage(own)) return i18n.t(own, { ...meta })
      const labelKey = `procedures.${form}_fields.${path}`
      if (i18n.hasMessage(labelKey) && i18n.hasMessage(`validator.shared.messages.${rule}`)) {
        return i18n.t(`validator.shared.messages.${rule}`, { ...meta, field: i18n.t(labelKey) })
      }
      return shared.getMessage(defaultMessage, rule, field, meta)
    },
  }
}
