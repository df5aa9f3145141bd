/*
 * Officers' work queues (OS-8.1, OS-8.3, OS-7.1): the dossiers an officer can act on now, those
 * waiting for papers they (or their step) asked for, those whose papers arrived, those they took
 * part in; and the department head's list of dossiers at their department's steps. Each row has
 * what OS-8.1 lists (code, content, appointment date, status) and the deadline.
 *
 * Eligibility is the engine's rule in SQL: the holder of the current passage, or, while nobody
 * holds it, the officers of the step's role and department.
 */
import { DateTime } from 'luxon'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import { loadWorkingCalendar, type WorkingCalendar } from '#catalog/index'
import { Dossier, dossierStatusLabels, type Clock } from '#intake/index'
import type { User } from '#users/index'
import { overdueLine, systemClock, workingDaysLate } from '#processing/services/deadlines'
import { CLOSED_STATUSES } from '#processing/services/engine'
import { NEW_ONLINE, SUPPLEMENTED, SUPPLEMENT_REQUESTED } from '#processing/services/status_text'

export const QUEUES = ['to_process', 'supplement_requested', 'supplemented', 'took_part'] as const
export type QueueName = (typeof QUEUES)[number]

export interface QueueRow {
  id: number
  code: string
  procedureName: string
  applicantName: string
  statusCode: string
  statusLabel: string
  statusDetail: string
  receivedAt: DateTime
  appointmentAt: DateTime | null
  stepName: string | null
  stepKind: string | null
  holderName: string | null
  stepDueAt: DateTime | null
  /** ST-16 text when the dossier is past its appointment date. */
  overdue: string | null
  /** Working days the current step is late, 0 when on time. */
  stepDaysLate: number
  lockVersion: number
  workflowId: number | null
  currentStepKey: string | null
}

type DossierQuery = ModelQueryBuilderContract<typeof Dossier, Dossier>

/** Dossiers with their procedure, current workflow step, open passage, holder and clock. */
function baseQuery(): DossierQuery {
  return Dossier.query()
    .join('procedures', (join) => join.on('procedures.id', 'dossiers.procedure_id').andOn('procedures.tenant_id', 'dossiers.tenant_id'))
    .leftJoin('workflow_steps', (join) =>
      join
        .on('workflow_steps.workflow_id', 'dossiers.workflow_id')
        .andOn('workflow_steps.key', 'dossiers.current_step_key')
        .andOn('workflow_steps.tenant_id', 'dossiers.tenant_id')
    )
    .leftJoin('dossier_steps', (join) =>
      join
        .on('dossier_steps.dossier_id', 'dossiers.id')
        .andOn('dossier_steps.tenant_id', 'dossiers.tenant_id')
        .andOnNull('dossier_steps.finished_at')
    )
    .leftJoin('users as holders', (join) =>
      join.on('holders.id', 'dossier_steps.assignee_id').andOn('holders.tenant_id', 'dossier_steps.tenant_id')
    )
    .leftJoin('dossier_clocks', (join) =>
      join.on('dossier_clocks.dossier_id', 'dossiers.id').andOn('dossier_clocks.tenant_id', 'dossiers.tenant_id')
    )
    .select(
      'dossiers.*',
      'procedures.name as procedure_name',
      'workflow_steps.name as step_name',
      'workflow_steps.kind as step_kind',
      'dossier_steps.due_at as step_due_at',
      'holders.full_name as holder_name',
      'dossier_clocks.stopped_at as clock_stopped_at'
    )
}

/** The officer may act on the dossier's current step now (the engine's mayActOnStep, in SQL). */
function whereOfficerMayAct(query: DossierQuery, officer: User) {
  query.whereNotNull('workflow_steps.id').where((may) => {
    may.where('dossier_steps.assignee_id', officer.id).orWhere((unheld) => {
      unheld
        .whereNull('dossier_steps.assignee_id')
        .where((role) => role.whereNull('workflow_steps.role').orWhereIn('workflow_steps.role', officer.roles))
        .where((department) =>
          department.whereNull('workflow_steps.department_id').orWhere('workflow_steps.department_id', officer.departmentId ?? 0)
        )
    })
  })
}

/** The officer closed a passage of the dossier with a supplement request. */
function requestedBy(officer: User) {
  return (query: any) =>
    query
      .from('dossier_steps as asked')
      .select('asked.id')
      .whereColumn('asked.dossier_id', 'dossiers.id')
      .whereColumn('asked.tenant_id', 'dossiers.tenant_id')
      .where('asked.finished_by', officer.id)
      .where('asked.finished_status', SUPPLEMENT_REQUESTED)
}

