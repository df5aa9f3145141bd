/*
 * What the officer's dossier page shows (OS-8.2, issue 5 items 4, 5, 8): the applicant and the
 * procedure, the status and its detail, the appointment date and the deadline line, the current
 * step and its holder, the actions open to the officer, the step history, the files and the
 * trail. The clock is brought up to date in memory (a supplement that arrived through the
 * counter or the portal moves the appointment date) without writing anything.
 */
import type { DateTime } from 'luxon'
import { Procedure } from '#catalog/index'
import { DossierEvent, dossierStatusLabels, filesOfDossier, postalServiceLines, verificationNote, type Dossier, type Clock } from '#intake/index'
import { Agency, Department, User } from '#users/index'
import { dossierContext, type DossierContext } from '#processing/services/dossier_context'
import { overdueLine, systemClock, workingDaysLate } from '#processing/services/deadlines'
import { availableActions, CLOSED_STATUSES, type AvailableAction } from '#processing/services/engine'
import { candidatesFor, mayAssignOnStep, officerTitle } from '#processing/services/officers'
import { NEW_ONLINE, SUPPLEMENTED, SUPPLEMENT_REQUESTED } from '#processing/services/status_text'
import { stepsOf } from '#processing/services/step_history'
import { awaitsReturn, settleClock } from '#processing/services/supplement_clock'
import { trailActionLabel } from '#processing/services/trail_actions'

const CHANNEL_LABELS: Record<string, string> = {
  counter: 'Trực tiếp tại Bộ phận một cửa',
  online: 'Trực tuyến trên Cổng Dịch vụ công',
  postal: 'Qua dịch vụ bưu chính công ích',
}

export interface HistoryLine {
  stepName: string
  department: string
  holder: string
  startedAt: DateTime
  dueAt: DateTime | null
  clockStopped: boolean
  finishedAt: DateTime | null
  finishedBy: string
  outcome: string
  daysLate: number
}

export interface TrailLine {
  sequence: number
  occurredAt: DateTime
  actor: string
  step: string
  action: string
  fromStatus: string
  toStatus: string
  comment: string
  attachments: Array<{ fileId: number | null; name: string }>
  public: boolean
}

async function namesOf<T extends { id: number }>(rows: T[], name: (row: T) => string) {
  return new Map(rows.map((row) => [Number(row.id), name(row)]))
}

