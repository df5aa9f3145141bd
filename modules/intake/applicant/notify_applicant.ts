/*
 * OL-9, PT-5.2: telling the applicant what happened to their dossier, on the channels their
 * account asks for (applicantNoticeChannels): the full message by email, a short one by SMS.
 * Queued through the outbox in the caller's transaction, so it leaves only with the change.
 */
import { queueEmail, queueSms } from '#integration/index'
import { withoutDiacritics } from '#services/without_diacritics'
import type Dossier from '#intake/models/dossier'
import { applicantNoticeChannels } from '#intake/applicant/notice_channels'

const SMS_LENGTH = 160

/** SMS text without diacritics: it fits one cheap message and every handset shows it. */
export function smsTextOf(text: string) {
  const plain = withoutDiacritics(text)
  return plain.length > SMS_LENGTH ? `${plain.slice(0, SMS_LENGTH - 1)}…`.normalize('NFC') : plain
}

export async function sendApplicantNotice(
  dossier: Pick<Dossier, 'code' | 'applicantId' | 'applicantEmail' | 'applicantPhone'>,
  message: { subject: string; text: string }
) {
  const channels = await applicantNoticeChannels(dossier)
  if (channels.email) await queueEmail({ to: channels.email, subject: message.subject, text: message.text })
  if (channels.sms) await queueSms({ to: channels.sms, text: smsTextOf(`${message.subject}. Ma ho so ${dossier.code}`) })
}
