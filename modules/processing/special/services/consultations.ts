/*
 * Consultation (OS-8.6, ST-14): the handler holding a dossier asks other departments, of its own
 * agency or of others, for an opinion by a due date. The dossier stays with the handler (its
 * status and detail do not change); each department finds the request in its queue and one of
 * its officers answers with a text and files, once. The handler reads the opinions collected.
 * Asking is recorded on the trail and takes the dossier's lock version; answering is recorded on
 * the trail and is guarded by the request itself (answered once), so it does not invalidate the
 * handler's open page.
 */
import type { DateTime } from 'luxon'
import { appendEvent, attachFilesToDossier, storeUploadedFile, type UploadedFile } from '#intake/index'
import { Agency, Department, User } from '#users/index'
import { requireTenantScope } from '#tenancy/tenant_context'
import { formatDate } from '#services/vietnamese_format'
import { CLOSED_STATUSES } from '#processing/services/engine'
import { ActionInvalidError, ActionRefusedError } from '#processing/services/errors'
import { systemClock } from '#processing/services/deadlines'
import { PROCESSING } from '#processing/services/status_text'
import Consultation from '#processing/special/models/consultation'
import ConsultationFile from '#processing/special/models/consultation_file'
import {
  claimDossier,
  clean,
  findDossier,
  openDossier,
  requireHolder,
  requireStatus,
  requireStepKind,
  uploadsProblem,
  type SpecialActionInput,
  type SpecialActionOptions,
} from '#processing/special/services/dossier_action'
import { workingDayEnd } from '#processing/special/services/working_days'

export interface ConsultationRequestInput extends SpecialActionInput {
  departmentIds: number[]
  question: string
  /** The day the opinions are due, as typed (DD/MM/YYYY). */
  dueDate: string
}

/** "Phòng Kinh tế, Sở Tài chính": a department as a consulted unit. */
export async function unitNames(departmentIds: number[]) {
  const ids = [...new Set(departmentIds.map(Number))]
  if (!ids.length) return new Map<number, string>()
  const departments = await Department.query().whereIn('id', ids)
  const agencies = new Map(
    (await Agency.query().whereIn('id', [...new Set(departments.map((row) => Number(row.agencyId)))])).map((row) => [Number(row.id), row.name])
  )
  return new Map(departments.map((row) => [Number(row.id), [row.name, agencies.get(Number(row.agencyId))].filter(Boolean).join(', ')]))
}

/** The departments a handler may consult: every department but their own, by agency then name. */
export async function consultableUnits(officer: User) {
  const departments = await Department.query().whereNot('id', officer.departmentId ?? 0).orderBy('agency_id').orderBy('name')
  const names = await unitNames(departments.map((row) => row.id))
  return departments.map((row) => ({ id: Number(row.id), name: names.get(Number(row.id)) ?? row.name }))
}

/** The handler asks the departments for their opinion on the dossier (OS-8.6). */
export async function requestConsultation(input: ConsultationRequestInput, options: SpecialActionOptions = {}) {
  const opened = await openDossier(input, options)
  const { dossier, context, at } = opened
  requireStepKind(context, ['processing', 'consultation'])
  requireHolder(input.actor, context)
  requireStatus(dossier, [PROCESSING])

  const errors: Record<string, string> = {}
  const question = clean(input.question)
  if (!question) errors.question = 'Hãy nêu nội dung cần xin ý kiến.'
  else if (question.length > 4000) errors.question = 'Nội dung xin ý kiến dài quá 4.000 ký tự.'
  const wanted = [...new Set((input.departmentIds ?? []).map(Number).filter((id) => Number.isSafeInteger(id) && id > 0))]
  const units = await unitNames(wanted)
  if (wanted.length === 0) errors.department_ids = 'Hãy chọn ít nhất một đơn vị được xin ý kiến.'
  else if (units.size !== wanted.length) errors.department_ids = 'Đơn vị đã chọn không có trong danh sách.'
  else if (wanted.includes(Number(input.actor.departmentId))) errors.department_ids = 'Không xin ý kiến chính đơn vị của mình.'
  const due = workingDayEnd(context.calendar, input.dueDate)
  if (due.moment === null) errors.due_date = due.error
  else if (due.moment <= at) errors.due_date = 'Hạn trả lời phải sau thời điểm hiện tại.'
  if (Object.keys(errors).length) throw new ActionInvalidError(errors)

  const passage = await claimDossier(opened, input.expectedLockVersion)
  const created: Consultation[] = []
  for (const departmentId of wanted) {
    created.push(
      await Consultation.create({
        dossierId: dossier.id,
        dossierStepId: passage.id,
        departmentId,
        question: question!,
        dueAt: due.moment!,
        requestedBy: input.actor.id,
        requestedAt: at,
      })
    )
  }
  await appendEvent(dossier, {
    action: 'consult',
    actor: { id: input.actor.id, fullName: input.actor.fullName },
    stepKey: context.step!.key,
    fromStatus: dossier.statusCode,
    toStatus: dossier.statusCode,
    comment: `Xin ý kiến ${[...units.values()].join('; ')} – hạn trả lời ${formatDate(due.moment)}.\n${question}`,
    public: false,
    occurredAt: at,
  })
  return { dossier, consultations: created }
}

