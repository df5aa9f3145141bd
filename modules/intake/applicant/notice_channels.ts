/*
 * PT-5.2, OS-10.2: where to tell an applicant about their dossier besides the portal itself.
 * An account's choices (email on by default, SMS when asked for) win; a dossier without an
 * account (filed at the counter) is told at the email it was filed with.
 */
import { User } from '#users/index'
import type Dossier from '#intake/models/dossier'

export interface NoticeChannels {
  email: string | null
  sms: string | null
}

export async function applicantNoticeChannels(dossier: Pick<Dossier, 'applicantId' | 'applicantEmail' | 'applicantPhone'>): Promise<NoticeChannels> {
  const account = dossier.applicantId ? await User.find(dossier.applicantId) : null
  if (!account) return { email: dossier.applicantEmail, sms: null }
  return {
    email: account.notifyByEmail ? (account.email ?? dossier.applicantEmail) : null,
    sms: account.notifyBySms ? (account.phone ?? dossier.applicantPhone) : null,
  }
}
