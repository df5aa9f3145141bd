/*
 * What the counter's intake form is made of (OS-5.1, OS-5.9): the published procedure with its
 * components and legal basis, its current e-form, whether its workflow can take a counter
 * dossier, and the applicant's known data poured into the form's applicant fields and into the
 * e-form fields that ask for the same profile data.
 */
import { currentEform, Procedure, type EformField } from '#catalog/index'
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
  const [eform, entry] = await Promise.all([currentEform(procedure.id), intakeEntryFor(procedure, 'counter')])
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