export interface ConsultationAnswerInput {
  consultationId: number
  actor: User
  answer: string
  uploads?: UploadedFile[]
}

/** Whether `officer` answers for the consulted department. */
export function answersFor(officer: User, consultation: Pick<Consultation, 'departmentId'>) {
  return officer.isOfficer && officer.isActive && Number(officer.departmentId) === Number(consultation.departmentId)
}

/** The consultation with this id in the current tenant, or a refusal read as "not found". */
export async function findConsultation(id: number) {
  const consultation = Number.isSafeInteger(Number(id)) ? await Consultation.find(Number(id)) : null
  if (!consultation) throw new ActionRefusedError('not_found')
  return consultation
}

/** An officer of the consulted department answers, with a text and files (OS-8.6). */
export async function answerConsultation(input: ConsultationAnswerInput, options: { clock?: () => DateTime } = {}) {
  const at = (options.clock ?? systemClock)()
  const consultation = await findConsultation(input.consultationId)
  if (!answersFor(input.actor, consultation)) {
    throw new ActionRefusedError('not_allowed', 'Chỉ cán bộ của đơn vị được xin ý kiến mới trả lời được.')
  }
  if (consultation.answeredAt) throw new ActionRefusedError('not_offered', 'Đơn vị của bạn đã trả lời yêu cầu này.')
  const dossier = await findDossier(consultation.dossierId)
  if (CLOSED_STATUSES.has(dossier.statusCode)) throw new ActionRefusedError('finished')

  const errors: Record<string, string> = {}
  const answer = clean(input.answer)
  if (!answer) errors.answer = 'Hãy nhập ý kiến của đơn vị.'
  else if (answer.length > 8000) errors.answer = 'Ý kiến dài quá 8.000 ký tự.'
  const uploads = input.uploads ?? []
  const uploadProblem = await uploadsProblem(uploads)
  if (uploadProblem) errors.files ??= uploadProblem
  if (Object.keys(errors).length) throw new ActionInvalidError(errors)

  // The one write that decides between two officers of the department answering at once.
  const { tenant, client } = requireTenantScope()
  const claimed = await client
    .from('consultations')
    .where({ tenant_id: tenant.id, id: consultation.id })
    .whereNull('answered_at')
    .update({ answer, answered_by: input.actor.id, answered_at: at.toJSDate(), updated_at: at.toJSDate() }, ['id'])
  if (claimed.length === 0) throw new ActionRefusedError('not_offered', 'Đơn vị của bạn đã trả lời yêu cầu này.')
  await consultation.refresh()

  const units = await unitNames([consultation.departmentId])
  const unit = units.get(Number(consultation.departmentId)) ?? ''
  const stored = []
  for (const upload of uploads) stored.push(await storeUploadedFile(upload, { uploadedBy: input.actor.id }))
  if (stored.length) {
    await attachFilesToDossier(
      dossier,
      stored.map((file) => ({ fileId: file.id, kind: 'other' as const, label: `Ý kiến của ${unit}: ${file.originalName}` })),
      input.actor.id
    )
    for (const file of stored) await ConsultationFile.create({ consultationId: consultation.id, storedFileId: file.id })
  }
  await appendEvent(dossier, {
    action: 'consultation_answer',
    actor: { id: input.actor.id, fullName: input.actor.fullName },
    stepKey: dossier.currentStepKey,
    fromStatus: dossier.statusCode,
    toStatus: dossier.statusCode,
    comment: `${unit} trả lời xin ý kiến.\n${answer}`,
    attachments: stored.map((file) => ({ fileId: file.id, name: file.originalName, sha256: file.sha256 })),
    public: false,
    occurredAt: at,
  })
  return { consultation, dossier }
}

