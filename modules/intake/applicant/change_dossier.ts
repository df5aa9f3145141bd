/*
 * PT-4.2: before acceptance ("Mới đăng ký"), the applicant changes what they filed: the e-form's
 * values and the papers. Every new paper is checked first; then the guarded update, the papers
 * replaced (the old file leaves the dossier, it stays stored), and one public trail event saying
 * what changed, with the new files' checksums. Nothing changed, nothing written.
 */
import type { I18n } from '@adonisjs/i18n'
import type Dossier from '#intake/models/dossier'
import DossierFile from '#intake/files/dossier_file'
import { appendEvent } from '#intake/services/trail'
import { attachFilesToDossier, storeUploadedFile } from '#intake/files/stored_files'
import {
  assertApplicantMay,
  checkUploads,
  updateIfUnchanged,
  type ApplicantActor,
  type CheckedUpload,
} from '#intake/applicant/applicant_dossiers'

/** A paper of the dossier replaced by a new upload. */
export interface FileReplacement extends CheckedUpload {
  /** What the paper is (the component's name or the e-form field's label). */
  label: string
  /** The dossier component it answers, or null for an e-form file field. */
  componentId: number | null
  /** The e-form file field whose value refers to the file (`{ ref: 'file:<id>' }`), or null. */
  fieldKey: string | null
}

export interface DossierChange {
  lockVersion: number
  /** The e-form's typed values, checked by the caller; file fields keep their references. */
  formValues: Record<string, unknown>
  /** Labels of the e-form fields whose values differ, for the trail. */
  changedFields: string[]
  replacements: FileReplacement[]
  i18n?: I18n
}

function fileIdOf(value: unknown) {
  const ref = value && typeof value === 'object' ? (value as { ref?: unknown }).ref : undefined
  const match = typeof ref === 'string' ? ref.match(/^file:(\d+)$/) : null
  return match ? Number(match[1]) : null
}

/** Whether anything was changed (false when the applicant saved the form as it was). */
export async function changeDossier(dossier: Dossier, applicant: ApplicantActor, change: DossierChange) {
  assertApplicantMay('change', dossier, change.lockVersion)
  await checkUploads(change.replacements, change.i18n)
  if (!change.changedFields.length && !change.replacements.length) return false

  const previous = dossier.formValues ?? {}
  const formValues: Record<string, unknown> = { ...change.formValues }
  for (const [key, value] of Object.entries(previous)) {
    if (!(key in formValues) && fileIdOf(value) !== null) formValues[key] = value
  }
  await updateIfUnchanged(dossier, 'change', change.lockVersion, { formValues })

  const added = []
  for (const replacement of change.replacements) {
    const file = await storeUploadedFile(replacement.file, {
      ownerUserId: applicant.id,
      uploadedBy: applicant.id,
      types: replacement.types,
      maxMb: replacement.maxMb,
      i18n: change.i18n,
    })
    const replaced = DossierFile.query().where('dossier_id', dossier.id)
    if (replacement.componentId !== null) {
      replaced.where('procedure_component_id', replacement.componentId)
    } else {
      replaced.where('stored_file_id', fileIdOf(previous[replacement.fieldKey ?? '']) ?? 0)
    }
    await replaced.delete()
    await attachFilesToDossier(
      dossier,
      [{ fileId: file.id, kind: replacement.componentId ? 'component' : 'other', componentId: replacement.componentId, label: replacement.label }],
      applicant.id
    )
    if (replacement.fieldKey) formValues[replacement.fieldKey] = { ref: `file:${file.id}` }
    added.push({ file, label: replacement.label })
  }
  if (change.replacements.some((replacement) => replacement.fieldKey)) {
    dossier.formValues = formValues
    await dossier.save()
  }

  const parts = []
  if (change.changedFields.length) parts.push(`Sửa thông tin: ${change.changedFields.join(', ')}`)
  if (added.length) parts.push(`Thay giấy tờ: ${added.map(({ label }) => label).join(', ')}`)
  await appendEvent(dossier, {
    action: 'change_by_applicant',
    actor: applicant,
    stepKey: dossier.currentStepKey,
    comment: `${parts.join('. ')}.`,
    attachments: added.map(({ file, label }) => ({ fileId: file.id, name: file.originalName, label, sha256: file.sha256 })),
    public: true,
  })
  return true
}
