/*
 * An application's values in words, for the printed declaration (OL-8: the official layout with
 * everything the applicant typed) and for the applicant's address on the dossier: choices by their
 * label, yes/no, addresses with the names of the commune and province, group rows as a table.
 */
import type { EformField, LeafField } from '#catalog/index'

export interface DescribedValue {
  label: string
  text: string
}

export interface DescribedGroup {
  label: string
  columns: string[]
  rows: string[][]
}

export type DescribedField = ({ kind: 'value' } & DescribedValue) | ({ kind: 'group' } & DescribedGroup)

function addressText(value: unknown, names: Map<string, string>) {
  if (!value || typeof value !== 'object') return ''
  const { province, commune, detail } = value as Record<string, unknown>
  const name = (code: unknown) => (typeof code === 'string' && code ? (names.get(code) ?? code) : '')
  return [detail, name(commune), name(province)].filter((part) => typeof part === 'string' && part.trim()).join(', ')
}

function leafText(field: LeafField, value: unknown, names: Map<string, string>, yesNo: [string, string]): string {
  if (value === undefined || value === null || value === '') return ''
  switch (field.kind) {
    case 'choice':
      return field.options.find((option) => option.value === String(value))?.label ?? String(value)
    case 'yes_no':
      return value === true || value === 'true' ? yesNo[0] : value === false || value === 'false' ? yesNo[1] : ''
    case 'address':
      return addressText(value, names)
    case 'date':
      // Checked values are ISO dates; typed ones are shown as typed.
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-').reverse().join('/') : String(value)
    case 'file':
      return ''
    default:
      return typeof value === 'object' ? '' : String(value)
  }
}

function rowsOf(value: unknown): Record<string, unknown>[] {
  const rows = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : []
  return rows.filter((row): row is Record<string, unknown> => !!row && typeof row === 'object')
}

/** Every field of the e-form with what was typed, in the form's order. */
export function describeValues(
  definition: EformField[],
  values: Record<string, unknown>,
  names: Map<string, string>,
  yesNo: [string, string]
): DescribedField[] {
  return definition
    .filter((field) => field.kind !== 'file')
    .map((field): DescribedField => {
      if (field.kind === 'group') {
        return {
          kind: 'group',
          label: field.label,
          columns: field.fields.map((child) => child.label),
          rows: rowsOf(values[field.key])
            .map((row) => field.fields.map((child) => leafText(child, row[child.key], names, yesNo)))
            .filter((row) => row.some((cell) => cell !== '')),
        }
      }
      return { kind: 'value', label: field.label, text: leafText(field, values[field.key], names, yesNo) }
    })
}

/** Provinces chosen in the e-form's address fields (top level and group rows), for the commune lists. */
export function addressProvinces(definition: EformField[], values: Record<string, unknown>): unknown[] {
  const provinces: unknown[] = []
  for (const field of definition) {
    if (field.kind === 'address') provinces.push((values[field.key] as any)?.province)
    if (field.kind === 'group') {
      for (const child of field.fields.filter((leaf) => leaf.kind === 'address')) {
        for (const row of rowsOf(values[field.key])) provinces.push((row[child.key] as any)?.province)
      }
    }
  }
  return provinces
}

/** The first address the e-form holds, in words: the applicant's address when the account has none. */
export function describeAddress(definition: EformField[], values: Record<string, unknown>, names: Map<string, string>) {
  const field = definition.find((candidate) => candidate.kind === 'address')
  return field ? addressText(values[field.key], names) || null : null
}
