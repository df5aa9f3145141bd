/*
 * Handing a dossier's current step to another officer for a while:
 *
 * - delegation (OS-8.4): the officer holding the dossier hands it to a colleague who may hold
 *   the same step (same role and department), until a date; the colleague then acts in their
 *   place, and either of them ends it, which gives the dossier back;
 * - inter-agency transfer (ST-15, OS-8.6, OS-15.1): the holder sends the dossier to a handler of
 *   another agency for the part of the work that agency does (liên thông); the detail names that
 *   officer, department and agency; nothing moves the dossier on until the partner returns it
 *   with their result (text and files), and it is back with the handler.
 *
 * The passage's holder (dossier_steps.assignee_id) is what the engine reads, so the colleague or
 * the partner acts through the ordinary screens while the handover lasts.
 */
import type { DateTime } from 'luxon'
import { requireTenantScope } from '#tenancy/tenant_context'
import { appendEvent, attachFilesToDossier, Dossier, storeUploadedFile, type UploadedFile } from '#intake/index'
import { Agency, Department, User } from '#users/index'
import { formatDate, VIETNAM_ZONE } from '#services/vietnamese_format'
import { parseVietnameseDate } from '#users/index'
import { dossierContext, type DossierContext } from '#processing/services/dossier_context'
import { ActionInvalidError, ActionRefusedError } from '#processing/services/errors'
import { fitsStep, officerTitle } from '#processing/services/officers'
import { remind } from '#processing/services/reminders'
import { PROCESSING, holderDetail } from '#processing/services/status_text'
import DossierHandover, { type HandoverKind } from '#processing/special/models/dossier_handover'
import {
  HANDLING_STEPS,
  claimDossier,
  clean,
  holderIdOf,
  openDossier,
  requireHolder,
  requireStatus,
  requireStepKind,
  uploadsProblem,
  type SpecialActionInput,
  type SpecialActionOptions,
} from '#processing/special/services/dossier_action'

/**
 * The handover in force on the dossier's current passage, if any. One whose officer no longer
 * holds the passage (a department head reassigned it since) has lapsed and is not in force.
 */
export async function handoverInForce(context: Pick<DossierContext, 'open'>, kind?: HandoverKind) {
  if (!context.open) return null
  const query = DossierHandover.query().where('dossier_step_id', context.open.id).whereNull('ended_at')
  if (kind) query.where('kind', kind)
  const handover = await query.first()
  if (!handover || Number(handover.toOfficerId) !== Number(context.open.assigneeId)) return null
  return handover
}

/** Closes handovers of the passage that lapsed (so a new one may open). */
async function closeLapsed(dossierStepId: number, at: DateTime) {
  await DossierHandover.query().where('dossier_step_id', dossierStepId).whereNull('ended_at').update({ ended_at: at.toJSDate() })
}

/** "Chuyên viên Ngô Văn Ngoài, Phòng Kinh tế, Sở Tài chính": the officer with their unit. */
export async function officerWithUnit(officer: User) {
  const department = officer.departmentId ? await Department.find(officer.departmentId) : null
  const agency = officer.agencyId ? await Agency.find(officer.agencyId) : null
  return [officerTitle(officer), department?.name, agency?.name].filter(Boolean).join(', ')
}

async function activeOfficer(id: unknown) {
  const officerId = Number(id)
  if (!Number.isSafeInteger(officerId) || officerId <= 0) return null
  return User.query().where('id', officerId).where('kind', 'officer').where('is_active', true).first()
}

/** The checks shared by delegation and transfer: the holder at a handling step of a dossier being processed. */
async function openForHandover(input: SpecialActionInput, options: SpecialActionOptions) {
  const opened = await openDossier(input, options)
  requireStepKind(opened.context, HANDLING_STEPS)
  requireHolder(input.actor, opened.context)
  requireStatus(opened.dossier, [PROCESSING])
  if (await handoverInForce(opened.context)) {
    throw new ActionRefusedError('not_offered', 'Hồ sơ đang được ủy quyền hoặc chuyển liên thông; hãy kết thúc việc đó trước.')
  }
  return opened
}

/** Colleagues who may hold the step in the officer's place (delegation). */
export async function delegationChoices(context: DossierContext, officer: User) {
  if (!context.step) return []
  const colleagues = await User.query()
    .where('kind', 'officer')
    .where('is_active', true)
    .whereNot('id', officer.id)
    .where('department_id', officer.departmentId ?? 0)
    .orderBy('full_name')
  return colleagues.filter((colleague) => fitsStep(colleague, context.step!)).map((colleague) => ({ id: colleague.id, name: officerTitle(colleague) }))
}

