/*
 * The dossier's step history (issue 5 item 4): a row each time the dossier enters a step, closed
 * when an action takes it on. The engine writes it while it holds the dossier's row lock.
 */
import type { DateTime } from 'luxon'
import type { WorkingCalendar } from '#catalog/index'
import type { Dossier } from '#intake/index'
import DossierStep from '#processing/models/dossier_step'
import { dueAfter } from '#processing/services/deadlines'
import type { RuntimeStep } from '#processing/services/workflow_runtime'

/** The dossier's current passage (its one open row), if it has one. */
export function openStepOf(dossierId: number) {
  return DossierStep.query().where('dossier_id', dossierId).whereNull('finished_at').first()
}

/** Every passage of the dossier, oldest first. */
export function stepsOf(dossierId: number) {
  return DossierStep.query().where('dossier_id', dossierId).orderBy('started_at').orderBy('id')
}

/** The holder of the dossier's most recent passage through `stepKey`, to give the step back to them. */
export async function lastHolderOf(dossierId: number, stepKey: string) {
  const row = await DossierStep.query()
    .where('dossier_id', dossierId)
    .where('step_key', stepKey)
    .whereNotNull('assignee_id')
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .first()
  return row?.assigneeId ?? null
}

export interface StepStart {
  at: DateTime
  allowedMinutes: number | null
  assigneeId?: number | null
  clockStopped?: boolean
}

/** Opens a passage through `step`, due its allowance after `at` (none while the clock is stopped). */
export function startStep(dossier: Dossier, step: RuntimeStep, calendar: WorkingCalendar, start: StepStart) {
  const stopped = start.clockStopped ?? false
  return DossierStep.create({
    dossierId: dossier.id,
    workflowStepId: step.id,
    stepKey: step.key,
    stepName: step.name,
    departmentId: step.departmentId,
    assigneeId: start.assigneeId ?? null,
    startedAt: start.at,
    allowedMinutes: stopped ? null : start.allowedMinutes,
    dueAt: stopped ? null : dueAfter(calendar, start.at, start.allowedMinutes),
    clockStopped: stopped,
    finishedAt: null,
    finishedBy: null,
    transitionId: null,
    finishedStatus: null,
    overdueAt: null,
  })
}

/**
 * Opens the passage through `step` that a dossier fresh from intake has not got yet, started
 * when it entered the step. Call only while holding the dossier's lock.
 */
export async function ensureOpenStep(dossier: Dossier, step: RuntimeStep, calendar: WorkingCalendar, enteredAt: DateTime) {
  const open = await openStepOf(dossier.id)
  if (open) return open
  return startStep(dossier, step, calendar, { at: enteredAt, allowedMinutes: step.timeLimitMinutes > 0 ? step.timeLimitMinutes : null })
}

/** A passage as the screens show it before the engine has written one (a dossier fresh from intake). */
export function virtualOpenStep(dossier: Dossier, step: RuntimeStep, calendar: WorkingCalendar, enteredAt: DateTime) {
  const allowed = step.timeLimitMinutes > 0 ? step.timeLimitMinutes : null
  return new DossierStep().merge({
    dossierId: dossier.id,
    workflowStepId: step.id,
    stepKey: step.key,
    stepName: step.name,
    departmentId: step.departmentId,
    assigneeId: null,
    startedAt: enteredAt,
    allowedMinutes: allowed,
    dueAt: dueAfter(calendar, enteredAt, allowed),
    clockStopped: false,
    finishedAt: null,
    overdueAt: null,
  })
}

/** Closes the passage: when, by whom, by which transition, to which status. */
export async function finishStep(
  row: DossierStep,
  finish: { at: DateTime; actorId: number | null; transitionId: number | null; status: string }
) {
  row.merge({
    finishedAt: finish.at < row.startedAt ? row.startedAt : finish.at,
    finishedBy: finish.actorId,
    transitionId: finish.transitionId,
    finishedStatus: finish.status,
  })
  await row.save()
  return row
}
