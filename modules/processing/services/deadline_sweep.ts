/*
 * The deadline sweep (issue 5 items 4 and 10), run on a schedule for every tenant
 * (`node ace processing:sweep-deadlines`, and hourly inside the web server):
 *  1. passages past their step's due time are marked overdue, and their holder (or the officers
 *     of the step's department when nobody holds it) and the department's heads get a reminder;
 *  2. dossiers past their appointment date get the ST-16 event on the trail ("Hạn xử lý … -
 *     Quá hạn N ngày", once per missed date) and the same reminders;
 *  3. clocks that other modules' status changes left behind (a supplement arrived) catch up, so
 *     the appointment date stored on the dossier is the current one.
 * The sweep never bumps a dossier's lock version: officers' open forms stay valid.
 */
import type { DateTime } from 'luxon'
import { requireTenantScope } from '#tenancy/tenant_context'
import { loadWorkingCalendar, type WorkingCalendar } from '#catalog/index'
import { appendEvent, Dossier, type Clock } from '#intake/index'
import DossierStep from '#processing/models/dossier_step'
import { dossierContext, type DossierContext } from '#processing/services/dossier_context'
import { overdueLine, systemClock } from '#processing/services/deadlines'
import { departmentHeadsOf, officersOfStep } from '#processing/services/officers'
import { remind } from '#processing/services/reminders'
import { runSweepTasks } from '#processing/services/hooks'
import { SUPPLEMENT_REQUESTED } from '#processing/services/status_text'
import { settleClock } from '#processing/services/supplement_clock'
import { loadWorkflowRuntime, type RuntimeStep } from '#processing/services/workflow_runtime'

export interface SweepSummary {
  overdueSteps: number
  overdueDossiers: number
  reminders: number
  settledClocks: number
  /** The counts of the other parts' sweep tasks (services/hooks.ts), by label. */
  tasks: Record<string, number>
}

const BATCH = 500

/** Who is reminded of late work on a step: its holder or the officers who fit it, and the department's heads. */
async function overdueRecipients(step: RuntimeStep, assigneeId: number | null) {
  const holders = assigneeId ? [Number(assigneeId)] : (await officersOfStep(step)).map((officer) => officer.id)
  const heads = (await departmentHeadsOf(step)).map((officer) => officer.id)
  return [...holders, ...heads]
}

/** Writes the settled appointment date if the dossier has not changed since it was read. */
async function saveSettled(context: DossierContext, appointmentAt: DateTime | null) {
  const { dossier, clock } = context
  const { tenant, client } = requireTenantScope()
  const before = dossier.appointmentAt?.toMillis() ?? null
  if ((appointmentAt?.toMillis() ?? null) !== before) {
    const updated = await client
      .from('dossiers')
      .where({ tenant_id: tenant.id, id: dossier.id, lock_version: dossier.lockVersion })
      .update({ appointment_at: appointmentAt?.toJSDate() ?? null }, ['id'])
    if (updated.length === 0) return false
    dossier.$attributes.appointmentAt = appointmentAt
    dossier.$original.appointmentAt = appointmentAt
  }
  await clock.save()
  return true
}

async function markOverdueSteps(at: DateTime, summary: SweepSummary) {
  const rows = await DossierStep.query()
    .whereNull('finished_at')
    .whereNull('overdue_at')
    .where('clock_stopped', false)
    .whereNotNull('due_at')
    .where('due_at', '<', at.toJSDate())
    .orderBy('id')
    .limit(BATCH)
  for (const row of rows) {
    row.overdueAt = at
    await row.save()
    summary.overdueSteps += 1
    const dossier = await Dossier.find(row.dossierId)
    const runtime = dossier?.workflowId ? await loadWorkflowRuntime(Number(dossier.workflowId)) : null
    const step = runtime?.step(row.stepKey)
    if (!dossier || !step) continue
    summary.reminders += await remind(await overdueRecipients(step, row.assigneeId), {
      dossierId: dossier.id,
      dossierStepId: row.id,
      kind: 'overdue',
      at,
    })
  }
  return rows.length
}

async function recordOverdueDossiers(at: DateTime, calendar: WorkingCalendar, summary: SweepSummary) {
  const dossiers = await Dossier.query()
    .whereNotNull('current_step_key')
    .whereNotNull('appointment_at')
    .where('appointment_at', '<', at.toJSDate())
    .orderBy('id')
  for (const dossier of dossiers) {
    const context = await dossierContext(dossier, calendar)
    const appointmentAt = await settleClock(dossier, context.clock, calendar, context.mode, context.legalMinutes)
    if (!(await saveSettled(context, appointmentAt))) continue
    const text = overdueLine(dossier, at, calendar, context.clock)
    if (!text || !context.step) continue
    const { clock } = context
    if (clock.overdueRecordedFor?.toMillis() !== appointmentAt!.toMillis()) {
      await appendEvent(dossier, {
        action: 'overdue',
        actorName: 'Hệ thống',
        stepKey: context.step.key,
        fromStatus: dossier.statusCode,
        toStatus: dossier.statusCode,
        comment: text,
        public: true,
        occurredAt: at,
      })
      clock.overdueRecordedFor = appointmentAt
      clock.trailSequence = dossier.trailLength
      await clock.save()
      summary.overdueDossiers += 1
    }
    summary.reminders += await remind(await overdueRecipients(context.step, context.open?.assigneeId ?? null), {
      dossierId: dossier.id,
      dossierStepId: context.open?.id ?? null,
      kind: 'overdue',
      at,
    })
  }
}

/** Clocks stopped for a supplement that has since arrived through the counter or the portal. */
async function settleLaggingClocks(calendar: WorkingCalendar, summary: SweepSummary) {
  const dossiers = await Dossier.query()
    .whereNot('status_code', SUPPLEMENT_REQUESTED)
    .whereIn('id', (clocks) => clocks.from('dossier_clocks').select('dossier_id').whereNotNull('stopped_at'))
    .orderBy('id')
  for (const dossier of dossiers) {
    const context = await dossierContext(dossier, calendar)
    const appointmentAt = await settleClock(dossier, context.clock, calendar, context.mode, context.legalMinutes)
    if (await saveSettled(context, appointmentAt)) summary.settledClocks += 1
  }
}

/** One sweep of the current tenant at the clock's time. */
export async function sweepDeadlines(options: { clock?: Clock } = {}): Promise<SweepSummary> {
  requireTenantScope()
  const at = (options.clock ?? systemClock)()
  const calendar = await loadWorkingCalendar()
  const summary: SweepSummary = { overdueSteps: 0, overdueDossiers: 0, reminders: 0, settledClocks: 0, tasks: {} }
  // Tasks first: a delegation that ended gives the passage back, so late-work reminders reach its owner.
  summary.tasks = await runSweepTasks(at)
  await settleLaggingClocks(calendar, summary)
  while ((await markOverdueSteps(at, summary)) === BATCH);
  await recordOverdueDossiers(at, calendar, summary)
  return summary
}
