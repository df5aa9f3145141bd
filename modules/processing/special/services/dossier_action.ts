/*
 * What every special action of processing shares (consultation, handovers, extension, financial
 * obligation, result documents, refusal at approval, the return): it loads the dossier as the
 * officer's page showed it, refuses before any write (stale lock version, finished dossier,
 * wrong step, wrong officer), and then makes the engine's one guarded write first, so that of two
 * officers acting at once the second is told the dossier changed and nothing of theirs is kept.
 */
import type { DateTime } from 'luxon'
import type { WorkingCalendar } from '#catalog/index'
import { Dossier, checkUpload, uploadLimits, UploadRejected, type Clock, type UploadedFile } from '#intake/index'
import type { User } from '#users/index'
import { dossierContext, type DossierContext } from '#processing/services/dossier_context'
import { systemClock } from '#processing/services/deadlines'
import { CLOSED_STATUSES } from '#processing/services/engine'
import { ActionRefusedError, DossierChangedError } from '#processing/services/errors'
import { updateDossierGuarded, type DossierChanges } from '#processing/services/guarded_update'
import { mayActOnStep } from '#processing/services/officers'
import { ensureOpenStep } from '#processing/services/step_history'
import type { StepKind } from '#catalog/index'

export interface SpecialActionInput {
  dossierId: number
  /** The dossier's lock_version the officer's page was drawn with. */
  expectedLockVersion: number
  actor: User
}

export interface SpecialActionOptions {
  clock?: Clock
  calendar?: WorkingCalendar
  /** Absolute link to the portal's lookup page of the dossier, for the applicant's email. */
  portalUrl?: string
}

export interface OpenedDossier {
  dossier: Dossier
  context: DossierContext
  at: DateTime
}

/** Steps where the handling officer works on the dossier (not the counter's, not assignment). */
export const HANDLING_STEPS: readonly StepKind[] = ['processing', 'consultation', 'approval', 'financial_obligation']

/** Trimmed NFC text, or null when empty. */
export function clean(text: unknown): string | null {
  if (typeof text !== 'string') return null
  const value = text.normalize('NFC').trim()
  return value ? value : null
}

/** The dossier with this id in the current tenant, or a refusal that reads as "not found" (404). */
export async function findDossier(dossierId: number) {
  const dossier = Number.isSafeInteger(Number(dossierId)) ? await Dossier.find(Number(dossierId)) : null
  if (!dossier) throw new ActionRefusedError('not_found')
  return dossier
}

/** The dossier and where it stands, refused when the page was stale or processing has ended. */
export async function openDossier(input: SpecialActionInput, options: SpecialActionOptions = {}): Promise<OpenedDossier> {
  const at = (options.clock ?? systemClock)()
  const dossier = await findDossier(input.dossierId)
  if (dossier.lockVersion !== Number(input.expectedLockVersion)) throw new DossierChangedError(dossier.id)
  const context = await dossierContext(dossier, options.calendar)
  if (!context.runtime) throw new ActionRefusedError('no_workflow')
  if (!context.step || CLOSED_STATUSES.has(dossier.statusCode)) throw new ActionRefusedError('finished')
  return { dossier, context, at }
}

/** Refuses unless the dossier is at a step of one of `kinds`. */
export function requireStepKind(context: DossierContext, kinds: readonly StepKind[], message?: string) {
  if (!context.step || !kinds.includes(context.step.kind)) throw new ActionRefusedError('wrong_step', message)
}

/** Refuses unless `actor` may act on the dossier's current step now (its holder, or its role and department). */
export function requireHolder(actor: User, context: DossierContext) {
  if (!context.step || !mayActOnStep(actor, context.step, context.open)) throw new ActionRefusedError('not_allowed')
}

/** Refuses unless the dossier's status is one of `statuses`. */
export function requireStatus(dossier: Dossier, statuses: readonly string[], message?: string) {
  if (!statuses.includes(dossier.statusCode)) throw new ActionRefusedError('not_offered', message)
}

/** The guarded write (lock version + 1, with `changes`), then the current passage as a written row. */
export async function claimDossier(opened: OpenedDossier, expectedLockVersion: number, changes: DossierChanges = {}) {
  const { dossier, context, at } = opened
  await updateDossierGuarded(dossier, Number(expectedLockVersion), changes, at)
  const passage = await ensureOpenStep(dossier, context.step!, context.calendar, context.enteredAt)
  return passage
}

/** The officer holding the current passage, if anyone does. */
export function holderIdOf(context: DossierContext): number | null {
  return context.open?.assigneeId ? Number(context.open.assigneeId) : null
}

/** Whether the checks pass (for showing a form), without throwing their refusal. */
export function allows(checks: () => void): boolean {
  try {
    checks()
    return true
  } catch (error) {
    if (error instanceof ActionRefusedError) return false
    throw error
  }
}

/** The message of the first refused upload (type, size), or null when all may be stored. */
export async function uploadsProblem(uploads: UploadedFile[]): Promise<string | null> {
  const limits = uploadLimits()
  let problem: string | null = null
  for (const upload of uploads) {
    try {
      await checkUpload(upload, limits)
    } catch (error) {
      if (!(error instanceof UploadRejected)) throw error
      problem ??= error.message
    }
  }
  return problem
}
