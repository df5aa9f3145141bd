/*
 * The lists of the special parts: the approver's dossiers awaiting approval and those they
 * approved or refused (OS-9.1, OS-9.4), and the counter's resolved dossiers with their return
 * status and the time processing finished, the basis of early / on time / late (OS-10.1).
 */
import { DateTime } from 'luxon'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import { requireTenantScope } from '#tenancy/tenant_context'
import { Dossier } from '#intake/index'
import type { User } from '#users/index'
import { VIETNAM_ZONE } from '#services/vietnamese_format'
import { DONE, PROCESSING, RETURNED } from '#processing/services/status_text'
import ApprovalDecision, { type ApprovalDecisionKind } from '#processing/special/models/approval_decision'
import ResultReturn from '#processing/special/models/result_return'
import { METHOD_LABELS } from '#processing/special/services/result_returns'

const PER_PAGE = 50

type DossierQuery = ModelQueryBuilderContract<typeof Dossier, Dossier>

function withStep(query: DossierQuery) {
  return query
    .join('procedures', (join) => join.on('procedures.id', 'dossiers.procedure_id').andOn('procedures.tenant_id', 'dossiers.tenant_id'))
    .join('workflow_steps', (join) =>
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
}

/** The officer may act on the step now: its holder, or while nobody holds it, its role and department. */
function whereMayAct(query: DossierQuery, officer: User) {
  query.where((may) => {
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

export interface AwaitingLine {
  id: number
  code: string
  procedureName: string
  applicantName: string
  stepName: string
  submittedAt: DateTime | null
  appointmentAt: DateTime | null
}

/** OS-9.1: dossiers at an approval step the officer may decide on, the longest waiting first. */
export async function awaitingApproval(officer: User, page = 1) {
  const query = withStep(Dossier.query())
    .where('workflow_steps.kind', 'approval')
    .where('dossiers.status_code', PROCESSING)
    .select('dossiers.*', 'procedures.name as procedure_name', 'workflow_steps.name as step_name', 'dossier_steps.started_at as submitted_at')
    .orderByRaw('dossier_steps.started_at asc nulls first')
    .orderBy('dossiers.id')
  whereMayAct(query, officer)
  const result = await query.paginate(Math.max(1, page), PER_PAGE)
  return {
    page: result.currentPage,
    lastPage: result.lastPage,
    total: result.total,
    rows: result.all().map(
      (dossier): AwaitingLine => ({
        id: dossier.id,
        code: dossier.code,
        procedureName: dossier.$extras.procedure_name,
        applicantName: dossier.applicantOrganisationName || dossier.applicantFullName,
        stepName: dossier.$extras.step_name,
        submittedAt: dossier.$extras.submitted_at ? DateTime.fromJSDate(new Date(dossier.$extras.submitted_at)) : null,
        appointmentAt: dossier.appointmentAt,
      })
    ),
  }
}

/** OS-9.4: the dossiers the officer approved, or refused, newest decision first. */
export async function decidedBy(officer: User, decision: Extract<ApprovalDecisionKind, 'approved' | 'refused'>, page = 1) {
  const result = await ApprovalDecision.query()
    .where('approval_decisions.decided_by', officer.id)
    .where('approval_decisions.decision', decision)
    .join('dossiers', (join) => join.on('dossiers.id', 'approval_decisions.dossier_id').andOn('dossiers.tenant_id', 'approval_decisions.tenant_id'))
    .join('procedures', (join) => join.on('procedures.id', 'dossiers.procedure_id').andOn('procedures.tenant_id', 'dossiers.tenant_id'))
    .select(
      'approval_decisions.*',
      'dossiers.code as dossier_code',
      'dossiers.applicant_full_name',
      'dossiers.applicant_organisation_name',
      'procedures.name as procedure_name'
    )
    .orderBy('approval_decisions.decided_at', 'desc')
    .orderBy('approval_decisions.id', 'desc')
    .paginate(Math.max(1, page), PER_PAGE)
  return {
    page: result.currentPage,
    lastPage: result.lastPage,
    total: result.total,
    rows: result.all().map((row) => ({
      dossierId: row.dossierId,
      code: String(row.$extras.dossier_code),
      procedureName: String(row.$extras.procedure_name),
      applicantName: String(row.$extras.applicant_organisation_name || row.$extras.applicant_full_name),
      stepName: row.stepName,
      round: row.round,
      directions: row.directions,
      decidedAt: row.decidedAt,
    })),
  }
}

export type Timeliness = 'early' | 'on_time' | 'late'

/** Early when finished on a day before the appointment date, on time up to the appointment, late after it. */
export function timelinessOf(finishedAt: DateTime | null, appointmentAt: DateTime | null): Timeliness | null {
  if (!finishedAt || !appointmentAt) return null
  if (finishedAt > appointmentAt) return 'late'
  return finishedAt.setZone(VIETNAM_ZONE).startOf('day') < appointmentAt.setZone(VIETNAM_ZONE).startOf('day') ? 'early' : 'on_time'
}

export interface ResolvedLine {
  id: number
  code: string
  procedureName: string
  applicantName: string
  appointmentAt: DateTime | null
  finishedAt: DateTime | null
  timeliness: Timeliness | null
  statusCode: string
  byPost: boolean
  /** What the counter recorded last: returned (how, when) or not returned (why). */
  returnOutcome: 'returned' | 'not_returned' | null
  returnText: string
  returnedAt: DateTime | null
}

export const RETURN_LISTS = ['waiting', 'returned'] as const
export type ReturnList = (typeof RETURN_LISTS)[number]

/** OS-10.1: resolved dossiers at the officer's counter, waiting for the return or returned. */
export async function resolvedDossiers(officer: User, list: ReturnList, page = 1) {
  const query = Dossier.query()
    .join('procedures', (join) => join.on('procedures.id', 'dossiers.procedure_id').andOn('procedures.tenant_id', 'dossiers.tenant_id'))
    .select(
      'dossiers.*',
      'procedures.name as procedure_name',
      requireTenantScope().client.raw(
        `(select max(events.occurred_at) from dossier_events as events
           where events.tenant_id = dossiers.tenant_id and events.dossier_id = dossiers.id and events.to_status = ?) as finished_at`,
        [DONE]
      )
    )
  if (list === 'waiting') {
    query
      .where('dossiers.status_code', DONE)
      .join('workflow_steps', (join) =>
        join
          .on('workflow_steps.workflow_id', 'dossiers.workflow_id')
          .andOn('workflow_steps.key', 'dossiers.current_step_key')
          .andOn('workflow_steps.tenant_id', 'dossiers.tenant_id')
      )
      .where((department) =>
        department.whereNull('workflow_steps.department_id').orWhere('workflow_steps.department_id', officer.departmentId ?? 0)
      )
      .orderByRaw('dossiers.appointment_at asc nulls last')
  } else {
    query.where('dossiers.status_code', RETURNED).orderBy('dossiers.updated_at', 'desc')
  }
  const result = await query.orderBy('dossiers.id').paginate(Math.max(1, page), PER_PAGE)
  const ids = result.all().map((dossier) => dossier.id)
  const records = ids.length ? await ResultReturn.query().whereIn('dossier_id', ids).orderBy('recorded_at', 'desc').orderBy('id', 'desc') : []
  const latest = new Map<number, ResultReturn>()
  for (const record of records) if (!latest.has(Number(record.dossierId))) latest.set(Number(record.dossierId), record)
  return {
    page: result.currentPage,
    lastPage: result.lastPage,
    total: result.total,
    rows: result.all().map((dossier): ResolvedLine => {
      const finishedAt = dossier.$extras.finished_at ? DateTime.fromJSDate(new Date(dossier.$extras.finished_at)) : null
      const record = latest.get(Number(dossier.id)) ?? null
      return {
        id: dossier.id,
        code: dossier.code,
        procedureName: dossier.$extras.procedure_name,
        applicantName: dossier.applicantOrganisationName || dossier.applicantFullName,
        appointmentAt: dossier.appointmentAt,
        finishedAt,
        timeliness: timelinessOf(finishedAt, dossier.appointmentAt),
        statusCode: dossier.statusCode,
        byPost: Boolean(dossier.postalService?.resultByPost),
        returnOutcome: record?.outcome ?? null,
        returnText: record ? (record.outcome === 'returned' ? METHOD_LABELS[record.method!] : (record.note ?? '')) : '',
        returnedAt: record?.outcome === 'returned' ? record.recordedAt : null,
      }
    }),
  }
}
