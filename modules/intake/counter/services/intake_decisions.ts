/*
 * The receptionist's three answers to a dossier waiting at intake (ST-3 to ST-7, OS-5.4, OS-6.4)
 * and the recording of a supplement handed in at the counter or by post (OS-6.2, OS-6.6):
 *
 *   moi_dang_ky | da_bo_sung_ho_so  → duoc_tiep_nhan            accept
 *   (never accepted before)         → yeu_cau_bo_sung_giay_to   request a supplement
 *                                   → khong_duoc_tiep_nhan      refuse
 *   yeu_cau_bo_sung_giay_to         → da_bo_sung_ho_so          record the supplement
 *
 * Each change is guarded by the lock version the officer's form was rendered with (optimistic
 * locking): the update only matches while nobody else has changed the dossier since, so of two
 * officers acting at once exactly one succeeds and the other is told, with nothing written.
 * Each appends one public trail event and tells the applicant by email.
 */
import type { DateTime } from 'luxon'
import { Exception } from '@adonisjs/core/exceptions'
import { requireTenantScope } from '#tenancy/tenant_context'
import { Procedure } from '#catalog/index'
import type { User } from '#users/index'
import Dossier from '#intake/models/dossier'
import DossierEvent from '#intake/models/dossier_event'
import { appendEvent } from '#intake/services/trail'
import { systemClock, type Clock } from '#intake/services/clock'
import SupplementRequest from '#intake/counter/models/supplement_request'
import ReceivedComponent from '#intake/counter/models/received_component'
import { appointmentDateFor } from '#intake/counter/services/appointment_dates'
import { intakeEntryFor } from '#intake/counter/services/intake_entry'
import { notifyApplicant } from '#intake/counter/services/applicant_notices'

/** Statuses in which a dossier waits for the counter's decision. */
export const AWAITING_INTAKE = ['moi_dang_ky', 'da_bo_sung_ho_so'] as const
export const AWAITING_SUPPLEMENT = 'yeu_cau_bo_sung_giay_to'
const ACCEPTED = 'duoc_tiep_nhan'

/** The form was rendered from an older state of the dossier: someone acted on it meanwhile. */
export class StaleDossierError extends Exception {
  static status = 409
  static code = 'E_STALE_DOSSIER'
}

/** The dossier is not in a status where this action applies (already decided, …). */
export class DossierNotWaitingError extends Exception {
  static status = 409
  static code = 'E_DOSSIER_NOT_WAITING'
}

/** The procedure has no workflow with an intake step for the dossier's channel: it cannot be forwarded. */
export class NoIntakeStepError extends Exception {
  static status = 422
  static code = 'E_NO_INTAKE_STEP'
}

export interface DecisionContext {
  officer: User
  /** Absolute link to the portal's lookup page for a dossier code, for the applicant's email. */
  lookupUrl: (code: string) => string
  clock?: Clock
}

export interface SupplementDetails {
  reason: string
  papers: string[]
}

/** "Lý do: …. Cần bổ sung: a; b" — the detail ST-3 asks to show with the status. */
export function supplementDetail({ reason, papers }: SupplementDetails) {
  return papers.length ? `${reason.trim()}. Cần bổ sung: ${papers.join('; ')}` : reason.trim()
}

interface StatusChange {
  statusCode: string
  statusDetail: string
  currentStepKey?: string | null
  workflowId?: number | null
  appointmentAt?: DateTime | null
}

/**
 * Writes `change` if the dossier is still at `lockVersion`, bumping it; otherwise throws
 * StaleDossierError having written nothing. The update takes the row lock, so a second officer's
 * update waits for the first to commit and then no longer matches.
 */
