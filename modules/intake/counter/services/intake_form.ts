/*
 * What the counter's intake form is made of (OS-5.1, OS-5.9): the published procedure with its
 * components and legal basis, its current e-form, whether its workflow can take a counter
 * dossier, and the applicant's known data (from the tenant's own records or from the National
 * Population Database) poured into the form's applicant fields and into the e-form fields that
 * ask for the same profile data.
 */
import { currentEform, Procedure, type EformField } from '#catalog/index'
import { parseVietnameseDate } from '#users/index'
import type { RegisteredCitizen } from '#integration/index'
import StoredFile from '#intake/files/stored_file'
import { storeUploadedFile, type FileAttachment } from '#intake/files/stored_files'
import { intakeEntryFor } from '#intake/counter/services/intake_entry'
import type { ApplicantCandidate } from '#intake/counter/services/applicant_directory'

/** A published procedure of the current tenant with its components in order, or a 404. */
export function procedureForIntake(id: number) {
  return Procedure.query()
    .where('id', Number.isSafeInteger(id) && id > 0 ? id : 0)
    .where('status', 'published')
    .preload('sector')
    .preload('components')
    .firstOrFail()
}

export async function intakeFormParts(procedure: Procedure) {
  const eform = await currentEform(procedure.id)
  const entry = await intakeEntryFor(procedure, 'counter')
  return { eform, acceptable: entry !== null }
}

/** The applicant fields as the form names them (`_applicant[...]`). */
export interface ApplicantFields {
  account?: number | null
  full_name?: string | null
  national_id?: string | null
  organisation_name?: string | null
  tax_code?: string | null
  phone?: string | null
  email?: string | null
  address?: string | null
}

const PROFILE_PREFILL: Record<string, keyof ApplicantCandidate> = {
  full_name: 'fullName',
  national_id: 'nationalId',
  phone: 'phone',
  email: 'email',
}

/** The form's applicant fields and e-form values filled from a known applicant. */
export function prefillFrom(candidate: ApplicantCandidate, eformFields: EformField[]) {
  const applicant: ApplicantFields = {
    account: candidate.accountId,
    full_name: candidate.fullName,
    national_id: candidate.nationalId,
    organisation_name: candidate.organisationName,
    tax_code: candidate.taxCode,
    phone: candidate.phone,
    email: candidate.email,
    address: candidate.address,
  }
  const eformValues: Record<string, unknown> = {}
  for (const field of eformFields) {
    const source = field.prefill ? PROFILE_PREFILL[field.prefill] : undefined
    const value = source ? candidate[source] : null
    if (value) eformValues[field.key] = value
  }
  return { applicant, eformValues }
}

/** A fact the registry filled over a different value the receptionist had typed. */
export interface RegistryDifference {
  fact: 'full_name' | 'date_of_birth' | 'address'
  typed: string
}

/** The permanent residence on one line: house and street, commune or ward, province. */
export function residenceLine(citizen: RegisteredCitizen) {
  const residence = citizen.permanentResidence
  return [residence.detail, residence.communeName, residence.provinceName].filter(Boolean).join(', ')
}

function typedText(value: unknown): string {
  if (value && typeof value === 'object') {
    const address = value as Record<string, unknown>
    return [address.detail, address.commune, address.province].map((part) => typedText(part)).filter(Boolean).join(', ')
  }
  return typeof value === 'string' ? value.normalize('NFC').trim() : ''
}

function plain(text: string) {
  return text.toLocaleLowerCase('vi').replace(/[\s,.;]+/g, ' ').trim()
}

/** Whether a typed value says the same as the registry's: dates as dates, the rest as text. */
function agrees(fact: RegistryDifference['fact'], typed: string, registry: string) {
  if (fact === 'date_of_birth') return parseVietnameseDate(typed)?.toISODate() === registry
  return plain(typed) === plain(registry)
}

/**
 * OS-5.9: the form's applicant fields and e-form values with the registry's full name, date of
 * birth and permanent residence filled in, everything else as typed; and the facts whose typed
 * value differed, so the receptionist sees what was replaced. At the counter the e-form's
 * address parts are free text, so they take the units' names.
 */
