/*
 * The workflow runtime (issue 5 items 5 and 7): a dossier runs on the workflow version it was
 * received on, at one step at a time; the actions open to an officer are the transitions leaving
 * that step, for the officers the step names (its role, its department, its holder once there
 * is one). performAction() checks everything first, then makes the one guarded write that
 * decides races, then records the rest under the row lock that write took: the step history,
 * the clock, the files, the trail event, reminders, the after-hooks (the applicant's email
 * among them). A refused action has written nothing.
 */
import { requireTenantScope } from '#tenancy/tenant_context'
import { ProcedureComponent, type WorkingCalendar } from '#catalog/index'
import {
  Dossier,
  SupplementRequest,
  appendEvent,
  attachFilesToDossier,
  checkUpload,
  filesOfDossier,
  storeUploadedFile,
  uploadLimits,
  UploadRejected,
  type Clock,
  type StoredFile,
  type UploadedFile,
} from '#intake/index'
import type { User } from '#users/index'
import type DossierStep from '#processing/models/dossier_step'
import { dossierContext, type DossierContext } from '#processing/services/dossier_context'
import { systemClock } from '#processing/services/deadlines'
import { ActionInvalidError, ActionRefusedError, DossierChangedError } from '#processing/services/errors'
import { updateDossierGuarded } from '#processing/services/guarded_update'
import { onActionPerformed, refusalOf, runAfterHooks } from '#processing/services/hooks'
import { notifyApplicantOfAction } from '#processing/services/applicant_notices'
import { candidatesFor, mayActOnStep, officersOfStep, officerTitle } from '#processing/services/officers'
import { remind } from '#processing/services/reminders'
import {
  DONE,
  NEW_ONLINE,
  REFUSED,
  RETURNED,
  STOPPED,
  SUPPLEMENTED,
  SUPPLEMENT_REQUESTED,
  statusDetailFor,
} from '#processing/services/status_text'
import { ensureOpenStep, finishStep, lastHolderOf, startStep } from '#processing/services/step_history'
import { allowanceOnEntry, awaitsReturn, settleClock, stopClock } from '#processing/services/supplement_clock'
import { trailActionOf } from '#processing/services/trail_actions'
import type { RuntimeStep, RuntimeTransition } from '#processing/services/workflow_runtime'

/** Statuses after which nothing more happens to the dossier (a withdrawn one included, OS-5.8). */
export const CLOSED_STATUSES: ReadonlySet<string> = new Set([REFUSED, STOPPED, RETURNED, 'da_rut_ho_so'])

/**
 * Statuses the counter decides on with its own screens (intake module): a new online dossier
 * (accept, ask for papers, refuse) and one waiting for the applicant's papers (record them).
 */
const COUNTER_DECIDES: ReadonlySet<string> = new Set([NEW_ONLINE, SUPPLEMENT_REQUESTED])

onActionPerformed(notifyApplicantOfAction)

export interface PerformActionInput {
  /** The dossier as the caller loaded it, or its id. */
  dossier?: Dossier
  dossierId?: number
  transitionId: number
  /** The dossier's lock_version the officer's page was drawn with. */
  expectedLockVersion: number
  actor: User
  /** Required when the transition asks for a reason; it becomes the status detail of ST-3/4/12/13. */
  reason?: string | null
  comment?: string | null
  /** Stored files already part of the dossier, attached to this action. */
  fileIds?: number[]
  /** New files: checked with the rest, stored and joined to the dossier with the action. */
  uploads?: UploadedFile[]
  /** The officer who will hold the next step (required when leaving an assignment step). */
  assigneeId?: number | null
  /** The papers a supplement request asks for (ST-12): at least one when the action asks for papers. */
  papers?: string[]
  /** Anything an after-hook needs (a payment receipt number, an extension's new date, …). */
  extra?: Record<string, unknown>
}

