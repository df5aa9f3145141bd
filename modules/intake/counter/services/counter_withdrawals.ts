/*
 * OS-5.8 at the counter: an applicant who asks the counter (in person, by phone) to withdraw a
 * dossier filed online and not accepted yet has it withdrawn by the receptionist, who writes down
 * how the request came; it is restored the same way while withdrawn. The status, the rules and
 * the trail are those of the applicant's own withdrawal (applicant/withdraw_dossier.ts); the
 * trail names the officer who recorded it, and the applicant is told.
 */
import type Dossier from '#intake/models/dossier'
import type { User } from '#users/index'
import { restoreDossier, withdrawDossier } from '#intake/applicant/withdraw_dossier'
import { sendApplicantNotice } from '#intake/applicant/notify_applicant'

export async function withdrawAtApplicantsRequest(dossier: Dossier, officer: User, input: { lockVersion: number; request: string }) {
  const reason = `Theo đề nghị của người nộp, cán bộ ${officer.fullName} ghi nhận: ${input.request.normalize('NFC').trim()}`
  await withdrawDossier(dossier, { id: officer.id, fullName: officer.fullName }, { lockVersion: input.lockVersion, reason })
  await sendApplicantNotice(dossier, {
    subject: `Hồ sơ ${dossier.code} đã được rút theo đề nghị của bạn`,
    text: `Hồ sơ ${dossier.code} đã được rút theo đề nghị của bạn. ${reason}. Bạn có thể đề nghị khôi phục hồ sơ khi cần.`,
  })
  return dossier
}

export async function restoreAtApplicantsRequest(dossier: Dossier, officer: User, input: { lockVersion: number }) {
  await restoreDossier(dossier, { id: officer.id, fullName: officer.fullName }, { lockVersion: input.lockVersion })
  await sendApplicantNotice(dossier, {
    subject: `Hồ sơ ${dossier.code} đã được khôi phục`,
    text: `Hồ sơ ${dossier.code} đã được khôi phục theo đề nghị của bạn và chờ bộ phận một cửa tiếp nhận.`,
  })
  return dossier
}
