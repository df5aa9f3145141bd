/*
 * Everything the engine and the screens need to know about where a dossier stands: its workflow
 * version, the step it is at, the passage through that step (as written, or as it would be for a
 * dossier fresh from intake), its clock and the tenant's working calendar.
 */
import type { DateTime } from 'luxon'
import { loadWorkingCalendar, type WorkingCalendar } from '#catalog/index'
import { publicTrailOf, type Dossier } from '#intake/index'
import type DossierClock from '#processing/models/dossier_clock'
import type DossierStep from '#processing/models/dossier_step'
import { openStepOf, virtualOpenStep } from '#processing/services/step_history'
import {
  clockOf,
  legalMinutesOf,
  supplementClockOf,
  type SupplementClockMode,
} from '#processing/services/supplement_clock'
import { loadWorkflowRuntime, type RuntimeStep, type WorkflowRuntime } from '#processing/services/workflow_runtime'

export interface DossierContext {
  dossier: Dossier
  runtime: WorkflowRuntime | null
  /** The step the dossier is at; null once processing ended or before it has a workflow. */
  step: RuntimeStep | null
  /** The written passage through the step, if the engine has written one. */
  open: DossierStep | null
  /** An open passage through another step: the dossier was moved outside the engine since. */
  stale: DossierStep | null
  /** The passage as the screens show it: the written one, or the one the engine will write. */
  passage: DossierStep | null
  /** When the dossier entered its current step (the passage's start). */
  enteredAt: DateTime
  clock: DossierClock
  calendar: WorkingCalendar
  mode: SupplementClockMode
  legalMinutes: number
}

/** When the dossier last changed status or step, from its trail (its receipt at the latest). */
async function lastMoveOf(dossier: Dossier): Promise<DateTime> {
  const last = await publicTrailOf(dossier.id).clearOrder().orderBy('sequence', 'desc').first()
  return last?.occurredAt ?? dossier.receivedAt
}

export async function dossierContext(dossier: Dossier, calendar?: WorkingCalendar): Promise<DossierContext> {
  const workingCalendar = calendar ?? (await loadWorkingCalendar())
  const runtime = dossier.workflowId ? await loadWorkflowRuntime(Number(dossier.workflowId)) : null
  const step = runtime?.step(dossier.currentStepKey) ?? null
  // One after the other: they share the tenant's transaction, which runs one query at a time.
  const open = await openStepOf(dossier.id)
  const clock = await clockOf(dossier.id)
  const mode = await supplementClockOf(dossier.procedureId)
  const legalMinutes = await legalMinutesOf(dossier.procedureId, workingCalendar)
  const current = open && step && open.stepKey === step.key ? open : null
  const enteredAt = current?.startedAt ?? (await lastMoveOf(dossier))
  return {
    dossier,
    runtime,
    step,
    open: current,
    stale: open && !current ? open : null,
    passage: current ?? (step ? virtualOpenStep(dossier, step, workingCalendar, enteredAt) : null),
    enteredAt,
    clock,
    calendar: workingCalendar,
    mode,
    legalMinutes,
  }
}