export interface DelegationInput extends SpecialActionInput {
  toOfficerId: number
  reason: string
  /** The last day of the delegation, as typed (DD/MM/YYYY). */
  until: string
}

/** The holder hands the dossier to a colleague until a date (OS-8.4). */
export async function delegateDossier(input: DelegationInput, options: SpecialActionOptions = {}) {
  const opened = await openForHandover(input, options)
  const { dossier, context, at } = opened
  const holderId = holderIdOf(context)
  if (holderId !== Number(input.actor.id)) {
    throw new ActionRefusedError('not_allowed', 'Chỉ cán bộ đang thụ lý hồ sơ mới ủy quyền được.')
  }
  const errors: Record<string, string> = {}
  const target = await activeOfficer(input.toOfficerId)
  if (!target || Number(target.id) === Number(input.actor.id) || !fitsStep(target, context.step!) || Number(target.departmentId) !== Number(input.actor.departmentId)) {
    errors.to_officer_id = 'Hãy chọn một đồng nghiệp trong danh sách.'
  }
  const reason = clean(input.reason)
  if (!reason) errors.reason = 'Hãy nêu lý do ủy quyền.'
  const until = typeof input.until === 'string' && input.until.trim() ? parseVietnameseDate(input.until) : null
  if (!until) errors.until = 'Hãy nhập ngày kết thúc ủy quyền theo dạng NN/TT/NNNN.'
  else if (until < at.setZone(VIETNAM_ZONE).startOf('day')) errors.until = 'Ngày kết thúc ủy quyền không được trước hôm nay.'
  if (Object.keys(errors).length) throw new ActionInvalidError(errors)

  const passage = await claimDossier(opened, input.expectedLockVersion, { statusDetail: await holderDetail(context.step!, target!) })
  await closeLapsed(passage.id, at)
  passage.assigneeId = target!.id
  await passage.save()
  const handover = await DossierHandover.create({
    dossierId: dossier.id,
    dossierStepId: passage.id,
    kind: 'delegation',
    fromOfficerId: input.actor.id,
    toOfficerId: target!.id,
    reason: reason!,
    until: until!,
    startedAt: at,
  })
  await appendEvent(dossier, {
    action: 'delegate',
    actor: { id: input.actor.id, fullName: input.actor.fullName },
    stepKey: context.step!.key,
    fromStatus: dossier.statusCode,
    toStatus: dossier.statusCode,
    comment: `Ủy quyền cho ${officerTitle(target!)} đến hết ngày ${formatDate(until)}. Lý do: ${reason}`,
    public: false,
    occurredAt: at,
  })
  await remind([target!.id], { dossierId: dossier.id, dossierStepId: passage.id, kind: 'new_work', at })
  return { dossier, handover }
}

/** The delegation ends: the holder takes the dossier back, or the colleague hands it back. */
export async function endDelegation(input: SpecialActionInput & { note?: string | null }, options: SpecialActionOptions = {}) {
  const opened = await openDossier(input, options)
  const { dossier, context, at } = opened
  const handover = await handoverInForce(context, 'delegation')
  if (!handover) throw new ActionRefusedError('not_offered', 'Hồ sơ không có ủy quyền đang hiệu lực.')
  const actorId = Number(input.actor.id)
  if (actorId !== Number(handover.fromOfficerId) && actorId !== Number(handover.toOfficerId)) {
    throw new ActionRefusedError('not_allowed', 'Chỉ người ủy quyền hoặc người được ủy quyền mới kết thúc được.')
  }
  const owner = await User.findOrFail(handover.fromOfficerId)
  const keepsDetail = dossier.statusCode !== PROCESSING
  const passage = await claimDossier(opened, input.expectedLockVersion, keepsDetail ? {} : { statusDetail: await holderDetail(context.step!, owner) })
  passage.assigneeId = owner.id
  await passage.save()
  handover.merge({ endedAt: at, endedBy: input.actor.id, outcome: clean(input.note) })
  await handover.save()
  await appendEvent(dossier, {
    action: 'end_delegation',
    actor: { id: input.actor.id, fullName: input.actor.fullName },
    stepKey: context.step!.key,
    fromStatus: dossier.statusCode,
    toStatus: dossier.statusCode,
    comment: `Kết thúc ủy quyền; hồ sơ trở lại ${officerTitle(owner)}.${clean(input.note) ? ` ${clean(input.note)}` : ''}`,
    public: false,
    occurredAt: at,
  })
  if (actorId !== Number(owner.id)) await remind([owner.id], { dossierId: dossier.id, dossierStepId: passage.id, kind: 'new_work', at })
  return { dossier, handover }
}

