/*
 * The editor's changes to one field of the current e-form version: add, replace, remove, move.
 * Each returns the new list of fields (the caller saves it as a new version); a field inside a
 * repeatable group is addressed as `group.child`.
 */
import type { EformField, GroupField, LeafField } from '#catalog/services/eform_definition'

export class FieldEditError extends Error {
  constructor(
    /** Input the problem belongs to (for the form's error bag). */
    readonly input: string,
    /** Key of the message under eforms.definition_errors. */
    readonly messageKey: string,
    readonly args: Record<string, unknown> = {}
  ) {
    super(messageKey)
  }
}

function clone(fields: EformField[]): EformField[] {
  return structuredClone(fields)
}

function siblingsOf(fields: EformField[], parent: string | null): EformField[] {
  if (!parent) return fields
  const group = fields.find((field) => field.key === parent)
  if (!group || group.kind !== 'group') throw new FieldEditError('parent', 'parent')
  return (group as GroupField).fields
}

function assertKeyFree(siblings: EformField[], key: string, except?: string) {
  if (siblings.some((field) => field.key === key && field.key !== except)) {
    throw new FieldEditError('key', 'eformDuplicateKey', { key })
  }
}

export function addField(fields: EformField[], field: EformField, parent: string | null) {
  const next = clone(fields)
  if (parent && field.kind === 'group') throw new FieldEditError('kind', 'parent')
  const siblings = siblingsOf(next, parent)
  assertKeyFree(siblings, field.key)
  siblings.push(field as LeafField)
  return next
}

function locate(fields: EformField[], path: string) {
  const [first, second] = path.split('.')
  const siblings = second === undefined ? fields : siblingsOf(fields, first)
  const key = second ?? first
  const index = siblings.findIndex((field) => field.key === key)
  if (index === -1) throw new FieldEditError('key', 'not_found')
  return { siblings, index, parent: second === undefined ? null : first }
}

export function replaceField(fields: EformField[], path: string, field: EformField) {
  const next = clone(fields)
  const { siblings, index, parent } = locate(next, path)
  if (parent && field.kind === 'group') throw new FieldEditError('kind', 'parent')
  assertKeyFree(siblings, field.key, siblings[index].key)
  const previous = siblings[index]
  // A group keeps its children when its own settings are edited.
  if (field.kind === 'group') field.fields = previous.kind === 'group' ? previous.fields : []
  siblings[index] = field as LeafField
  return next
}

export function removeField(fields: EformField[], path: string) {
  const next = clone(fields)
  const { siblings, index } = locate(next, path)
  const [removed] = siblings.splice(index, 1)
  return { fields: next, removed }
}

export function moveField(fields: EformField[], path: string, direction: -1 | 1) {
  const next = clone(fields)
  const { siblings, index } = locate(next, path)
  const target = index + direction
  if (target < 0 || target >= siblings.length) return next
  ;[siblings[index], siblings[target]] = [siblings[target], siblings[index]]
  return next
}
