/*
 * The applicant's emails of the special actions (OL-9, OS-8.4, OS-10.2, OS-10.3): a new
 * appointment date with the apology, a fee or tax to pay, the payment recorded, the result ready
 * but waiting for the originals, the result handed over, and processing refused at approval.
 * Queued through the outbox in the action's transaction, so an email leaves only with the
 * change; it goes to the channels the applicant chose (email, SMS).
 */
import i18nManager from '@adonisjs/i18n/services/main'
import { requireTenantScope } from '#tenancy/tenant_context'
import { formatDate } from '#services/vietnamese_format'
import { Procedure } from '#catalog/index'
import { sendApplicantNotice, type Dossier } from '#intake/index'
import { statusLabel } from '#processing/services/status_text'

export type SpecialMailKind = 'extended' | 'obligation' | 'paid' | 'not_returned' | 'returned' | 'refused'

export async function mailApplicant(
  dossier: Dossier,
  kind: SpecialMailKind,
  values: Record<string, string | number> = {},
  portalUrl?: string
) {
  const { tenant } = requireTenantScope()
  const procedure = await Procedure.find(dossier.procedureId)
  const i18n = i18nManager.locale('vi')
  const all = {
    name: dossier.applicantFullName,
    code: dossier.code,
    procedure: procedure?.name ?? '',
    status: await statusLabel(dossier.statusCode),
    detail: dossier.statusDetail,
    appointment: formatDate(dossier.appointmentAt),
    link: portalUrl ?? '',
    tenant: tenant.name,
    ...values,
  }
  const lines = [
    i18n.t('special.mail.greeting', all),
    '',
    i18n.t(`special.mail.${kind}.body`, all),
    '',
    i18n.t('special.mail.status', all),
  ]
  if (dossier.statusDetail) lines.push(i18n.t('special.mail.detail', all))
  if (portalUrl) lines.push('', i18n.t('special.mail.lookup', all))
  lines.push('', i18n.t('special.mail.signature', all))
  await sendApplicantNotice(dossier, { subject: i18n.t(`special.mail.${kind}.subject`, all), text: lines.join('\n') })
}
