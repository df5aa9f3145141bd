/*
 * The clock and the supplement loop (issue 5 item 4, OS-3.3). A supplement request stops the
 * dossier's clock and remembers what was left: of the time to the appointment date, and of the
 * asking step's time. When the supplement arrives the clock runs again: 'resume' carries on with
 * what was left, 'restart' (the procedure's choice) counts the whole legal deadline again, and
 * the appointment date moves accordingly. The asking step gets its time back (or its whole limit
 * on restart) when the dossier returns to it.
 *
 * These functions change a DossierClock in memory; the engine saves it after its guarded update.
 */
import type { DateTime } from 'luxon'
import { requireTenantScope } from '#tenancy/tenant_context'
import type { WorkingCalendar } from '#catalog/index'
import { publicTrailOf, type Dossier } from '#intake/index'
import { SUPPLEMENT_REQUESTED } from '#processing/services/status_text'
import DossierClock from '#processing/models/dossier_clock'
import type { RuntimeStep } from '#processing/services/workflow_runtime'

export const SUPPLEMENT_CLOCK_MODES = ['resume', 'restart'] as const
export type SupplementClockMode = (typeof SUPPLEMENT_CLOCK_MODES)[number]

/** The procedure's rule (procedures.supplement_clock), 'resume' when it says nothing. */
export async function supplementClockOf(procedureId: number): Promise<SupplementClockMode> {
  const { tenant, client } = requireTenantScope()
  const row = await client.from('procedures').where({ tenant_id: tenant.id, id: procedureId }).select('supplement_clock').first()
  return row?.supplement_clock === 'restart' ? 'restart' : 'resume'
}

/** Sets the procedure's rule; for the procedure admin screen and tests. */
export async function setSupplementClock(procedureId: number, mode: SupplementClockMode) {
  const { tenant, client } = requireTenantScope()
  await client.from('procedures').where({ tenant_id: tenant.id, id: procedureId }).update({ supplement_clock: mode })
}

/** The legal deadline of the procedure in working minutes on this calendar. */
export async function legalMinutesOf(procedureId: number, calendar: WorkingCalendar) {
  const { tenant, client } = requireTenantScope()
  const row = await client.from('procedures').where({ tenant_id: tenant.id, id: procedureId }).select('legal_deadline_days').first()
  return Math.round(Number(row?.legal_deadline_days ?? 0) * calendar.minutesPerWorkingDay)
}

/** The dossier's clock row, or a new unsaved one. */
export async function clockOf(dossierId: number) {
  const clock = await DossierClock.findBy('dossierId', dossierId)
  if (clock) return clock
  return new DossierClock().merge({
    dossierId,
    stoppedAt: null,
    dossierRemainingMinutes: null,
    returnStepKey: null,
    returnStepRemainingMinutes: null,
    supplementReceivedAt: null,
    stoppedMinutesTotal: 0,
    overdueRecordedFor: null,
    trailSequence: 0,
  })
}

/**
 * Stops the clock at `at`. `askingStep` is the step that asked for the supplement and will want
 * the dossier back, with its due moment; none when the intake step asks at intake. A clock that
 * is already stopped keeps what it remembered.
 */
export function stopClock(
  clock: DossierClock,
  at: DateTime,
  calendar: WorkingCalendar,
  appointmentAt: DateTime | null,
  askingStep: { key: string; dueAt: DateTime | null } | null
) {
  if (clock.stoppedAt) return
  clock.stoppedAt = at
  clock.supplementReceivedAt = null
  clock.dossierRemainingMinutes = appointmentAt ? Math.round(calendar.workingMinutesBetween(at, appointmentAt)) : null
  if (askingStep) {
    clock.returnStepKey = askingStep.key
    clock.returnStepRemainingMinutes = askingStep.dueAt
      ? Math.max(0, Math.round(calendar.workingMinutesBetween(at, askingStep.dueAt)))
      : null
  }
}

/**
 * Runs the clock again at `at` (the supplement arrived) and answers the new appointment date:
 * what was left after `at` on resume, the whole legal deadline after `at` on restart. A running
 * clock is left alone and the appointment date kept.
 */
export function resumeClock(
  clock: DossierClock,
  at: DateTime,
  calendar: WorkingCalendar,
  mode: SupplementClockMode,
  appointmentAt: DateTime | null,
  legalMinutes: number
): DateTime | null {
  if (!clock.stoppedAt) return appointmentAt
  clock.stoppedMinutesTotal = (clock.stoppedMinutesTotal ?? 0) + Math.max(0, Math.round(calendar.workingMinutesBetween(clock.stoppedAt, at)))
  const remaining = Math.max(0, clock.dossierRemainingMinutes ?? 0)
  clock.stoppedAt = null
  clock.supplementReceivedAt = at
  clock.dossierRemainingMinutes = null
  if (!appointmentAt) return null
  return calendar.addWorkingMinutes(at, mode === 'restart' ? legalMinutes : remaining)
}

/**
 * The working minutes a step gets as the dossier enters it: its limit, or, when it is the step
 * that asked for the supplement and the procedure resumes, what it had left. Null: no limit.
 */
export function allowanceOnEntry(clock: DossierClock, step: RuntimeStep, mode: SupplementClockMode): number | null {
  let allowed: number | null = step.timeLimitMinutes > 0 ? step.timeLimitMinutes : null
  if (clock.returnStepKey === step.key) {
    if (mode === 'resume' && allowed !== null && clock.returnStepRemainingMinutes !== null) {
      allowed = clock.returnStepRemainingMinutes
    }
    clock.returnStepKey = null
    clock.returnStepRemainingMinutes = null
  }
  return allowed
}

/** Whether the dossier waits to go back to the step that asked for a supplement (not `currentKey`). */
export function awaitsReturn(clock: Pick<DossierClock, 'returnStepKey'> | null, currentKey: string | null) {
  return Boolean(clock?.returnStepKey) && clock!.returnStepKey !== currentKey
}

/**
 * Brings the clock up to date with status changes made outside the engine (the counter recording
 * a supplement or asking again, the applicant supplementing on the portal), by replaying the
 * dossier's trail after the last event the clock accounted for: leaving "Yêu cầu bổ sung giấy
 * tờ" runs the clock again at that moment, entering it stops the clock. Answers the appointment
 * date as it now stands; the caller saves the clock and the date.
 */
export async function settleClock(
  dossier: Dossier,
  clock: DossierClock,
  calendar: WorkingCalendar,
  mode: SupplementClockMode,
  legalMinutes: number
): Promise<DateTime | null> {
  let appointmentAt = dossier.appointmentAt
  const accounted = clock.trailSequence ?? 0
  if (dossier.trailLength > accounted) {
    const events = await publicTrailOf(dossier.id).where('sequence', '>', accounted)
    for (const event of events) {
      const leaves = event.fromStatus === SUPPLEMENT_REQUESTED && event.toStatus !== SUPPLEMENT_REQUESTED
      const enters = event.toStatus === SUPPLEMENT_REQUESTED && event.fromStatus !== SUPPLEMENT_REQUESTED
      if (leaves && clock.stoppedAt) {
        appointmentAt = resumeClock(clock, event.occurredAt, calendar, mode, appointmentAt, legalMinutes)
      } else if (enters && !clock.stoppedAt) {
        stopClock(clock, event.occurredAt, calendar, appointmentAt, null)
      }
    }
  }
  clock.trailSequence = dossier.trailLength
  return appointmentAt
}