export function prefillFromRegistry(
  citizen: RegisteredCitizen,
  applicant: ApplicantFields,
  eformValues: Record<string, unknown>,
  eformFields: EformField[]
) {
  const [year, month, day] = citizen.dateOfBirth.split('-')
  const registry = { full_name: citizen.fullName, date_of_birth: citizen.dateOfBirth, address: residenceLine(citizen) }
  const typed: Record<RegistryDifference['fact'], string[]> = {
    full_name: [typedText(applicant.full_name)],
    date_of_birth: [],
    address: [typedText(applicant.address)],
  }
  const values: Record<string, unknown> = { ...eformValues }
  for (const field of eformFields) {
    if (field.kind === 'group' || field.kind === 'file' || !field.prefill) continue
    if (field.prefill === 'full_name') {
      typed.full_name.push(typedText(values[field.key]))
      values[field.key] = citizen.fullName
    } else if (field.prefill === 'national_id') {
      values[field.key] = citizen.nationalId
    } else if (field.prefill === 'date_of_birth') {
      typed.date_of_birth.push(typedText(values[field.key]))
      values[field.key] = `${day}/${month}/${year}`
    } else if (field.prefill === 'address') {
      typed.address.push(typedText(values[field.key]))
      const residence = citizen.permanentResidence
      values[field.key] =
        field.kind === 'address'
          ? { province: residence.provinceName, commune: residence.communeName, detail: residence.detail }
          : registry.address
    }
  }
  const differences: RegistryDifference[] = []
  for (const fact of ['full_name', 'date_of_birth', 'address'] as const) {
    const different = typed[fact].find((value) => value !== '' && !agrees(fact, value, registry[fact]))
    if (different !== undefined) differences.push({ fact, typed: different })
  }
  return {
    applicant: { ...applicant, national_id: citizen.nationalId, full_name: citizen.fullName, address: registry.address },
    eformValues: values,
    differences,
  }
}

/**
 * Scans the officer uploaded on an earlier, refused submission of this form: kept so they need
 * not be chosen again. Only the officer's own scans that joined no dossier yet.
 */
export function keptScans(ids: number[], officerId: number) {
  if (!ids.length) return Promise.resolve([] as StoredFile[])
  return StoredFile.query()
    .whereIn('id', ids)
    .where('uploaded_by', officerId)
    .whereNull('owner_user_id')
    .whereRaw(
      'not exists (select 1 from dossier_files where dossier_files.tenant_id = stored_files.tenant_id and dossier_files.stored_file_id = stored_files.id)'
    )
    .orderBy('id')
}

function isUpload(value: unknown): value is { clientName: string; size: number; tmpPath?: string } {
  return !!value && typeof value === 'object' && 'clientName' in value && 'size' in value
}

/**
 * Stores the files of the e-form's file fields (validated already) and puts a `file:<id>`
 * reference in their place, so the values can be kept as JSON; returns what to attach.
 */
export async function storeEformUploads(definition: EformField[], values: Record<string, unknown>, officerId: number) {
  const attachments: FileAttachment[] = []
  const store = async (field: EformField, value: unknown) => {
    if (field.kind !== 'file' || !isUpload(value)) return value
    const file = await storeUploadedFile(value, { uploadedBy: officerId, types: field.allowedTypes, maxMb: field.maxSizeMb })
    attachments.push({ fileId: file.id, kind: 'other', label: field.label })
    return `file:${file.id}`
  }
  const stored: Record<string, unknown> = { ...values }
  for (const field of definition) {
    const value = values[field.key]
    if (field.kind === 'group' && Array.isArray(value)) {
      stored[field.key] = await Promise.all(
        value.map(async (row: Record<string, unknown>) => {
          const copy: Record<string, unknown> = { ...row }
          for (const child of field.fields) copy[child.key] = await store(child, row[child.key])
          return copy
        })
      )
    } else if (value !== undefined) {
      stored[field.key] = await store(field, value)
    }
  }
  return { values: stored, attachments }
}
