/*
 * Approval rounds (OS-8.7, OS-9): the handler submits the dossier with its result document; it
 * goes through the approval steps of its workflow in order (for example the department head's
 * check, then the leader's signature), each one a round. At each round the approver:
 *
 * - approves: the workflow's way forward (the next round, or "Đã xử lý xong" back to the counter
 *   after the last one, which needs a result document);
 * - sends it back, with directions, to the department or the handler (the workflow's ways back);
 * - refuses, with directions: processing stops ("Dừng xử lý", the directions as the reason, the
 *   applicant told, the stop notice printable).
 *
 * Approving and sending back are workflow actions; every decision taken at an approval step,
 * from this screen or the dossier page, is recorded as a round by the after-hook below.
 */
import type { DateTime } from 'luxon'
import { appendEvent } from '#intake/index'
import { User } from '#users/index'
import { performAction } from '#processing/services/engine'
import type { PerformedContext } from '#processing/services/hooks'
import { ActionInvalidError } from '#processing/services/errors'
import { finishStep } from '#processing/services/step_history'
import { officerTitle } from '#processing/services/officers'
import { DONE, PROCESSING, STOPPED } from '#processing/services/status_text'
import type { RuntimeStep, RuntimeTransition, WorkflowRuntime } from '#processing/services/workflow_runtime'
import ApprovalDecision, { type ApprovalDecisionKind } from '#processing/special/models/approval_decision'
import { mailApplicant } from '#processing/special/services/applicant_mail'
import { currentResultOf } from '#processing/special/services/result_documents'
import {
  claimDossier,
  clean,
  openDossier,
  requireHolder,
  requireStatus,
  requireStepKind,
  type SpecialActionInput,
  type SpecialActionOptions,
} from '#processing/special/services/dossier_action'

/** The round of an approval step: its place among the workflow's approval steps, from 1. */
export function roundOf(runtime: WorkflowRuntime, step: RuntimeStep) {
  return runtime.steps.filter((candidate) => candidate.kind === 'approval').findIndex((candidate) => candidate.key === step.key) + 1
}

/** Whether a transition leaving `from` moves the dossier on (to a later step or to the end). */
export function movesForward(runtime: WorkflowRuntime, transition: RuntimeTransition, from: RuntimeStep) {
  const to = runtime.step(transition.toKey)
  return transition.statusCode !== STOPPED && (to === null || to.position > from.position)
}

/** The ways an approval step leaves: forward (approve) and back (send back), as the workflow lists them. */
export function approvalWays(runtime: WorkflowRuntime, step: RuntimeStep) {
  const transitions = runtime.transitionsFrom(step.key).filter((transition) => transition.statusCode === PROCESSING || transition.statusCode === DONE)
  return {
    forward: transitions.filter((transition) => movesForward(runtime, transition, step)),
    back: transitions.filter((transition) => !movesForward(runtime, transition, step)),
  }
}

async function recordDecision(
  dossierId: number,
  step: RuntimeStep,
  runtime: WorkflowRuntime,
  decision: { kind: ApprovalDecisionKind; directions: string | null; by: number; at: DateTime; dossierStepId: number | null }
) {
  const current = await currentResultOf(dossierId)
  return ApprovalDecision.create({
    dossierId,
    dossierStepId: decision.dossierStepId,
    stepKey: step.key,
    stepName: step.name,
    round: roundOf(runtime, step),
    decision: decision.kind,
    directions: decision.directions,
    decidedBy: decision.by,
    decidedAt: decision.at,
    resultDocumentId: current?.id ?? null,
  })
}

/** After-hook: a workflow action taken at an approval step is a round's decision (approved or sent back). */
export async function recordApprovalRound(context: PerformedContext) {
  const { fromStep, runtime, transition, input } = context
  if (fromStep.kind !== 'approval') return
  const forward = movesForward(runtime, transition, fromStep)
  const directions = clean(input.reason) ?? clean(input.comment)
  await recordDecision(context.dossier.id, fromStep, runtime, {
    kind: transition.statusCode === STOPPED ? 'refused' : forward ? 'approved' : 'sent_back',
    // Sending back always says why: the workflow's own wording when the approver wrote nothing.
    directions: forward ? directions : (directions ?? transition.action),
    by: context.actor.id,
    at: context.at,
    dossierStepId: context.finishedStep.id,
  })
}

