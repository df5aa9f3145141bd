/*
 * What an applicant may do to their own dossier from the portal before and around acceptance
 * (PT-4.2, OS-5.8, OS-6.4), and the guards every such action shares:
 * - ownership: the dossier is looked up among the applicant's own (applicant_id) in the current
 *   tenant, so anybody else's dossier is simply not found (404);
 * - the status the action needs (a dossier accepted meanwhile cannot be withdrawn);
 * - optimistic locking: the action names the lock_version the applicant saw, and the guarded
 *   update succeeds only if the dossier still has it (and the expected status), bumping it.
 * The guarded update is each action's first write, so a refused action has written nothing.
 */
import { Exception } from '@adonisjs/core/exceptions'
import type { I18n } from '@adonisjs/i18n'
import { requireTenantScope } from '#tenancy/tenant_context'
import Dossier from '#intake/models/dossier'
import { UploadRejected, checkUpload, uploadLimits, type UploadedFile } from '#intake/files/stored_files'

/** The status a withdrawn dossier takes (national portal status 7); not one of Appendix I. */
export const WITHDRAWN_STATUS = Object.freeze({
  code: 'da_rut_ho_so',
  label: 'Đã rút hồ sơ',
  nationalCode: '7',
})

export type ApplicantAction = 'withdraw' | 'restore' | 'change' | 'supplement'

/** The status each applicant action needs. */
export const STATUS_FOR_ACTION: Record<ApplicantAction, string> = {
  withdraw: 'moi_dang_ky',
  restore: WITHDRAWN_STATUS.code,
  change: 'moi_dang_ky',
  supplement: 'yeu_cau_bo_sung_giay_to',
}

/** Someone else changed the dossier since the applicant loaded it. */
export class StaleDossierException extends Exception {
  static status = 409
  static code = 'E_STALE_DOSSIER'
}

/** The dossier is not in the status the action needs (e.g. it was accepted already). */
export class ApplicantActionRefused extends Exception {
  static status = 409
  static code = 'E_APPLICANT_ACTION_REFUSED'

  constructor(readonly action: ApplicantAction) {
    super(`The dossier is not in the status that "${action}" needs`)
  }
}

/** Some uploads were refused before anything was written. Messages by form field. */
export class UploadsRejected extends Error {
  constructor(readonly errors: Record<string, string>) {
    super('Some uploaded files were refused')
  }
}

export interface CheckedUpload {
  /** The form field the file came in: messages are given back by field. */
  field: string
  file: UploadedFile
  /** A field's own limits, within the platform's. */
  types?: readonly string[]
  maxMb?: number
}

/** Checks every upload (content type, size) before anything is written; throws UploadsRejected. */
export async function checkUploads(uploads: CheckedUpload[], i18n?: I18n) {
  const errors: Record<string, string> = {}
  for (const upload of uploads) {
    try {
      await checkUpload(upload.file, uploadLimits({ types: upload.types, maxMb: upload.maxMb }), i18n)
    } catch (error) {
      if (!(error instanceof UploadRejected)) throw error
      errors[upload.field] ??= error.message
    }
  }
  if (Object.keys(errors).length) throw new UploadsRejected(errors)
}

/** Who acts: the applicant's account. */
export interface ApplicantActor {
  id: number
  fullName: string
}

/** The applicant's own dossier with this id in the current tenant, or a 404. */
export function findApplicantDossier(applicantId: number, dossierId: number) {
  return Dossier.query().where('id', dossierId).where('applicant_id', applicantId).firstOrFail()
}

export function mayApplicant(action: ApplicantAction, dossier: Dossier) {
  return dossier.statusCode === STATUS_FOR_ACTION[action]
}

/** Refuses before anything is written when the action does not fit the dossier as loaded. */
export function assertApplicantMay(action: ApplicantAction, dossier: Dossier, lockVersion: number) {
  if (dossier.lockVersion !== lockVersion) throw new StaleDossierException('The dossier changed since it was shown')
  if (!mayApplicant(action, dossier)) throw new ApplicantActionRefused(action)
}

export type DossierChanges = Partial<Pick<Dossier, 'statusCode' | 'statusDetail' | 'withdrawnAt' | 'formValues'>>

/**
 * Writes `changes` if the dossier still has `lockVersion` and the status `action` needs, and
 * bumps its lock_version; otherwise throws StaleDossierException and writes nothing. `dossier`
 * is brought up to date.
 */
export async function updateIfUnchanged(
  dossier: Dossier,
  action: ApplicantAction,
  lockVersion: number,
  changes: DossierChanges
) {
  assertApplicantMay(action, dossier, lockVersion)
  const { tenant, client } = requireTenantScope()
  const columns: Record<string, unknown> = { lock_version: lockVersion + 1, updated_at: new Date() }
  if (changes.statusCode !== undefined) columns.status_code = changes.statusCode
  if (changes.statusDetail !== undefined) columns.status_detail = changes.statusDetail
  if (changes.withdrawnAt !== undefined) columns.withdrawn_at = changes.withdrawnAt?.toJSDate() ?? null
  if (changes.formValues !== undefined) columns.form_values = JSON.stringify(changes.formValues)

  const updated = await client
    .from('dossiers')
    .where({ tenant_id: tenant.id, id: dossier.id, lock_version: lockVersion, status_code: STATUS_FOR_ACTION[action] })
    .update(columns, ['id'])
  if (updated.length === 0) throw new StaleDossierException('The dossier changed since it was shown')
  await dossier.refresh()
  return dossier
}
