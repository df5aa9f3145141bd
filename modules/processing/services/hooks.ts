/*
 * Where later parts of processing plug into the engine (consultation, extension, financial
 * obligations, approval rounds, the return of results, …) without changing it:
 *
 * - a guard decides whether a transition is open for a dossier; it runs when the screen lists
 *   the actions (without input) and again when one is performed (with the input). It answers
 *   null to let the action through, or the Vietnamese message that refuses it;
 * - an after-hook runs once the transition is done, in the same transaction, before the
 *   response: it may write its own rows (a payment record, an approval round, …); if it throws,
 *   the error comes out as AfterHookFailed, so the request fails and the whole action is
 *   undone (a refusal belongs in a guard, which runs before anything is written).
 *
 * - a sweep task runs with each deadline sweep (hourly and `processing:sweep-deadlines`), for
 *   work that falls due with time rather than with an officer's action (a delegation whose last
 *   day has passed, …). It answers how many things it handled.
 *
 * Register them at module load (e.g. from the part's own index or start file).
 */
import type { DateTime } from 'luxon'
import type { WorkingCalendar } from '#catalog/index'
import type { Dossier } from '#intake/index'
import type { User } from '#users/index'
import type DossierStep from '#processing/models/dossier_step'
import type { RuntimeStep, RuntimeTransition, WorkflowRuntime } from '#processing/services/workflow_runtime'
import type { PerformActionInput } from '#processing/services/engine'

export interface GuardContext {
  dossier: Dossier
  runtime: WorkflowRuntime
  transition: RuntimeTransition
  fromStep: RuntimeStep
  toStep: RuntimeStep | null
  officer: User
  /** Absent while the screen lists the actions. */
  input?: PerformActionInput
}

export type ActionGuard = (context: GuardContext) => string | null | Promise<string | null>

export interface PerformedContext {
  /** The dossier as it is after the action. */
  dossier: Dossier
  runtime: WorkflowRuntime
  transition: RuntimeTransition
  fromStep: RuntimeStep
  toStep: RuntimeStep | null
  fromStatus: string
  toStatus: string
  actor: User
  input: PerformActionInput
  /** The passage the action closed, and the one it opened (null when processing ended). */
  finishedStep: DossierStep
  startedStep: DossierStep | null
  at: DateTime
  calendar: WorkingCalendar
  /** Options the caller passed to performAction (portal link for emails, …). */
  options: { portalUrl?: string }
}

export type AfterAction = (context: PerformedContext) => void | Promise<void>

export interface SweepTask {
  /** What the sweep command prints before the count, e.g. "delegation(s) ended". */
  label: string
  run: (at: DateTime) => Promise<number>
}

const guards: ActionGuard[] = []
const afterHooks: AfterAction[] = []
const sweepTasks: SweepTask[] = []

export function registerActionGuard(guard: ActionGuard) {
  if (!guards.includes(guard)) guards.push(guard)
}

export function onActionPerformed(hook: AfterAction) {
  if (!afterHooks.includes(hook)) afterHooks.push(hook)
}

export function onDeadlineSweep(task: SweepTask) {
  if (!sweepTasks.some((registered) => registered.label === task.label)) sweepTasks.push(task)
}

/** Runs the registered sweep tasks at `at`: each one's label and count. */
export async function runSweepTasks(at: DateTime) {
  const counts: Record<string, number> = {}
  for (const task of sweepTasks) counts[task.label] = await task.run(at)
  return counts
}

/** The first refusal of the registered guards, or null. */
export async function refusalOf(context: GuardContext): Promise<string | null> {
  for (const guard of guards) {
    const refusal = await guard(context)
    if (refusal) return refusal
  }
  return null
}

/**
 * An after-hook failed once the action was written: the whole request must fail (and its
 * transaction roll back), so the error is not one the screens answer as a refusal.
 */
export class AfterHookFailed extends Error {
  constructor(cause: unknown) {
    super(`An after-action hook failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
}

export async function runAfterHooks(context: PerformedContext) {
  for (const hook of afterHooks) {
    try {
      await hook(context)
    } catch (error) {
      throw new AfterHookFailed(error)
    }
  }
}
