/*
 * Deadlines in working time (issue 5 item 4): a step is due its working-minute limit after it
 * starts, on the tenant's working calendar; a dossier is due on its appointment date. A dossier
 * past its appointment date while the clock runs is overdue, and shows "Hạn xử lý DD/MM/YYYY -
 * Quá hạn N ngày" (ST-16), N counted in working days: every working day begun since the
 * deadline, at least one.
 */
import { DateTime } from 'luxon'
import { formatDate } from '#services/vietnamese_format'
import { loadWorkingCalendar, type WorkingCalendar } from '#catalog/index'
import type { Clock, Dossier } from '#intake/index'
import DossierClock from '#processing/models/dossier_clock'
import {
  DONE,
  NEW_ONLINE,
  REFUSED,
  RETURNED,
  STOPPED,
  SUPPLEMENT_REQUESTED,
} from '#processing/services/status_text'

/** Statuses in which the processing clock does not run. */
const CLOCK_IDLE = new Set([NEW_ONLINE, SUPPLEMENT_REQUESTED, REFUSED, STOPPED, DONE, RETURNED])

export const systemClock: Clock = () => DateTime.now()

type DeadlineFacts = Pick<Dossier, 'appointmentAt' | 'currentStepKey' | 'statusCode'>

/** Whether the dossier's clock runs: in a step, in a processing status, not waiting for a supplement. */
export function clockRuns(dossier: DeadlineFacts, clock: Pick<DossierClock, 'stoppedAt'> | null) {
  return dossier.currentStepKey !== null && !CLOCK_IDLE.has(dossier.statusCode) && !clock?.stoppedAt
}

/** The due moment `minutes` working minutes after `from`; null (no limit) gives no due moment. */
export function dueAfter(calendar: WorkingCalendar, from: DateTime, minutes: number | null) {
  return minutes === null ? null : calendar.addWorkingMinutes(from, Math.max(0, minutes))
}

/** Working days begun since `due` (at least 1 once `at` is past it), 0 before. */
export function workingDaysLate(calendar: WorkingCalendar, due: DateTime, at: DateTime) {
  if (at <= due) return 0
  const minutes = calendar.workingMinutesBetween(due, at)
  return Math.max(1, Math.ceil(minutes / calendar.minutesPerWorkingDay))
}

/** "Hạn xử lý 15/08/2019 - Quá hạn 3 ngày" (ST-16). */
export function overdueWording(due: DateTime, days: number) {
  return `Hạn xử lý ${formatDate(due)} - Quá hạn ${days} ngày`
}

/** The ST-16 text for a dossier at `at`, or null when it is not overdue (or its clock is stopped). */
export function overdueLine(
  dossier: DeadlineFacts,
  at: DateTime,
  calendar: WorkingCalendar,
  clock: Pick<DossierClock, 'stoppedAt'> | null
): string | null {
  if (!dossier.appointmentAt || !clockRuns(dossier, clock)) return null
  const days = workingDaysLate(calendar, dossier.appointmentAt, at)
  return days > 0 ? overdueWording(dossier.appointmentAt, days) : null
}

/** The ST-16 text for a dossier at the clock's time (now by default), or null when it is not overdue. */
export async function overdueText(dossier: Dossier, options: { clock?: Clock; calendar?: WorkingCalendar } = {}) {
  const calendar = options.calendar ?? (await loadWorkingCalendar())
  const clock = await DossierClock.findBy('dossierId', dossier.id)
  return overdueLine(dossier, (options.clock ?? systemClock)(), calendar, clock)
}

/** The ST-16 text of each overdue dossier, by id: the calendar and the clocks read once for the whole list. */
export async function overdueTexts(dossiers: Dossier[], options: { clock?: Clock; calendar?: WorkingCalendar } = {}) {
  const texts = new Map<number, string>()
  if (!dossiers.length) return texts
  const calendar = options.calendar ?? (await loadWorkingCalendar())
  const clocks = new Map<number, DossierClock>()
  for (const clock of await DossierClock.query().whereIn('dossier_id', dossiers.map((dossier) => dossier.id))) {
    if (!clocks.has(Number(clock.dossierId))) clocks.set(Number(clock.dossierId), clock)
  }
  const at = (options.clock ?? systemClock)()
  for (const dossier of dossiers) {
    const line = overdueLine(dossier, at, calendar, clocks.get(dossier.id) ?? null)
    if (line) texts.set(dossier.id, line)
  }
  return texts
}

/** The text to show under the status: the stored detail, and the ST-16 line when overdue. */
export async function statusDetailLines(dossier: Dossier, options: { clock?: Clock; calendar?: WorkingCalendar } = {}) {
  const overdue = await overdueText(dossier, options)
  return [dossier.statusDetail, overdue].filter((line): line is string => Boolean(line))
}