/**
 * Delegations whose last day has passed end by themselves (OS-8.4), as if the colleague had
 * handed the dossier back: the passage returns to the officer who delegated it, the trail says
 * so and that officer is reminded. Run by the deadline sweep; like the rest of the sweep it does
 * not bump the dossier's lock version, so open forms stay valid (the colleague's are refused
 * for no longer holding the dossier). Answers how many ended.
 */
export async function endLapsedDelegations(at: DateTime) {
  const today = at.setZone(VIETNAM_ZONE).startOf('day')
  const lapsed = await DossierHandover.query()
    .where('kind', 'delegation')
    .whereNull('ended_at')
    .where('until', '<', today.toISODate()!)
    .orderBy('id')
  const { tenant, client } = requireTenantScope()
  let ended = 0
  for (const handover of lapsed) {
    handover.merge({ endedAt: at, endedBy: null, outcome: 'Hết thời hạn ủy quyền' })
    await handover.save()
    const dossier = await Dossier.find(handover.dossierId)
    const context = dossier ? await dossierContext(dossier) : null
    const owner = await User.find(handover.fromOfficerId)
    // Reassigned or moved on since: the delegation had lapsed already, nothing to give back.
    if (!dossier || !context?.open || !context.step || !owner || Number(context.open.id) !== Number(handover.dossierStepId)) continue
    if (Number(context.open.assigneeId) !== Number(handover.toOfficerId)) continue
    context.open.assigneeId = owner.id
    await context.open.save()
    if (dossier.statusCode === PROCESSING) {
      const statusDetail = await holderDetail(context.step, owner)
      await client.from('dossiers').where({ tenant_id: tenant.id, id: dossier.id }).update({ status_detail: statusDetail })
    }
    await appendEvent(dossier, {
      action: 'end_delegation',
      actorName: 'Hệ thống',
      stepKey: context.step.key,
      fromStatus: dossier.statusCode,
      toStatus: dossier.statusCode,
      comment: `Hết thời hạn ủy quyền (ngày ${formatDate(handover.until!)}); hồ sơ trở lại ${officerTitle(owner)}.`,
      public: false,
      occurredAt: at,
    })
    await remind([owner.id], { dossierId: dossier.id, dossierStepId: context.open.id, kind: 'new_work', at })
    ended += 1
  }
  return ended
}

/** Handlers of other agencies a dossier may be transferred to, with their unit, by agency and name. */
export async function transferChoices(officer: User) {
  const partners = await User.query()
    .where('kind', 'officer')
    .where('is_active', true)
    .whereRaw(`'handler' = any(roles)`)
    .whereNotNull('agency_id')
    .whereNot('agency_id', officer.agencyId ?? 0)
    .orderBy('agency_id')
    .orderBy('full_name')
  const choices = []
  for (const partner of partners) choices.push({ id: partner.id, name: await officerWithUnit(partner) })
  return choices
}

export interface TransferInput extends SpecialActionInput {
  toOfficerId: number
  reason: string
}

/** ST-15: the handler sends the dossier to a handler of another agency for inter-agency processing. */
export async function transferDossier(input: TransferInput, options: SpecialActionOptions = {}) {
  const opened = await openForHandover(input, options)
  const { dossier, context, at } = opened
  requireStepKind(context, ['processing'])
  const errors: Record<string, string> = {}
  const target = await activeOfficer(input.toOfficerId)
  if (!target || !target.roles.includes('handler') || !target.agencyId || Number(target.agencyId) === Number(input.actor.agencyId)) {
    errors.to_officer_id = 'Hãy chọn cán bộ của cơ quan liên thông trong danh sách.'
  }
  const reason = clean(input.reason)
  if (!reason) errors.reason = 'Hãy nêu nội dung đề nghị cơ quan liên thông giải quyết.'
  if (Object.keys(errors).length) throw new ActionInvalidError(errors)

  const partner = await officerWithUnit(target!)
  const passage = await claimDossier(opened, input.expectedLockVersion, { statusDetail: `${partner} – Xử lý liên thông` })
  await closeLapsed(passage.id, at)
  const fromOfficerId = holderIdOf(context) ?? input.actor.id
  passage.assigneeId = target!.id
  await passage.save()
  const handover = await DossierHandover.create({
    dossierId: dossier.id,
    dossierStepId: passage.id,
    kind: 'transfer',
    fromOfficerId,
    toOfficerId: target!.id,
    reason: reason!,
    until: null,
    startedAt: at,
  })
  const agency = target!.agencyId ? await Agency.find(target!.agencyId) : null
  await appendEvent(dossier, {
    action: 'inter_agency_transfer',
    actor: { id: input.actor.id, fullName: input.actor.fullName },
    stepKey: context.step!.key,
    fromStatus: dossier.statusCode,
    toStatus: dossier.statusCode,
    comment: `Chuyển xử lý liên thông tới ${agency?.name ?? partner}.\n${reason}`,
    public: true,
    occurredAt: at,
  })
  await remind([target!.id], { dossierId: dossier.id, dossierStepId: passage.id, kind: 'new_work', at })
  return { dossier, handover }
}

