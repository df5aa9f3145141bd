/*
 * What an online application of a procedure is made of (PT-1, OL-8): the published level 3–4
 * procedure, its current e-form, its dossier components, and the file slots to fill (one per
 * component, one per e-form file field), plus the lists the form offers for selection (OL-11 b:
 * provinces and communes from the shared administrative units, the applicant's vault papers).
 */
import {
  Procedure,
  administrativeUnits,
  currentEform,
  type EformField,
  type FileField,
} from '#catalog/index'
import { uploadLimits, vaultDocumentsOf, type UploadLimits, type VaultDocument } from '#intake/index'

export interface FileSlot {
  /** As stored in the draft: `component:<id>` or `field:<key>`. */
  key: string
  /** As used in input names and ids: `c12` or `f-photo`. */
  name: string
  label: string
  help: string | null
  required: boolean
  componentId: number | null
  /** The e-form file field, for its own limits. */
  field: FileField | null
  limits: UploadLimits
  /** A vault document type the e-form asks to offer first (`prefill: vault:<code>`). */
  vaultType: string | null
}

export type ApplyingProcedure = Awaited<ReturnType<typeof findApplyingProcedure>> & {}

/** A published procedure that takes online applications (level 3–4), with what the form needs; null otherwise. */
export async function findApplyingProcedure(id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return null
  const procedure = await Procedure.query()
    .where('id', id)
    .where('status', 'published')
    .where('online_level', '>=', 3)
    .preload('components', (components) => components.orderBy('position').orderBy('id'))
    .preload('agencies', (agencies) => agencies.orderBy('id'))
    .first()
  if (!procedure) return null
  const eform = await currentEform(procedure.id)
  return { procedure, eform, definition: (eform?.fields ?? []) as EformField[] }
}

export function fileSlotsOf(found: NonNullable<ApplyingProcedure>): FileSlot[] {
  const slots: FileSlot[] = found.procedure.components.map((component) => ({
    key: `component:${component.id}`,
    name: `c${component.id}`,
    label: component.name,
    help: null,
    required: component.isRequired,
    componentId: component.id,
    field: null,
    limits: uploadLimits(),
    vaultType: null,
  }))
  for (const field of found.definition) {
    if (field.kind !== 'file') continue
    slots.push({
      key: `field:${field.key}`,
      name: `f-${field.key}`,
      label: field.label,
      help: field.help ?? null,
      required: field.required,
      componentId: null,
      field,
      limits: uploadLimits({ types: field.allowedTypes, maxMb: field.maxSizeMb }),
      vaultType: field.prefill?.startsWith('vault:') ? field.prefill.slice(6) : null,
    })
  }
  return slots
}

/** The e-form without its file fields: those are offered as file slots with the components. */
export function typedFields(definition: EformField[]) {
  return definition.filter((field) => field.kind !== 'file')
}

export interface ChoiceOption {
  value: string
  label: string
}

export async function provinceOptions(): Promise<ChoiceOption[]> {
  return (await administrativeUnits.provinces()).map((unit) => ({ value: unit.code, label: unit.name }))
}

export async function communeOptions(provinceCode: string): Promise<ChoiceOption[]> {
  if (!/^[0-9A-Za-z]{1,10}$/.test(provinceCode)) return []
  return (await administrativeUnits.communesOf(provinceCode)).map((unit) => ({ value: unit.code, label: unit.name }))
}

/**
 * The choice lists of the form: all provinces, and the communes of the provinces already chosen
 * (a phone on a slow link does not download three thousand communes; the others come when a
 * province is chosen, or with the next save without JavaScript).
 */
export async function choiceLists(chosenProvinces: unknown[]) {
  const provinces = await provinceOptions()
  const communes: Record<string, ChoiceOption[]> = {}
  for (const code of new Set(chosenProvinces.filter((value): value is string => typeof value === 'string' && value !== ''))) {
    if (provinces.some((province) => province.value === code)) communes[code] = await communeOptions(code)
  }
  return { provinces, communes }
}

/** Names of administrative units by code, for printing and for the applicant's address. */
export function unitNames(lists: { provinces: ChoiceOption[]; communes: Record<string, ChoiceOption[]> }) {
  const names = new Map<string, string>()
  for (const province of lists.provinces) names.set(province.value, province.label)
  for (const communes of Object.values(lists.communes)) for (const commune of communes) names.set(commune.value, commune.label)
  return names
}

export async function vaultOf(userId: number): Promise<VaultDocument[]> {
  return vaultDocumentsOf(userId)
}