function queueQuery(queue: QueueName, officer: User): DossierQuery {
  const query = baseQuery()
  if (!officer.isOfficer || !officer.isActive) return query.whereRaw('false')
  switch (queue) {
    case 'to_process':
      whereOfficerMayAct(query, officer)
      query.whereNotIn('dossiers.status_code', [...CLOSED_STATUSES, NEW_ONLINE, SUPPLEMENT_REQUESTED, SUPPLEMENTED])
      query.orderByRaw('coalesce(dossier_steps.due_at, dossiers.appointment_at) asc nulls last').orderBy('dossiers.id')
      break
    case 'supplement_requested':
    case 'supplemented':
      query.where('dossiers.status_code', queue === 'supplemented' ? SUPPLEMENTED : SUPPLEMENT_REQUESTED)
      query.where((mine) => {
        mine.whereExists(requestedBy(officer)).orWhere((now) => whereOfficerMayAct(now, officer))
      })
      query.orderBy('dossiers.updated_at', 'desc').orderBy('dossiers.id', 'desc')
      break
    case 'took_part':
      query.whereExists((part: any) =>
        part
          .from('dossier_steps as part')
          .select('part.id')
          .whereColumn('part.dossier_id', 'dossiers.id')
          .whereColumn('part.tenant_id', 'dossiers.tenant_id')
          .where('part.finished_by', officer.id)
      )
      query.orderBy('dossiers.updated_at', 'desc').orderBy('dossiers.id', 'desc')
      break
  }
  return query
}

function rowOf(dossier: Dossier, labels: Map<string, string>, calendar: WorkingCalendar, at: DateTime): QueueRow {
  const extras = dossier.$extras
  const stepDueAt = extras.step_due_at ? DateTime.fromJSDate(new Date(extras.step_due_at)) : null
  const stoppedAt = extras.clock_stopped_at ? DateTime.fromJSDate(new Date(extras.clock_stopped_at)) : null
  return {
    id: dossier.id,
    code: dossier.code,
    procedureName: extras.procedure_name,
    applicantName: dossier.applicantOrganisationName || dossier.applicantFullName,
    statusCode: dossier.statusCode,
    statusLabel: labels.get(dossier.statusCode) ?? dossier.statusCode,
    statusDetail: dossier.statusDetail,
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.appointmentAt,
    stepName: extras.step_name ?? null,
    stepKind: extras.step_kind ?? null,
    holderName: extras.holder_name ?? null,
    stepDueAt,
    overdue: overdueLine(dossier, at, calendar, { stoppedAt }),
    stepDaysLate: stepDueAt && !stoppedAt ? workingDaysLate(calendar, stepDueAt, at) : 0,
    lockVersion: dossier.lockVersion,
    workflowId: dossier.workflowId === null ? null : Number(dossier.workflowId),
    currentStepKey: dossier.currentStepKey,
  }
}

export interface ListOptions {
  page?: number
  perPage?: number
  clock?: Clock
  calendar?: WorkingCalendar
}

async function paginateRows(query: DossierQuery, options: ListOptions) {
  const page = Math.max(1, Math.floor(options.page ?? 1))
  const perPage = Math.min(200, Math.max(1, Math.floor(options.perPage ?? 50)))
  const result = await query.paginate(page, perPage)
  const labels = await dossierStatusLabels()
  const calendar = options.calendar ?? (await loadWorkingCalendar())
  const at = (options.clock ?? systemClock)()
  return {
    rows: result.all().map((dossier) => rowOf(dossier, labels, calendar, at)),
    page: result.currentPage,
    lastPage: result.lastPage,
    total: result.total,
    perPage,
  }
}

/** One page of an officer's queue (OS-8.3); other modules call this for their lists and dashboards. */
export function listDossiers(officer: User, queue: QueueName, options: ListOptions = {}) {
  return paginateRows(queueQuery(queue, officer), options)
}

/** How many dossiers each of the officer's queues holds. */
export async function countQueues(officer: User): Promise<Record<QueueName, number>> {
  const counts = {} as Record<QueueName, number>
  for (const queue of QUEUES) {
    const [row] = await queueQuery(queue, officer).clearSelect().clearOrder().count('* as total')
    counts[queue] = Number(row.$extras.total)
  }
  return counts
}

/**
 * OS-7.1, OS-7.2: the dossiers at the steps of the department head's department that a handler
 * holds or will hold: waiting for assignment, or held by someone who may be replaced.
 */
export function listDepartmentDossiers(officer: User, options: ListOptions = {}) {
  const query = baseQuery()
  if (!officer.hasRole('dept_head') || !officer.departmentId) return paginateRows(query.whereRaw('false'), options)
  query
    .where('workflow_steps.department_id', officer.departmentId)
    .where((assignable) => assignable.where('workflow_steps.kind', 'assignment').orWhereRaw(`workflow_steps.role is distinct from 'dept_head'`))
    .whereNotIn('dossiers.status_code', [...CLOSED_STATUSES, NEW_ONLINE])
    .orderByRaw(`case when workflow_steps.kind = 'assignment' then 0 when dossier_steps.assignee_id is null then 1 else 2 end`)
    .orderByRaw('coalesce(dossier_steps.due_at, dossiers.appointment_at) asc nulls last')
    .orderBy('dossiers.id')
  return paginateRows(query, options)
}