export interface TransferReturnInput extends SpecialActionInput {
  outcome: string
  uploads?: UploadedFile[]
}

/** The partner agency returns the dossier with its result; it is back with the handler. */
export async function returnTransfer(input: TransferReturnInput, options: SpecialActionOptions = {}) {
  const opened = await openDossier(input, options)
  const { dossier, context, at } = opened
  const handover = await handoverInForce(context, 'transfer')
  if (!handover) throw new ActionRefusedError('not_offered', 'Hồ sơ không đang xử lý liên thông.')
  if (Number(input.actor.id) !== Number(handover.toOfficerId)) {
    throw new ActionRefusedError('not_allowed', 'Chỉ cán bộ cơ quan liên thông đang giữ hồ sơ mới trả lại được.')
  }
  const errors: Record<string, string> = {}
  const outcome = clean(input.outcome)
  if (!outcome) errors.outcome = 'Hãy nêu kết quả xử lý của cơ quan liên thông.'
  const uploads = input.uploads ?? []
  const uploadProblem = await uploadsProblem(uploads)
  if (uploadProblem) errors.files ??= uploadProblem
  if (Object.keys(errors).length) throw new ActionInvalidError(errors)

  const owner = await User.findOrFail(handover.fromOfficerId)
  const passage = await claimDossier(opened, input.expectedLockVersion, { statusDetail: await holderDetail(context.step!, owner) })
  passage.assigneeId = owner.id
  await passage.save()
  handover.merge({ endedAt: at, endedBy: input.actor.id, outcome })
  await handover.save()
  const agency = input.actor.agencyId ? await Agency.find(input.actor.agencyId) : null
  const stored = []
  for (const upload of uploads) stored.push(await storeUploadedFile(upload, { uploadedBy: input.actor.id }))
  if (stored.length) {
    await attachFilesToDossier(
      dossier,
      stored.map((file) => ({ fileId: file.id, kind: 'other' as const, label: `Kết quả xử lý liên thông – ${agency?.name ?? ''}: ${file.originalName}` })),
      input.actor.id
    )
  }
  await appendEvent(dossier, {
    action: 'inter_agency_return',
    actor: { id: input.actor.id, fullName: input.actor.fullName },
    stepKey: context.step!.key,
    fromStatus: dossier.statusCode,
    toStatus: dossier.statusCode,
    comment: `${agency?.name ?? 'Cơ quan liên thông'} trả kết quả xử lý liên thông.\n${outcome}`,
    attachments: stored.map((file) => ({ fileId: file.id, name: file.originalName, sha256: file.sha256 })),
    public: true,
    occurredAt: at,
  })
  await remind([owner.id], { dossierId: dossier.id, dossierStepId: passage.id, kind: 'new_work', at })
  return { dossier, handover }
}

/** The handovers of a dossier, newest first, with the officers' names (for the screens). */
export async function handoversOf(dossierId: number) {
  const rows = await DossierHandover.query().where('dossier_id', dossierId).orderBy('started_at', 'desc').orderBy('id', 'desc')
  const ids = [...new Set(rows.flatMap((row) => [row.fromOfficerId, row.toOfficerId]).map(Number))]
  const officers = ids.length ? await User.query().whereIn('id', ids) : []
  const names = new Map<number, string>()
  for (const officer of officers) names.set(Number(officer.id), await officerWithUnit(officer))
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    from: names.get(Number(row.fromOfficerId)) ?? '',
    to: names.get(Number(row.toOfficerId)) ?? '',
    reason: row.reason,
    until: row.until,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    outcome: row.outcome,
  }))
}