export interface PerformActionOptions {
  clock?: Clock
  calendar?: WorkingCalendar
  /** Absolute link to the portal's lookup page, for the applicant's email. */
  portalUrl?: string
}

export interface ActionResult {
  dossier: Dossier
  transition: RuntimeTransition
  eventSequence: number
  finishedStep: DossierStep
  startedStep: DossierStep | null
}

export interface AvailableAction {
  transition: RuntimeTransition
  toStep: RuntimeStep | null
  needsReason: boolean
  needsAttachment: boolean
  /** Leaving an assignment step: the officer must name who holds the next step. */
  needsAssignee: boolean
  /** Who may hold the next step, when the form offers a choice. */
  assigneeChoices: Array<{ id: number; name: string }>
  /** A supplement request: the officer names the papers to add (ST-12, OS-8.5). */
  asksPapers: boolean
  /** The procedure's components, offered as the papers to ask for. */
  paperChoices: string[]
}

function clean(text: string | null | undefined) {
  const value = text?.normalize('NFC').trim()
  return value ? value : null
}

/** Whether the transition is open for the dossier's status and clock (beyond who may act). */
function isOffered(context: DossierContext, transition: RuntimeTransition) {
  const { dossier, step, clock } = context
  if (!step || CLOSED_STATUSES.has(dossier.statusCode) || COUNTER_DECIDES.has(dossier.statusCode)) return false
  // "Chuyển hồ sơ đã bổ sung" is for a dossier whose papers a later step asked for.
  if (transition.statusCode === SUPPLEMENTED) return awaitsReturn(clock, step.key)
  // Papers asked for at intake: the counter accepts the dossier again before it moves on.
  if (dossier.statusCode === SUPPLEMENTED && step.kind === 'intake') return false
  return true
}

/** The names of the dossier's procedure components, in the procedure's order. */
async function componentNamesOf(dossier: Dossier) {
  const components = await ProcedureComponent.query().where('procedure_id', dossier.procedureId).orderBy('position').orderBy('id')
  return components.map((component) => component.name)
}

/** Each paper once, trimmed, blanks dropped: what a supplement request stores. */
function cleanPapers(papers: string[] | undefined) {
  const names = (papers ?? []).map((paper) => clean(paper)).filter((paper): paper is string => Boolean(paper))
  return [...new Set(names)].slice(0, 50)
}

async function choicesFor(step: RuntimeStep) {
  const officers = await candidatesFor(step)
  return officers.map((officer) => ({ id: officer.id, name: officerTitle(officer) }))
}

/** The actions `officer` may take on the dossier now, in the workflow's order (OS-8, issue 5 item 7). */
export async function availableActions(dossier: Dossier, officer: User, context?: DossierContext): Promise<AvailableAction[]> {
  const state = context ?? (await dossierContext(dossier))
  const { runtime, step } = state
  if (!runtime || !step || !mayActOnStep(officer, step, state.open)) return []
  const actions: AvailableAction[] = []
  let paperChoices: string[] | null = null
  for (const transition of runtime.transitionsFrom(step.key)) {
    if (!isOffered(state, transition)) continue
    const toStep = runtime.step(transition.toKey)
    if (await refusalOf({ dossier, runtime, transition, fromStep: step, toStep, officer })) continue
    const needsAssignee = step.kind === 'assignment' && toStep !== null
    const asksPapers = transition.statusCode === SUPPLEMENT_REQUESTED
    if (asksPapers) paperChoices ??= await componentNamesOf(dossier)
    actions.push({
      transition,
      toStep,
      needsReason: transition.requiresReason,
      needsAttachment: transition.requiresAttachment,
      needsAssignee,
      assigneeChoices: needsAssignee && toStep ? await choicesFor(toStep) : [],
      asksPapers,
      paperChoices: asksPapers ? (paperChoices ?? []) : [],
    })
  }
  return actions
}