async function changeGuarded(dossier: Dossier, lockVersion: number, change: StatusChange, at: DateTime) {
  const { client, tenant } = requireTenantScope()
  const columns: Record<string, unknown> = {
    status_code: change.statusCode,
    status_detail: change.statusDetail,
    lock_version: lockVersion + 1,
    updated_at: at.toJSDate(),
  }
  if (change.currentStepKey !== undefined) columns.current_step_key = change.currentStepKey
  if (change.workflowId !== undefined) columns.workflow_id = change.workflowId
  if (change.appointmentAt !== undefined) columns.appointment_at = change.appointmentAt?.toJSDate() ?? null
  const updated = await client
    .from('dossiers')
    .where({ tenant_id: tenant.id, id: dossier.id, lock_version: lockVersion })
    .update(columns)
  if (Number(updated) !== 1) throw new StaleDossierError(`Dossier ${dossier.code} changed since version ${lockVersion}`)
  await dossier.refresh()
}

/**
 * Whether the counter has accepted the dossier before. A dossier accepted once and then
 * supplemented for a later step (ST-12, ST-17) goes back to that step through the workflow
 * runtime; only dossiers never accepted wait for the counter's decision.
 */
export async function wasAccepted(dossier: Dossier) {
  const event = await DossierEvent.query().where('dossier_id', dossier.id).where('to_status', ACCEPTED).select('id').first()
  return event !== null
}

/** Whether the dossier waits for the counter's decision (accept, supplement, refuse). */
export async function awaitsIntakeDecision(dossier: Dossier) {
  return (AWAITING_INTAKE as readonly string[]).includes(dossier.statusCode) && !(await wasAccepted(dossier))
}

function ensureVersion(dossier: Dossier, lockVersion: number) {
  if (dossier.lockVersion !== lockVersion) {
    throw new StaleDossierError(`Dossier ${dossier.code} is at version ${dossier.lockVersion}, not ${lockVersion}`)
  }
}

async function ensureAwaitingDecision(dossier: Dossier, lockVersion: number) {
  ensureVersion(dossier, lockVersion)
  if (!(await awaitsIntakeDecision(dossier))) throw new DossierNotWaitingError(`Dossier ${dossier.code} is ${dossier.statusCode}`)
}

/** Supplement requests still open are answered by what just arrived or was accepted. */
async function closeOpenRequests(dossier: Dossier, at: DateTime) {
  await SupplementRequest.query().where('dossier_id', dossier.id).whereNull('fulfilled_at').update({ fulfilled_at: at.toJSDate() })
}

/** ST-5, ST-7: accepted; the dossier enters its workflow's intake step with its appointment date. */
export async function acceptDossier(dossier: Dossier, lockVersion: number, context: DecisionContext) {
  await ensureAwaitingDecision(dossier, lockVersion)
  const at = (context.clock ?? systemClock)()
  const procedure = await Procedure.findOrFail(dossier.procedureId)
  const entry = await intakeEntryFor(procedure, dossier.channel, dossier.workflowId)
  if (!entry) throw new NoIntakeStepError(`Procedure ${procedure.id} has no intake step for ${dossier.channel}`)
  const appointmentAt = await appointmentDateFor(procedure, at)
  const fromStatus = dossier.statusCode
  await changeGuarded(
    dossier,
    lockVersion,
    { statusCode: ACCEPTED, statusDetail: '', workflowId: entry.workflowId, currentStepKey: entry.stepKey, appointmentAt },
    at
  )
  await closeOpenRequests(dossier, at)
  await appendEvent(dossier, {
    action: 'accept',
    actor: context.officer,
    stepKey: entry.stepKey,
    fromStatus,
    toStatus: ACCEPTED,
    public: true,
    occurredAt: at,
  })
  await notifyApplicant(dossier, { kind: 'accepted', procedureName: procedure.name, lookupUrl: context.lookupUrl(dossier.code) })
  return dossier
}

