/*
 * Who holds a dossier now. The workflow step it stands at (dossiers.current_step_key in its
 * workflow version) says the kind of step, the role it waits for and its department; the open
 * passage of the step history (dossier_steps, at most one row with finished_at null) says who
 * holds it and when it is due. A dossier fresh from intake may have no open passage yet (the
 * engine writes it at the first action), so its department comes from the workflow step.
 */
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type { Dossier } from '#intake/index'
import type { Involvement } from '#processing/oversight/search/criteria'
import { CLOSED_STATUSES } from '#processing/index'
import { User } from '#users/index'

type DossierQuery = ModelQueryBuilderContract<typeof Dossier>

const SUPPLEMENT_REQUESTED = 'yeu_cau_bo_sung_giay_to'
const SUPPLEMENTED = 'da_bo_sung_ho_so'

/** The department holding the dossier: its open passage's, else its current step's. */
const HOLDING_DEPARTMENT = 'coalesce(holder_step.department_id, current_step.department_id)'

export function joinHolder(query: DossierQuery) {
  query
    .leftJoin('workflow_steps as current_step', (on) => {
      on.on('current_step.tenant_id', 'dossiers.tenant_id')
        .andOn('current_step.workflow_id', 'dossiers.workflow_id')
        .andOn('current_step.key', 'dossiers.current_step_key')
    })
    .leftJoin('dossier_steps as holder_step', (on) => {
      on.on('holder_step.tenant_id', 'dossiers.tenant_id')
        .andOn('holder_step.dossier_id', 'dossiers.id')
        .andOnNull('holder_step.finished_at')
    })
    .joinRaw(
      `left join departments as holder_department on holder_department.tenant_id = dossiers.tenant_id and holder_department.id = ${HOLDING_DEPARTMENT}`
    )
    .leftJoin('users as holder_handler', (on) => {
      on.on('holder_handler.tenant_id', 'holder_step.tenant_id').andOn('holder_handler.id', 'holder_step.assignee_id')
    })
}

export function holderColumns() {
  return ['holder_department.name as holder_department_name', 'holder_handler.full_name as holder_handler_name']
}

export function whereHeldByDepartment(query: DossierQuery, departmentId: number) {
  query.whereRaw(`${HOLDING_DEPARTMENT} = ?`, [departmentId])
}

/** The current step is of this kind and/or waits for this role. */
export function whereCurrentStep(query: DossierQuery, step: { kind: string | null; role: string | null }) {
  if (step.kind) query.where('current_step.kind', step.kind)
  if (step.role) query.where('current_step.role', step.role)
}

export interface InvolvedOfficer {
  id: number
  roles: string[]
  departmentId: number | null
}

/** The officer may act on the current step now: they hold it, or nobody does and it fits their role and department. */
function whereMayAct(query: any, officer: InvolvedOfficer) {
  query.whereNotNull('current_step.id').where((may: any) => {
    may.where('holder_step.assignee_id', officer.id).orWhere((unheld: any) => {
      unheld
        .whereNull('holder_step.assignee_id')
        .where((role: any) => role.whereNull('current_step.role').orWhereIn('current_step.role', officer.roles.length ? officer.roles : ['']))
        .where((department: any) =>
          department.whereNull('current_step.department_id').orWhere('current_step.department_id', officer.departmentId ?? 0)
        )
    })
  })
}

/** The officer closed a passage of the dossier with a supplement request. */
function requestedBy(officer: InvolvedOfficer) {
  return (passage: any) =>
    passage
      .from('dossier_steps as asked')
      .whereColumn('asked.tenant_id', 'dossiers.tenant_id')
      .whereColumn('asked.dossier_id', 'dossiers.id')
      .where('asked.finished_by', officer.id)
      .where('asked.finished_status', SUPPLEMENT_REQUESTED)
}

/**
 * How the officer is involved, the engine's queues (services/queues.ts, OS-8.3) in this query's
 * terms, so the desk's counts equal the officers' own queues: `holding` (they hold the current
 * step), `to_process` (they may act on it now), `supplement_requested` and `supplemented` (papers
 * they asked for, or for a step they may act on, are awaited or arrived), `took_part` (they
 * finished a step of it).
 */
export function whereOfficerInvolved(query: DossierQuery, officer: InvolvedOfficer, involvement: Involvement) {
  switch (involvement) {
    case 'holding':
      query.where('holder_step.assignee_id', officer.id)
      return
    case 'to_process':
      whereMayAct(query, officer)
      query.whereNotIn('dossiers.status_code', [...CLOSED_STATUSES, 'moi_dang_ky', SUPPLEMENT_REQUESTED, SUPPLEMENTED])
      return
    case 'supplement_requested':
    case 'supplemented':
      query.where('dossiers.status_code', involvement === 'supplemented' ? SUPPLEMENTED : SUPPLEMENT_REQUESTED)
      query.where((mine) => mine.whereExists(requestedBy(officer)).orWhere((now) => whereMayAct(now, officer)))
      return
    case 'took_part':
      query.whereExists((passage) => {
        passage
          .from('dossier_steps as part')
          .whereColumn('part.tenant_id', 'dossiers.tenant_id')
          .whereColumn('part.dossier_id', 'dossiers.id')
          .where('part.finished_by', officer.id)
      })
  }
}

/** The officers searches name, with what the queues need, read at once; ids of no officer here are left out. */
export async function involvedOfficers(officerIds: (number | null)[]): Promise<Map<number, InvolvedOfficer>> {
  const ids = [...new Set(officerIds.filter((id) => id !== null))]
  if (ids.length === 0) return new Map()
  const officers = await User.query().select('id', 'roles', 'department_id', 'kind').whereIn('id', ids).where('kind', 'officer')
  return new Map(officers.map((officer) => [officer.id, { id: officer.id, roles: officer.roles, departmentId: officer.departmentId }]))
}

/** The officer a search names; null when there is no such officer here. */
export async function involvedOfficer(officerId: number): Promise<InvolvedOfficer | null> {
  return (await involvedOfficers([officerId])).get(officerId) ?? null
}
