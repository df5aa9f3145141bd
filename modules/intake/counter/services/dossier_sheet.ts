/*
 * Everything the counter reads on one dossier before deciding (OS-5.4, OS-8.2 at the counter):
 * its procedure and components, the intake checklist, the files, the e-form as filled, the open
 * supplement request, the trail, and whether the applicant's identity was verified against a
 * national database at intake (OS-5.9).
 */
import { eformVersion, Procedure, type EformField } from '#catalog/index'
import type Dossier from '#intake/models/dossier'
import DossierEvent from '#intake/models/dossier_event'
import { filesOfDossier } from '#intake/files/stored_files'
import ReceivedComponent from '#intake/counter/models/received_component'
import SupplementRequest from '#intake/counter/models/supplement_request'
import { postalServiceLines } from '#intake/services/postal_service_text'
import { verificationMoment } from '#intake/counter/services/applicant_verification'

/** One line of the e-form as filled: label and text, a file to open, or the rows of a group. */
export interface FormValueLine {
  label: string
  text: string
  fileId?: number
  rows?: FormValueLine[][]
}

function textOf(field: EformField, value: unknown): Omit<FormValueLine, 'label'> {
  if (value === undefined || value === null || value === '') return { text: '' }
  if (field.kind === 'file' && typeof value === 'string') {
    const id = /^file:(\d+)$/.exec(value)?.[1]
    return id ? { text: '', fileId: Number(id) } : { text: value }
  }
  if (field.kind === 'yes_no') return { text: value === true || value === 'true' ? 'Có' : 'Không' }
  if (field.kind === 'choice') return { text: field.options.find((option) => option.value === value)?.label ?? String(value) }
  if (field.kind === 'address' && typeof value === 'object') {
    const address = value as Record<string, string>
    return { text: [address.detail, address.commune, address.province].filter(Boolean).join(', ') }
  }
  if (field.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return { text: value.split('-').reverse().join('/') }
  }
  return { text: typeof value === 'object' ? JSON.stringify(value) : String(value) }
}

export function formValueLines(definition: EformField[], values: Record<string, unknown>): FormValueLine[] {
  return definition.map((field) => {
    const value = values[field.key]
    if (field.kind === 'group') {
      const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : []
      return {
        label: field.label,
        text: '',
        rows: rows.map((row) => field.fields.map((child) => ({ label: child.label, ...textOf(child, row[child.key]) }))),
      }
    }
    return { label: field.label, ...textOf(field, value) }
  })
}

export async function dossierSheet(dossier: Dossier) {
  const procedure = await Procedure.query().where('id', dossier.procedureId).preload('components').firstOrFail()
  // One after the other: the request's queries share its transaction's single connection.
  const checklist = await ReceivedComponent.query().where('dossier_id', dossier.id).orderBy('position')
  const files = await filesOfDossier(dossier)
  const events = await DossierEvent.query().where('dossier_id', dossier.id).orderBy('sequence')
  const openRequest = await SupplementRequest.query().where('dossier_id', dossier.id).whereNull('fulfilled_at').orderBy('requested_at', 'desc').first()
  const eform = dossier.eformId && dossier.eformVersion ? await eformVersion(procedure.id, dossier.eformVersion) : null
  return {
    procedure,
    checklist,
    files,
    events,
    openRequest,
    formValues: eform ? formValueLines(eform.fields, dossier.formValues ?? {}) : [],
    applicantVerification:
      dossier.applicantVerifiedAt && dossier.applicantVerifiedSource
        ? { at: verificationMoment(dossier.applicantVerifiedAt), source: dossier.applicantVerifiedSource }
        : null,
    postalLines: postalServiceLines(dossier.postalService),
  }
}
