/*
 * OS-6.4, ST-8, ST-17: the applicant answers a supplement request from the portal by uploading
 * the papers asked for. Every upload is checked (content type, size) before anything is written;
 * then the guarded status change to "Đã bổ sung hồ sơ", the files joined to the dossier as
 * supplements (the one-stop system lists them with the dossier), the request marked answered,
 * and one public trail event naming the files.
 */
import type { I18n } from '@adonisjs/i18n'
import type Dossier from '#intake/models/dossier'
import { appendEvent } from '#intake/services/trail'
import SupplementRequest from '#intake/counter/models/supplement_request'
import { attachFilesToDossier, storeUploadedFile, type UploadedFile } from '#intake/files/stored_files'
import {
  checkUploads,
  assertApplicantMay,
  updateIfUnchanged,
  type ApplicantActor,
} from '#intake/applicant/applicant_dossiers'

export interface SupplementUpload {
  /** The form field the file came in (messages are given back by field). */
  field: string
  file: UploadedFile
  /** What the file is: the paper asked for, or the file's own name. */
  label: string
}

/** The open supplement request of the dossier (the latest one not answered yet), if any. */
export function openSupplementRequestOf(dossier: Dossier) {
  return SupplementRequest.query()
    .where('dossier_id', dossier.id)
    .whereNull('fulfilled_at')
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .first()
}

export async function submitSupplement(
  dossier: Dossier,
  applicant: ApplicantActor,
  input: { lockVersion: number; uploads: SupplementUpload[]; note?: string | null; i18n?: I18n }
) {
  assertApplicantMay('supplement', dossier, input.lockVersion)
  if (input.uploads.length === 0) throw new Error('A supplement needs at least one file')

  await checkUploads(input.uploads, input.i18n)

  const fromStatus = dossier.statusCode
  await updateIfUnchanged(dossier, 'supplement', input.lockVersion, { statusCode: 'da_bo_sung_ho_so', statusDetail: '' })

  const stored = []
  for (const upload of input.uploads) {
    const file = await storeUploadedFile(upload.file, { ownerUserId: applicant.id, uploadedBy: applicant.id, i18n: input.i18n })
    stored.push({ file, label: upload.label })
  }
  await attachFilesToDossier(
    dossier,
    stored.map(({ file, label }) => ({ fileId: file.id, kind: 'supplement' as const, label })),
    applicant.id
  )
  await SupplementRequest.query()
    .where('dossier_id', dossier.id)
    .whereNull('fulfilled_at')
    .update({ fulfilled_at: new Date() })
  await appendEvent(dossier, {
    action: 'supplement',
    actor: applicant,
    stepKey: dossier.currentStepKey,
    fromStatus,
    toStatus: 'da_bo_sung_ho_so',
    comment: input.note?.normalize('NFC').trim() || null,
    attachments: stored.map(({ file, label }) => ({ fileId: file.id, name: file.originalName, label, sha256: file.sha256 })),
    public: true,
  })
  return dossier
}
