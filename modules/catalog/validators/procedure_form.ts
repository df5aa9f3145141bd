/*
 * The procedure form's state between requests: what each field shows (the procedure's values,
 * or what the admin typed when the form came back with errors or after a row was added,
 * removed or moved) and each row's errors. The rows editors work with and without htmx: the
 * same `component_action` / `fee_action` button either re-renders the editor as a fragment
 * (htmx) or sends the whole form, which comes back with the rows changed (plain form).
 */
import type Procedure from '#catalog/models/procedure'
import { formatAmount } from '#services/money_format'
import { rowsOf } from '#catalog/validators/procedure_validator'

export type FieldErrors = Record<string, string[]>

export interface ComponentRowState {
  key: string
  index: number
  id: string
  name: string
  original_copies: string
  photocopies: string
  is_required: boolean
  errors: Record<string, string>
}

export interface FeeRowState {
  key: string
  index: number
  id: string
  kind: string
  description: string
  amount: string
  errors: Record<string, string>
}

export interface ProcedureFormState {
  values: Record<string, string>
  lists: { channels: string[]; applicant_types: string[]; agency_ids: string[] }
  flags: { is_sample_code: boolean; result_by_post: boolean; result_online: boolean }
  components: ComponentRowState[]
  fees: FeeRowState[]
  /** id of the element that gets the focus (autofocus) after a row was added, moved or removed. */
  focus: string
}

function str(value: unknown) {
  if (value === null || value === undefined) return ''
  return String(value)
}

function list(value: unknown): string[] {
  if (value === null || value === undefined || value === '') return []
  return (Array.isArray(value) ? value : [value]).map(String)
}

function ticked(value: unknown) {
  return value === true || value === 'on' || value === '1' || value === 'true' || value === 1
}

function rowErrors(errors: FieldErrors, prefix: string, index: number) {
  const found: Record<string, string> = {}
  const start = `${prefix}.${index}.`
  for (const [path, messages] of Object.entries(errors)) {
    if (path.startsWith(start) && messages.length) found[path.slice(start.length)] = messages[0]
  }
  return found
}

export function componentRowsFrom(input: unknown, errors: FieldErrors = {}): ComponentRowState[] {
  return rowsOf(input).map((row, index) => ({
    key: `c${index}`,
    index,
    id: str(row.id),
    name: str(row.name),
    original_copies: str(row.original_copies ?? '1'),
    photocopies: str(row.photocopies ?? '0'),
    is_required: ticked(row.is_required),
    errors: rowErrors(errors, 'components', index),
  }))
}

export function feeRowsFrom(input: unknown, errors: FieldErrors = {}): FeeRowState[] {
  return rowsOf(input).map((row, index) => ({
    key: `f${index}`,
    index,
    id: str(row.id),
    kind: str(row.kind || 'charge'),
    description: str(row.description),
    amount: str(row.amount),
    errors: rowErrors(errors, 'fees', index),
  }))
}

export function blankComponent(): Record<string, unknown> {
  return { name: '', original_copies: '1', photocopies: '0', is_required: 'on' }
}

export function blankFee(): Record<string, unknown> {
  return { kind: 'charge', description: '', amount: '' }
}

/**
 * Applies `add`, `remove:<i>`, `up:<i>` or `down:<i>` to the rows as typed, and says which
 * element should get the focus afterwards (an id in the editors' markup).
 */
