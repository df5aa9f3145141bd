/*
 * The status of a dossier as the ST table wants it shown to the applicant: the exact Vietnamese
 * label and its detail. The detail is what the one-stop system wrote with the status (reason and
 * papers to add, reason for refusal or stop, authority, department and handler), completed here
 * with what only time tells:
 *   ST-16  overdue while being handled: "Hạn xử lý DD/MM/YYYY - Quá hạn N ngày", as the
 *          processing engine words and counts it (working days, its clock stopped during a
 *          supplement);
 *   ST-19  done: "Đang trả kết quả" when nothing else was written;
 *   ST-20  returned: the date it was returned.
 */
import { DateTime } from 'luxon'
import { dossierStatusLabels, type Dossier } from '#intake/index'
import { overdueTexts } from '#processing/index'
import { formatDate } from '#services/vietnamese_format'

export interface ShownStatus {
  code: string
  label: string
  detail: string
  overdue: boolean
}

export interface StatusContext {
  labels: Map<string, string>
  /** The ST-16 line of each overdue dossier, by dossier id. */
  overdue: Map<number, string>
  /** When each returned dossier was returned, by dossier id. */
  returnedAt: Map<number, DateTime>
}

export function shownStatus(dossier: Dossier, context: StatusContext): ShownStatus {
  const label = context.labels.get(dossier.statusCode) ?? dossier.statusCode
  const parts = dossier.statusDetail ? [dossier.statusDetail] : []
  const overdue = context.overdue.get(dossier.id)
  if (overdue && !/Quá hạn/i.test(dossier.statusDetail)) parts.push(overdue)
  if (!parts.length && dossier.statusCode === 'da_xu_ly_xong') parts.push('Đang trả kết quả')
  if (!parts.length && dossier.statusCode === 'da_tra_ket_qua' && context.returnedAt.has(dossier.id)) {
    parts.push(`Ngày trả kết quả: ${formatDate(context.returnedAt.get(dossier.id))}`)
  }
  return { code: dossier.statusCode, label, detail: parts.join('. '), overdue: !!overdue }
}

/** Everything shownStatus needs for these dossiers; the calendar is read only when a date has passed. */
export async function statusContextFor(
  dossiers: Dossier[],
  returnedAtOf: (ids: number[]) => Promise<Map<number, DateTime>>
): Promise<StatusContext> {
  const labels = await dossierStatusLabels()
  const late = dossiers.filter((dossier) => dossier.appointmentAt && dossier.appointmentAt < DateTime.now())
  const overdue = await overdueTexts(late)
  const returned = dossiers.filter((dossier) => dossier.statusCode === 'da_tra_ket_qua').map((dossier) => dossier.id)
  return { labels, overdue, returnedAt: returned.length ? await returnedAtOf(returned) : new Map() }
}