export async function dossierPanel(dossier: Dossier, officer: User, options: { clock?: Clock } = {}) {
  const at = (options.clock ?? systemClock)()
  const context: DossierContext = await dossierContext(dossier)
  const { runtime, step, passage, calendar, clock } = context
  const labels = await dossierStatusLabels()
  const procedure = await Procedure.find(dossier.procedureId)
  const agency = await Agency.find(dossier.receivingAgencyId)

  const appointmentAt = await settleClock(dossier, clock, calendar, context.mode, context.legalMinutes)
  const overdue = overdueLine({ ...dossierFacts(dossier), appointmentAt }, at, calendar, clock)

  const history = await stepsOf(dossier.id)
  const userIds = new Set<number>()
  const departmentIds = new Set<number>()
  for (const row of [...history, ...(passage && !context.open ? [passage] : [])]) {
    if (row.assigneeId) userIds.add(Number(row.assigneeId))
    if (row.finishedBy) userIds.add(Number(row.finishedBy))
    if (row.departmentId) departmentIds.add(Number(row.departmentId))
  }
  const users = await namesOf(userIds.size ? await User.query().whereIn('id', [...userIds]) : [], officerTitle)
  const departments = await namesOf(
    departmentIds.size ? await Department.query().whereIn('id', [...departmentIds]) : [],
    (department) => department.name
  )
  const lineOf = (row: (typeof history)[number]): HistoryLine => ({
    stepName: row.stepName,
    department: row.departmentId ? (departments.get(Number(row.departmentId)) ?? '') : '',
    holder: row.assigneeId ? (users.get(Number(row.assigneeId)) ?? '') : '',
    startedAt: row.startedAt,
    dueAt: row.dueAt,
    clockStopped: row.clockStopped,
    finishedAt: row.finishedAt,
    finishedBy: row.finishedBy ? (users.get(Number(row.finishedBy)) ?? '') : '',
    outcome: row.transitionId ? (runtime?.transition(Number(row.transitionId))?.action ?? '') : '',
    daysLate: row.dueAt && !row.clockStopped ? workingDaysLate(calendar, row.dueAt, row.finishedAt ?? at) : 0,
  })
  const historyLines = history.map(lineOf)
  if (passage && !context.open) historyLines.push(lineOf(passage))

  const events = await DossierEvent.query().where('dossier_id', dossier.id).orderBy('sequence', 'asc')
  const stepNames = new Map((runtime?.steps ?? []).map((workflowStep) => [workflowStep.key, workflowStep.name]))
  const trail: TrailLine[] = events.map((event) => ({
    sequence: event.sequence,
    occurredAt: event.occurredAt,
    actor: event.actorName ?? '',
    step: event.stepKey ? (stepNames.get(event.stepKey) ?? event.stepKey) : '',
    action: trailActionLabel(event.action),
    fromStatus: event.fromStatus ? (labels.get(event.fromStatus) ?? event.fromStatus) : '',
    toStatus: event.toStatus ? (labels.get(event.toStatus) ?? event.toStatus) : '',
    comment: event.comment ?? '',
    attachments: (event.attachments ?? []).map((file: any) => ({
      fileId: typeof file.fileId === 'number' ? file.fileId : null,
      name: String(file.name ?? file.label ?? ''),
    })),
    public: event.public,
  }))

  const files = (await filesOfDossier(dossier)).map((row) => ({
    id: row.storedFile.id,
    label: row.label || row.storedFile.originalName,
    name: row.storedFile.originalName,
    type: row.storedFile.fileType,
    size: Number(row.storedFile.sizeBytes),
    kind: row.kind,
    addedAt: row.createdAt,
  }))

  const actions: AvailableAction[] = await availableActions(dossier, officer, context)
  const mayAssign = step !== null && !CLOSED_STATUSES.has(dossier.statusCode) && mayAssignOnStep(officer, step)
  const assignChoices = mayAssign && step
    ? (await candidatesFor(step))
        .filter((candidate) => Number(candidate.id) !== Number(context.open?.assigneeId ?? 0))
        .map((candidate) => ({ id: candidate.id, name: officerTitle(candidate) }))
    : []
  const counterDecides =
    step?.kind === 'intake' &&
    (dossier.statusCode === NEW_ONLINE ||
      dossier.statusCode === SUPPLEMENT_REQUESTED ||
      (dossier.statusCode === SUPPLEMENTED && !awaitsReturn(clock, step.key)))

  return {
    dossier,
    context,
    procedureName: procedure?.name ?? '',
    agencyName: agency?.name ?? '',
    channelLabel: CHANNEL_LABELS[dossier.channel] ?? dossier.channel,
    /** OS-5.9: how the applicant's identity was verified, if it was. */
    identityNote:
      dossier.applicantVerifiedAt && dossier.applicantVerifiedSource ? verificationNote(dossier.applicantVerifiedAt, dossier.applicantVerifiedSource) : null,
    postalLines: postalServiceLines(dossier.postalService),
    statusLabel: labels.get(dossier.statusCode) ?? dossier.statusCode,
    statusDetail: dossier.statusDetail,
    appointmentAt,
    overdue,
    clockStopped: Boolean(clock.stoppedAt),
    step,
    stepPlace: step?.departmentId ? (departments.get(step.departmentId) ?? (await Department.find(step.departmentId))?.name ?? '') : '',
    holder: passage?.assigneeId ? (users.get(Number(passage.assigneeId)) ?? '') : '',
    stepDueAt: passage?.dueAt ?? null,
    stepDaysLate: passage?.dueAt && !passage.clockStopped ? workingDaysLate(calendar, passage.dueAt, at) : 0,
    actions,
    statusLabels: labels,
    mayAssign: mayAssign && assignChoices.length > 0,
    isReassign: Boolean(context.open?.assigneeId),
    assignChoices,
    counterDecides,
    history: historyLines,
    trail,
    files,
  }
}

function dossierFacts(dossier: Dossier) {
  return { appointmentAt: dossier.appointmentAt, currentStepKey: dossier.currentStepKey, statusCode: dossier.statusCode }
}

export type DossierPanel = Awaited<ReturnType<typeof dossierPanel>>