/** ST-3, ST-6: not complete; the applicant is told why and which papers to add. */
export async function requestSupplement(
  dossier: Dossier,
  lockVersion: number,
  details: SupplementDetails,
  context: DecisionContext
) {
  await ensureAwaitingDecision(dossier, lockVersion)
  const at = (context.clock ?? systemClock)()
  const procedure = await Procedure.findOrFail(dossier.procedureId)
  const fromStatus = dossier.statusCode
  const detail = supplementDetail(details)
  await changeGuarded(dossier, lockVersion, { statusCode: AWAITING_SUPPLEMENT, statusDetail: detail }, at)
  await closeOpenRequests(dossier, at)
  await SupplementRequest.create({
    dossierId: dossier.id,
    reason: details.reason.trim(),
    papers: details.papers,
    stepKey: dossier.currentStepKey,
    requestedBy: context.officer.id,
    requestedAt: at,
    fulfilledAt: null,
  })
  await appendEvent(dossier, {
    action: 'request_supplement',
    actor: context.officer,
    stepKey: dossier.currentStepKey,
    fromStatus,
    toStatus: AWAITING_SUPPLEMENT,
    comment: detail,
    public: true,
    occurredAt: at,
  })
  await notifyApplicant(dossier, {
    kind: 'supplement_requested',
    procedureName: procedure.name,
    lookupUrl: context.lookupUrl(dossier.code),
    reason: details.reason.trim(),
    papers: details.papers,
  })
  return dossier
}

/** ST-4, ST-6: refused at intake, with the reason. */
export async function refuseDossier(dossier: Dossier, lockVersion: number, reason: string, context: DecisionContext) {
  await ensureAwaitingDecision(dossier, lockVersion)
  const at = (context.clock ?? systemClock)()
  const procedure = await Procedure.findOrFail(dossier.procedureId)
  const fromStatus = dossier.statusCode
  await changeGuarded(dossier, lockVersion, { statusCode: 'khong_duoc_tiep_nhan', statusDetail: reason.trim() }, at)
  await closeOpenRequests(dossier, at)
  await appendEvent(dossier, {
    action: 'refuse',
    actor: context.officer,
    stepKey: dossier.currentStepKey,
    fromStatus,
    toStatus: 'khong_duoc_tiep_nhan',
    comment: reason.trim(),
    public: true,
    occurredAt: at,
  })
  await notifyApplicant(dossier, {
    kind: 'refused',
    procedureName: procedure.name,
    lookupUrl: context.lookupUrl(dossier.code),
    reason: reason.trim(),
  })
  return dossier
}

/**
 * OS-6.2, OS-6.6, ST-8: the papers asked for were handed in at the counter or arrived by post.
 * The ticked components join the checklist; the dossier waits for the counter's decision again.
 */
export async function recordSupplement(
  dossier: Dossier,
  lockVersion: number,
  details: { receivedComponentIds: number[]; byPost: boolean; note: string | null },
  context: DecisionContext
) {
  ensureVersion(dossier, lockVersion)
  if (dossier.statusCode !== AWAITING_SUPPLEMENT) throw new DossierNotWaitingError(`Dossier ${dossier.code} is ${dossier.statusCode}`)
  const at = (context.clock ?? systemClock)()
  await changeGuarded(dossier, lockVersion, { statusCode: 'da_bo_sung_ho_so', statusDetail: '' }, at)
  await closeOpenRequests(dossier, at)
  if (details.receivedComponentIds.length) {
    await ReceivedComponent.query()
      .where('dossier_id', dossier.id)
      .whereIn('procedure_component_id', details.receivedComponentIds)
      .update({ received: true, updated_at: at.toJSDate() })
  }
  const how = details.byPost ? 'Nhận bổ sung qua dịch vụ bưu chính công ích' : 'Nhận bổ sung tại Bộ phận một cửa'
  await appendEvent(dossier, {
    action: 'record_supplement',
    actor: context.officer,
    stepKey: dossier.currentStepKey,
    fromStatus: AWAITING_SUPPLEMENT,
    toStatus: 'da_bo_sung_ho_so',
    comment: details.note ? `${how}. ${details.note}` : how,
    public: true,
    occurredAt: at,
  })
  return dossier
}
