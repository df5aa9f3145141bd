/*
 * Telling the applicant how their dossier moves (OL-9, OS-8.9, OS-10.2): an email through the
 * outbox when handling starts (ST-9), when papers are asked for (ST-12), when processing stops
 * (ST-13), when a fee or tax is due (ST-18) and when the result is ready (ST-19). Queued in the
 * action's transaction, so it leaves only if the action is stored. It goes to the channels the
 * applicant chose (sendApplicantNotice: email, SMS).
 */
import i18nManager from '@adonisjs/i18n/services/main'
import { requireTenantScope } from '#tenancy/tenant_context'
import { formatDate } from '#services/vietnamese_format'
import { Procedure } from '#catalog/index'
import { sendApplicantNotice } from '#intake/index'
import type { PerformedContext } from '#processing/services/hooks'
import {
  DONE,
  FINANCIAL_OBLIGATION,
  PROCESSING,
  REFUSED,
  STOPPED,
  SUPPLEMENT_REQUESTED,
  statusLabel,
} from '#processing/services/status_text'

export type ProcessingNoticeKind = 'handling_started' | 'supplement_requested' | 'stopped' | 'financial_obligation' | 'result_ready' | 'refused'

/** Which notice a performed action calls for, if any. */
export function noticeKindOf(context: Pick<PerformedContext, 'fromStep' | 'fromStatus' | 'toStatus'>): ProcessingNoticeKind | null {
  if (context.toStatus === context.fromStatus) return null
  switch (context.toStatus) {
    case PROCESSING:
      return context.fromStep.kind === 'intake' ? 'handling_started' : null
    case SUPPLEMENT_REQUESTED:
      return 'supplement_requested'
    case STOPPED:
      return 'stopped'
    case FINANCIAL_OBLIGATION:
      return 'financial_obligation'
    case DONE:
      return 'result_ready'
    case REFUSED:
      return 'refused'
    default:
      return null
  }
}

export async function notifyApplicantOfAction(context: PerformedContext) {
  const kind = noticeKindOf(context)
  const { dossier } = context
  if (!kind) return
  const { tenant } = requireTenantScope()
  const procedure = await Procedure.find(dossier.procedureId)
  const i18n = i18nManager.locale('vi')
  const values = {
    name: dossier.applicantFullName,
    code: dossier.code,
    procedure: procedure?.name ?? '',
    status: await statusLabel(dossier.statusCode),
    detail: dossier.statusDetail,
    appointment: formatDate(dossier.appointmentAt),
    link: context.options.portalUrl ?? '',
    tenant: tenant.name,
  }
  const lines = [
    i18n.t('processing.mail.greeting', values),
    '',
    i18n.t(`processing.mail.${kind}.body`, values),
    i18n.t('processing.mail.status', values),
  ]
  if (dossier.statusDetail) lines.push(i18n.t('processing.mail.detail', values))
  if (dossier.appointmentAt && kind !== 'stopped' && kind !== 'refused') lines.push(i18n.t('processing.mail.appointment', values))
  if (values.link) lines.push('', i18n.t('processing.mail.lookup', values))
  lines.push('', i18n.t('processing.mail.signature', values))
  await sendApplicantNotice(dossier, {
    subject: i18n.t(`processing.mail.${kind}.subject`, values),
    text: lines.join('\n'),
  })
}