/** The stored files of `ids` that are part of the dossier; the ids that are not. */
async function dossierFilesOf(dossier: Dossier, ids: number[]) {
  const wanted = new Set(ids.map(Number))
  if (wanted.size === 0) return { files: [] as StoredFile[], unknown: false }
  const files = (await filesOfDossier(dossier)).map((row) => row.storedFile).filter((file) => wanted.has(Number(file.id)))
  const unique = [...new Map(files.map((file) => [Number(file.id), file])).values()]
  return { files: unique, unknown: unique.length !== wanted.size }
}

/** Performs a transition of the dossier's workflow for `actor`; see the top of this file. */
export async function performAction(input: PerformActionInput, options: PerformActionOptions = {}): Promise<ActionResult> {
  requireTenantScope()
  const at = (options.clock ?? systemClock)()
  const dossier = input.dossier ?? (input.dossierId ? await Dossier.find(input.dossierId) : null)
  if (!dossier) throw new ActionRefusedError('not_found')
  if (dossier.lockVersion !== input.expectedLockVersion) throw new DossierChangedError(dossier.id)

  const context = await dossierContext(dossier, options.calendar)
  const { runtime, step: fromStep, calendar, clock } = context
  if (!runtime) throw new ActionRefusedError('no_workflow')
  if (!fromStep || CLOSED_STATUSES.has(dossier.statusCode)) throw new ActionRefusedError('finished')
  const transition = runtime.transition(Number(input.transitionId))
  if (!transition || transition.fromKey !== fromStep.key) throw new ActionRefusedError('wrong_step')
  const { actor } = input
  if (!mayActOnStep(actor, fromStep, context.open)) throw new ActionRefusedError('not_allowed')
  if (!isOffered(context, transition)) throw new ActionRefusedError('not_offered')
  const toStep = runtime.step(transition.toKey)
  const refusal = await refusalOf({ dossier, runtime, transition, fromStep, toStep, officer: actor, input })
  if (refusal) throw new ActionRefusedError('guard', refusal)

  // What came with the action.
  const reason = clean(input.reason)
  const comment = clean(input.comment)
  const errors: Record<string, string> = {}
  if (transition.requiresReason && !reason) errors.reason = 'Hãy nêu lý do.'
  const papers = transition.statusCode === SUPPLEMENT_REQUESTED ? cleanPapers(input.papers) : []
  if (transition.statusCode === SUPPLEMENT_REQUESTED && !papers.length) {
    errors.papers = 'Hãy chọn hoặc ghi ít nhất một giấy tờ cần bổ sung.'
  }
  const attached = await dossierFilesOf(dossier, input.fileIds ?? [])
  if (attached.unknown) errors.files = 'Tệp đã chọn không thuộc hồ sơ này.'
  const uploads = input.uploads ?? []
  const limits = uploadLimits()
  for (const upload of uploads) {
    try {
      await checkUpload(upload, limits)
    } catch (error) {
      if (!(error instanceof UploadRejected)) throw error
      errors.files ??= error.message
    }
  }
  if (transition.requiresAttachment && attached.files.length + uploads.length === 0) {
    errors.files ??= 'Thao tác này cần tệp đính kèm.'
  }
  let assignee: User | null = null
  if (input.assigneeId) {
    assignee = toStep ? await candidatesFor(toStep).where('id', input.assigneeId).first() : null
    if (!assignee) errors.assignee_id = 'Hãy chọn một cán bộ trong danh sách.'
  } else if (fromStep.kind === 'assignment' && toStep) {
    errors.assignee_id = 'Hãy chọn cán bộ thụ lý.'
  }
  if (Object.keys(errors).length) throw new ActionInvalidError(errors)

  // The clock, the next holder and the detail, worked out before the one guarded write.
  const toStatus = transition.statusCode
  const fromStatus = dossier.statusCode
  let appointmentAt = await settleClock(dossier, clock, calendar, context.mode, context.legalMinutes)
  if (toStatus === SUPPLEMENT_REQUESTED) {
    const asking = toStep?.key === fromStep.key ? null : { key: fromStep.key, dueAt: context.passage?.dueAt ?? null }
    stopClock(clock, at, calendar, appointmentAt, asking)
  }
  if (!toStep) {
    clock.returnStepKey = null
    clock.returnStepRemainingMinutes = null
  }
  const allowed = toStep ? allowanceOnEntry(clock, toStep, context.mode) : null
  if (!assignee && toStep) {
    // A step the dossier comes back to goes back to whoever held it (the handler after approval sends it back).
    const previous = await lastHolderOf(dossier.id, toStep.key)
    assignee = previous ? await candidatesFor(toStep).where('id', previous).first() : null
  }
  const statusDetail = await statusDetailFor({ toStatus, toStep, assignee, reason, comment, papers, at })

  await updateDossierGuarded(
    dossier,
    input.expectedLockVersion,
    { statusCode: toStatus, statusDetail, currentStepKey: toStep?.key ?? null, appointmentAt },
    at
  )

  // Under the row lock from here on.
  if (context.stale) {
    await finishStep(context.stale, { at: context.enteredAt, actorId: null, transitionId: null, status: fromStatus })
  }
  const passage = await ensureOpenStep(dossier, fromStep, calendar, context.enteredAt)
  const finishedStep = await finishStep(passage, { at, actorId: actor.id, transitionId: transition.id, status: toStatus })
  const startedStep = toStep
    ? await startStep(dossier, toStep, calendar, {
        at,
        allowedMinutes: allowed,
        assigneeId: assignee?.id ?? null,
        clockStopped: Boolean(clock.stoppedAt),
      })
    : null

  if (toStatus === SUPPLEMENT_REQUESTED) {
    // The request the counter and the portal show the applicant, closed when the papers arrive.
    await SupplementRequest.create({
      dossierId: dossier.id,
      reason: reason ?? comment ?? transition.action,
      papers,
      stepKey: fromStep.key,
      requestedBy: actor.id,
      requestedAt: at,
      fulfilledAt: null,
    })
  }

  const stored: StoredFile[] = []
  for (const upload of uploads) stored.push(await storeUploadedFile(upload, { uploadedBy: actor.id }))
  if (stored.length) {
    const kind = toStatus === DONE || toStatus === RETURNED ? ('result' as const) : ('other' as const)
    await attachFilesToDossier(
      dossier,
      stored.map((file) => ({ fileId: file.id, kind, label: file.originalName })),
      actor.id
    )
  }
  const event = await appendEvent(dossier, {
    action: trailActionOf(transition, fromStep, toStep),
    actor: { id: actor.id, fullName: actor.fullName },
    stepKey: fromStep.key,
    fromStatus,
    toStatus,
    comment: [reason, comment].filter(Boolean).join('\n') || null,
    attachments: [...attached.files, ...stored].map((file) => ({ fileId: file.id, name: file.originalName, sha256: file.sha256 })),
    // What the applicant follows (OL-9): status changes, and who was assigned (ST-10).
    public: fromStatus !== toStatus || fromStep.kind === 'assignment',
    occurredAt: at,
  })
  clock.trailSequence = dossier.trailLength
  await clock.save()

  if (startedStep && toStep && !startedStep.clockStopped) {
    const recipients = startedStep.assigneeId ? [startedStep.assigneeId] : (await officersOfStep(toStep)).map((officer) => officer.id)
    await remind(
      recipients.filter((id) => Number(id) !== Number(actor.id)),
      { dossierId: dossier.id, dossierStepId: startedStep.id, kind: 'new_work', at }
    )
  }

  await runAfterHooks({
    dossier,
    runtime,
    transition,
    fromStep,
    toStep,
    fromStatus,
    toStatus,
    actor,
    input,
    finishedStep,
    startedStep,
    at,
    calendar,
    options: { portalUrl: options.portalUrl },
  })
  return { dossier, transition, eventSequence: event.sequence, finishedStep, startedStep }
}

