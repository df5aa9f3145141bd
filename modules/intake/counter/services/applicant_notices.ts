/*
 * Telling the applicant what the counter decided (OS-5.10, ST-3, ST-4, ST-5): an email through
 * the outbox, queued in the intake's transaction, so it leaves only if the decision is stored
 * and is retried while the mail server is down. It goes to the channels the applicant chose
 * (sendApplicantNotice: email, SMS).
 */
import i18nManager from '@adonisjs/i18n/services/main'
import { sendApplicantNotice } from '#intake/applicant/notify_applicant'
import { requireTenantScope } from '#tenancy/tenant_context'
import { formatDate, formatDateTime } from '#services/vietnamese_format'
import type Dossier from '#intake/models/dossier'

export type IntakeNoticeKind = 'accepted' | 'supplement_requested' | 'refused'

export interface IntakeNotice {
  kind: IntakeNoticeKind
  procedureName: string
  /** The portal's lookup page for this dossier, absolute (emails need the host). */
  lookupUrl: string
  reason?: string
  papers?: string[]
}

export async function notifyApplicant(dossier: Dossier, notice: IntakeNotice) {
  const { tenant } = requireTenantScope()
  const i18n = i18nManager.locale('vi')
  const values = {
    name: dossier.applicantFullName,
    code: dossier.code,
    procedure: notice.procedureName,
    received: formatDateTime(dossier.receivedAt),
    appointment: dossier.appointmentAt ? formatDateTime(dossier.appointmentAt) : '',
    appointmentDate: formatDate(dossier.appointmentAt),
    reason: notice.reason ?? '',
    link: notice.lookupUrl,
    tenant: tenant.name,
  }
  const lines = [
    i18n.t('counter.mail.greeting', values),
    '',
    i18n.t(`counter.mail.${notice.kind}.body`, values),
  ]
  if (notice.kind === 'accepted' && dossier.appointmentAt) lines.push(i18n.t('counter.mail.accepted.appointment', values))
  if (notice.reason) lines.push(i18n.t('counter.mail.reason', values))
  if (notice.papers?.length) {
    lines.push(i18n.t('counter.mail.papers'))
    for (const paper of notice.papers) lines.push(`- ${paper}`)
  }
  lines.push('', i18n.t('counter.mail.lookup', values), '', tenant.name)
  return sendApplicantNotice(dossier, {
    subject: i18n.t(`counter.mail.${notice.kind}.subject`, values),
    text: lines.join('\n'),
  })
}
