/*
 * OS-5.8: the applicant withdraws a dossier filed online while it has not been accepted
 * ("Mới đăng ký"), and may restore it while it is withdrawn. The dossier keeps its code; the
 * trail records both, shown to the applicant.
 */
import { DateTime } from 'luxon'
import type Dossier from '#intake/models/dossier'
import { appendEvent } from '#intake/services/trail'
import { formatDateTime } from '#services/vietnamese_format'
import {
  WITHDRAWN_STATUS,
  updateIfUnchanged,
  type ApplicantActor,
} from '#intake/applicant/applicant_dossiers'

export async function withdrawDossier(
  dossier: Dossier,
  applicant: ApplicantActor,
  input: { lockVersion: number; reason?: string | null }
) {
  const at = DateTime.now()
  const reason = input.reason?.normalize('NFC').trim() || null
  await updateIfUnchanged(dossier, 'withdraw', input.lockVersion, {
    statusCode: WITHDRAWN_STATUS.code,
    statusDetail: `Người nộp đã rút hồ sơ lúc ${formatDateTime(at)}${reason ? `. Lý do: ${reason}` : ''}`,
    withdrawnAt: at,
  })
  await appendEvent(dossier, {
    action: 'withdraw',
    actor: applicant,
    fromStatus: 'moi_dang_ky',
    toStatus: WITHDRAWN_STATUS.code,
    comment: reason,
    public: true,
    occurredAt: at,
  })
  return dossier
}

/** Back to "Mới đăng ký", as it was before the withdrawal. */
export async function restoreDossier(dossier: Dossier, applicant: ApplicantActor, input: { lockVersion: number }) {
  await updateIfUnchanged(dossier, 'restore', input.lockVersion, {
    statusCode: 'moi_dang_ky',
    statusDetail: '',
    withdrawnAt: null,
  })
  await appendEvent(dossier, {
    action: 'restore',
    actor: applicant,
    fromStatus: WITHDRAWN_STATUS.code,
    toStatus: 'moi_dang_ky',
    public: true,
  })
  return dossier
}
