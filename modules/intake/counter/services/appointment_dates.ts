/*
 * The appointment date (ngày hẹn trả, OS-5, ST-5): the procedure's legal deadline counted in
 * working time on the tenant's working calendar from the moment the dossier is accepted. Weekends,
 * public holidays, compensatory days and the admin's overrides are skipped; a dossier accepted
 * after office hours starts counting at the next working period.
 */
import type { DateTime } from 'luxon'
import { loadWorkingCalendar, type WorkingCalendar } from '#catalog/index'

export async function appointmentDateFor(
  procedure: { legalDeadlineDays: number },
  receivedAt: DateTime,
  calendar?: WorkingCalendar
): Promise<DateTime> {
  const workingCalendar = calendar ?? (await loadWorkingCalendar())
  return workingCalendar.addWorkingDays(receivedAt, Number(procedure.legalDeadlineDays))
}