export type ApprovalChoice = 'approve' | 'send_back' | 'refuse'

export interface ApprovalInput extends SpecialActionInput {
  decision: ApprovalChoice
  /** The workflow transition chosen (approve: optional when there is one way forward; send back: required). */
  transitionId?: number | null
  directions?: string | null
}

/** An approver decides on the dossier at an approval step (OS-9). */
export async function decideApproval(input: ApprovalInput, options: SpecialActionOptions = {}) {
  const opened = await openDossier(input, options)
  const { dossier, context, at } = opened
  requireStepKind(context, ['approval'], 'Hồ sơ không ở bước phê duyệt.')
  requireHolder(input.actor, context)
  requireStatus(dossier, [PROCESSING])
  const step = context.step!
  const runtime = context.runtime!
  const ways = approvalWays(runtime, step)
  const directions = clean(input.directions)

  if (input.decision === 'refuse') {
    if (!directions) throw new ActionInvalidError({ directions: 'Hãy ghi ý kiến chỉ đạo, lý do không phê duyệt.' })
    const passage = await claimDossier(opened, input.expectedLockVersion, {
      statusCode: STOPPED,
      statusDetail: `Lý do: ${directions}`,
      currentStepKey: null,
    })
    await finishStep(passage, { at, actorId: input.actor.id, transitionId: null, status: STOPPED })
    await recordDecision(dossier.id, step, runtime, { kind: 'refused', directions, by: input.actor.id, at, dossierStepId: passage.id })
    await appendEvent(dossier, {
      action: 'refuse_approval',
      actor: { id: input.actor.id, fullName: input.actor.fullName },
      stepKey: step.key,
      fromStatus: PROCESSING,
      toStatus: STOPPED,
      comment: directions,
      public: true,
      occurredAt: at,
    })
    await mailApplicant(dossier, 'refused', { reason: directions }, options.portalUrl)
    return { dossier, decision: 'refused' as const }
  }

  const choices = input.decision === 'approve' ? ways.forward : ways.back
  const chosen = input.transitionId
    ? choices.find((transition) => transition.id === Number(input.transitionId))
    : input.decision === 'approve' && choices.length === 1
      ? choices[0]
      : undefined
  if (!chosen) {
    throw new ActionInvalidError({
      transition_id: input.decision === 'approve' ? 'Hãy chọn bước chuyển tiếp.' : 'Hãy chọn nơi trả lại hồ sơ.',
    })
  }
  if (input.decision === 'send_back' && !directions) throw new ActionInvalidError({ directions: 'Hãy ghi ý kiến chỉ đạo khi trả lại hồ sơ.' })
  if (chosen.statusCode === DONE && !(await currentResultOf(dossier.id))) {
    throw new ActionInvalidError({ transition_id: 'Hồ sơ chưa có kết quả giải quyết; hãy đính kèm hoặc tạo từ mẫu trước khi phê duyệt.' })
  }
  const result = await performAction(
    {
      dossier,
      transitionId: chosen.id,
      expectedLockVersion: Number(input.expectedLockVersion),
      actor: input.actor,
      reason: input.decision === 'send_back' ? directions : null,
      comment: input.decision === 'approve' ? directions : null,
    },
    { clock: options.clock, calendar: options.calendar, portalUrl: options.portalUrl }
  )
  return { dossier: result.dossier, decision: input.decision === 'approve' ? ('approved' as const) : ('sent_back' as const) }
}

export interface RoundLine {
  round: number
  stepName: string
  decision: ApprovalDecisionKind
  directions: string | null
  decidedBy: string
  decidedAt: DateTime
}

/** The decisions taken on the dossier's approval rounds, in the order they were taken. */
export async function roundsOf(dossierId: number): Promise<RoundLine[]> {
  const rows = await ApprovalDecision.query().where('dossier_id', dossierId).orderBy('decided_at').orderBy('id')
  const ids = [...new Set(rows.map((row) => Number(row.decidedBy)))]
  const names = new Map((ids.length ? await User.query().whereIn('id', ids) : []).map((user) => [Number(user.id), officerTitle(user)]))
  return rows.map((row) => ({
    round: row.round,
    stepName: row.stepName,
    decision: row.decision,
    directions: row.directions,
    decidedBy: names.get(Number(row.decidedBy)) ?? '',
    decidedAt: row.decidedAt,
  }))
}