export function applyRowAction(
  input: unknown,
  action: string,
  prefix: 'component' | 'fee'
): { rows: Record<string, unknown>[]; focus: string } {
  const rows = rowsOf(input).map((row) => ({ ...row }))
  const [verb, position] = action.split(':')
  const index = Number(position)
  const blank = prefix === 'component' ? blankComponent : blankFee
  const first = prefix === 'component' ? 'name' : 'description'
  if (verb === 'add') {
    rows.push(blank())
    return { rows, focus: `${prefix}-${rows.length - 1}-${first}` }
  }
  if (!Number.isInteger(index) || index < 0 || index >= rows.length) return { rows, focus: '' }
  if (verb === 'remove') {
    rows.splice(index, 1)
    if (rows.length === 0) return { rows, focus: `${prefix}s-add` }
    return { rows, focus: `${prefix}-${Math.min(index, rows.length - 1)}-${first}` }
  }
  if (verb === 'up' && index > 0) {
    ;[rows[index - 1], rows[index]] = [rows[index], rows[index - 1]]
    return { rows, focus: `${prefix}-${index - 1}-${index - 1 === 0 ? 'down' : 'up'}` }
  }
  if (verb === 'down' && index < rows.length - 1) {
    ;[rows[index + 1], rows[index]] = [rows[index], rows[index + 1]]
    return { rows, focus: `${prefix}-${index + 1}-${index + 1 === rows.length - 1 ? 'up' : 'down'}` }
  }
  return { rows, focus: '' }
}

/** Rows as the form sends them (`components[c0][name]`), to be flashed back to the form. */
export function rowsAsInput(rows: Record<string, unknown>[], prefix: 'c' | 'f') {
  return Object.fromEntries(rows.map((row, index) => [`${prefix}${index}`, row]))
}

const FLAT_FIELDS = [
  'name',
  'national_code',
  'sector_id',
  'procedure_group_id',
  'steps_description',
  'legal_deadline_days',
  'result_type',
  'conditions',
  'legal_basis',
  'online_level',
  'administrative_level',
  'supplement_clock',
] as const

/** The form for a new procedure, or one with `procedure`'s values (components and fees preloaded). */
export function formStateOf(procedure: Procedure | null): ProcedureFormState {
  if (!procedure) {
    return {
      values: { online_level: '2', administrative_level: 'province', legal_deadline_days: '', supplement_clock: 'resume' },
      lists: { channels: ['in_person'], applicant_types: ['citizen'], agency_ids: [] },
      flags: { is_sample_code: false, result_by_post: false, result_online: false },
      components: componentRowsFrom([blankComponent()]),
      fees: [],
      focus: '',
    }
  }
  return {
    values: {
      name: procedure.name,
      national_code: procedure.nationalCode ?? '',
      sector_id: str(procedure.sectorId),
      procedure_group_id: str(procedure.procedureGroupId),
      steps_description: procedure.stepsDescription,
      legal_deadline_days: str(procedure.legalDeadlineDays).replace('.', ','),
      result_type: procedure.resultType,
      conditions: procedure.conditions,
      legal_basis: procedure.legalBasis,
      online_level: str(procedure.onlineLevel),
      administrative_level: procedure.administrativeLevel,
      supplement_clock: procedure.supplementClock,
    },
    lists: {
      channels: [...procedure.channels],
      applicant_types: [...procedure.applicantTypes],
      agency_ids: (procedure.agencies ?? []).map((agency) => String(agency.id)),
    },
    flags: {
      is_sample_code: procedure.isSampleCode,
      result_by_post: procedure.resultByPost,
      result_online: procedure.resultOnline,
    },
    components: componentRowsFrom(
      procedure.components.map((component) => ({
        id: component.id,
        name: component.name,
        original_copies: component.originalCopies,
        photocopies: component.photocopies,
        is_required: component.isRequired,
      }))
    ),
    fees: feeRowsFrom(
      procedure.fees.map((fee) => ({
        id: fee.id,
        kind: fee.kind,
        description: fee.description,
        amount: formatAmount(fee.amount),
      }))
    ),
    focus: '',
  }
}

/** The form as the admin sent it (flashed back after errors or a row action). */
export function formStateFromInput(input: Record<string, unknown>, errors: FieldErrors = {}, focus = ''): ProcedureFormState {
  return {
    values: Object.fromEntries(FLAT_FIELDS.map((field) => [field, str(input[field])])),
    lists: {
      channels: list(input.channels),
      applicant_types: list(input.applicant_types),
      agency_ids: list(input.agency_ids),
    },
    flags: {
      is_sample_code: ticked(input.is_sample_code),
      result_by_post: ticked(input.result_by_post),
      result_online: ticked(input.result_online),
    },
    components: componentRowsFrom(input.components, errors),
    fees: feeRowsFrom(input.fees, errors),
    focus,
  }
}