export interface ConsultationLine {
  id: number
  unit: string
  question: string
  dueAt: DateTime
  requestedAt: DateTime
  requestedBy: string
  answer: string | null
  answeredAt: DateTime | null
  answeredBy: string
  late: boolean
  files: Array<{ id: number; name: string }>
}

async function linesOf(consultations: Consultation[], at: DateTime): Promise<ConsultationLine[]> {
  const units = await unitNames(consultations.map((row) => row.departmentId))
  const userIds = [...new Set(consultations.flatMap((row) => [row.requestedBy, row.answeredBy]).filter(Boolean).map(Number))]
  const users = new Map((userIds.length ? await User.query().whereIn('id', userIds) : []).map((user) => [Number(user.id), user.fullName]))
  const ids = consultations.map((row) => row.id)
  const files = ids.length
    ? await ConsultationFile.query()
        .whereIn('consultation_files.consultation_id', ids)
        .join('stored_files', (join) =>
          join.on('stored_files.id', 'consultation_files.stored_file_id').andOn('stored_files.tenant_id', 'consultation_files.tenant_id')
        )
        .select('consultation_files.*', 'stored_files.original_name as name')
        .orderBy('consultation_files.id')
    : []
  return consultations.map((row) => ({
    id: row.id,
    unit: units.get(Number(row.departmentId)) ?? '',
    question: row.question,
    dueAt: row.dueAt,
    requestedAt: row.requestedAt,
    requestedBy: users.get(Number(row.requestedBy)) ?? '',
    answer: row.answer,
    answeredAt: row.answeredAt,
    answeredBy: row.answeredBy ? (users.get(Number(row.answeredBy)) ?? '') : '',
    late: (row.answeredAt ?? at) > row.dueAt,
    files: files
      .filter((file) => Number(file.consultationId) === Number(row.id))
      .map((file) => ({ id: Number(file.storedFileId), name: String(file.$extras.name) })),
  }))
}

/** The opinions asked on a dossier, newest first, answered or not (what the handler reads). */
export async function consultationsOf(dossierId: number, options: { clock?: () => DateTime } = {}) {
  const rows = await Consultation.query().where('dossier_id', dossierId).orderBy('requested_at', 'desc').orderBy('id', 'desc')
  return linesOf(rows, (options.clock ?? systemClock)())
}

export interface QueueLine extends ConsultationLine {
  dossierId: number
  dossierCode: string
  procedureName: string
}

/**
 * The consulted department's queue: the requests addressed to `officer`'s department, those
 * waiting first (earliest due first), then the answered ones (latest first).
 */
export async function consultationQueue(officer: User, options: { answered?: boolean; clock?: () => DateTime } = {}) {
  if (!officer.departmentId) return []
  const query = Consultation.query()
    .where('consultations.department_id', officer.departmentId)
    .join('dossiers', (join) => join.on('dossiers.id', 'consultations.dossier_id').andOn('dossiers.tenant_id', 'consultations.tenant_id'))
    .join('procedures', (join) => join.on('procedures.id', 'dossiers.procedure_id').andOn('procedures.tenant_id', 'dossiers.tenant_id'))
    .select('consultations.*', 'dossiers.code as dossier_code', 'procedures.name as procedure_name')
    .limit(200)
  if (options.answered) query.whereNotNull('consultations.answered_at').orderBy('consultations.answered_at', 'desc')
  else query.whereNull('consultations.answered_at').orderBy('consultations.due_at', 'asc')
  const rows = await query.orderBy('consultations.id')
  const lines = await linesOf(rows, (options.clock ?? systemClock)())
  return lines.map((line, index): QueueLine => ({
    ...line,
    dossierId: Number(rows[index].dossierId),
    dossierCode: String(rows[index].$extras.dossier_code),
    procedureName: String(rows[index].$extras.procedure_name),
  }))
}

/** How many requests wait for an answer from the officer's department (for the desk and the menu). */
export async function countWaitingConsultations(officer: User) {
  if (!officer.departmentId) return 0
  const [row] = await Consultation.query().where('department_id', officer.departmentId).whereNull('answered_at').count('* as total')
  return Number(row.$extras.total)
}

