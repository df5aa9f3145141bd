/*
 * OS-22.1–22.4: the counts on an officer's desk, per role. Each count is the size of a search
 * (its criteria) and links to that search's list, so what the desk says and what the list shows
 * come from the same query and cannot disagree. The desk is planned first, then counted in one
 * query, so its cost does not grow with the officers or units its tables list.
 */
import type { DateTime } from 'luxon'
import { Agency, User } from '#users/index'
import { readCriteria, searchUrl, type SearchCriteria } from '#processing/oversight/search/criteria'
import { countDossiersTogether, splitCriteria, type CountRequest, type CountSplit } from '#processing/oversight/search/dossier_search'
import { systemClock, type Clock } from '#processing/oversight/clock'
import { VIETNAM_ZONE } from '#services/vietnamese_format'

export type DashboardRole = 'receptionist' | 'handler' | 'dept_head' | 'approver'

/** One count on the desk: what it counts (an i18n key), how many, and the list it links to. */
export interface DashboardCount {
  key: string
  count: number
  href: string
  /** Counts that call for action soon (overdue, due today) stand out. */
  urgent: boolean
  /** A name instead of the key's label (a handler, a unit). */
  name?: string
}

/** A table of counts: one row per unit or handler, one column per count. */
export interface DashboardTable {
  key: string
  columns: string[]
  rows: { name: string; counts: DashboardCount[] }[]
}

export interface DashboardSection {
  role: DashboardRole
  counts: DashboardCount[]
  tables: DashboardTable[]
}

type Criteria = Partial<SearchCriteria>

/** A count the desk will show, before it is counted. */
interface PlannedCount {
  key: string
  criteria: Criteria
  urgent: boolean
}

/**
 * A table before it is counted: each column's criteria are added to `base`, and each row's
 * count is the part of its id in the column's count split by `split` (see CountSplit).
 */
interface PlannedTable {
  key: string
  base: Criteria
  split: CountSplit
  columns: PlannedCount[]
  rows: { id: number; name: string }[]
}

interface PlannedSection {
  role: DashboardRole
  counts: PlannedCount[]
  tables: PlannedTable[]
}

function planned(key: string, criteria: Criteria, urgent = false): PlannedCount {
  return { key, criteria, urgent }
}

/** OS-22.1: the counter's work, in the officer's receiving agency when they belong to one. */
function receptionistSection(officer: User): PlannedSection {
  const unit: Criteria = officer.agencyId ? { unit: `agency:${officer.agencyId}` } : {}
  return {
    role: 'receptionist',
    counts: [
      planned('new_online', { ...unit, status: 'moi_dang_ky' }),
      planned('supplemented', { ...unit, status: 'da_bo_sung_ho_so', step: 'intake' }),
      planned('awaiting_supplement', { ...unit, status: 'yeu_cau_bo_sung_giay_to' }),
      planned('to_return', { ...unit, status: 'da_xu_ly_xong' }),
      planned('due_today', { ...unit, deadline: 'due_today' }, true),
      planned('in_process', { ...unit, status: 'dang_xu_ly' }),
      planned('refused', { ...unit, status: 'khong_duoc_tiep_nhan' }),
      planned('all', { ...unit }),
    ],
    tables: [],
  }
}

/** OS-22.2, OS-8.3: the handler's queues, as the engine defines them. */
function handlerSection(officer: User): PlannedSection {
  const mine: Criteria = { officer: String(officer.id) }
  return {
    role: 'handler',
    counts: [
      planned('to_process', { ...mine, involvement: 'to_process' }),
      planned('on_time', { ...mine, involvement: 'to_process', deadline: 'on_time' }),
      planned('overdue', { ...mine, involvement: 'to_process', deadline: 'overdue' }, true),
      planned('supplement_requested', { ...mine, involvement: 'supplement_requested' }),
      planned('supplemented_waiting', { ...mine, involvement: 'supplemented' }),
      planned('submitted_for_approval', { ...mine, involvement: 'took_part', step: 'approval' }),
      planned('took_part', { ...mine, involvement: 'took_part' }),
    ],
    tables: [],
  }
}

/** OS-22.3: the department head's work and department, and who in it holds what and is late. */
async function deptHeadSection(officer: User): Promise<PlannedSection | null> {
  if (!officer.departmentId) return null
  const mine: Criteria = { officer: String(officer.id) }
  const department: Criteria = { unit: `department:${officer.departmentId}` }
  const members = await User.query()
    .select('id', 'full_name')
    .where('kind', 'officer')
    .where('department_id', officer.departmentId)
    .whereRaw("'handler' = any(roles)")
    .orderBy('full_name')
    .orderBy('id')
  return {
    role: 'dept_head',
    counts: [
      planned('to_assign', { ...mine, involvement: 'to_process', step: 'assignment' }),
      planned('to_assign_overdue', { ...mine, involvement: 'to_process', step: 'assignment', deadline: 'overdue' }, true),
      planned('to_review', { ...mine, involvement: 'to_process', step: 'approval' }),
      planned('awaiting_leader', { ...mine, involvement: 'took_part', step: 'approval', role: 'approver' }),
      planned('in_department', { ...department, stage: 'open' }),
      planned('overdue', { ...department, deadline: 'overdue' }, true),
      planned('took_part', { ...mine, involvement: 'took_part' }),
    ],
    tables: [
      {
        key: 'by_handler',
        base: department,
        split: 'holder',
        columns: [planned('holding', { stage: 'open' }), planned('overdue', { deadline: 'overdue' }, true)],
        rows: members.map((member) => ({ id: member.id, name: member.fullName })),
      },
    ],
  }
}

/** OS-22.4 and the month at a glance per receiving unit: received, in progress, resolved, overdue. */
async function leaderSection(officer: User, now: DateTime): Promise<PlannedSection> {
  const today = now.setZone(VIETNAM_ZONE)
  const month: Criteria = { received_from: today.startOf('month').toFormat('dd/MM/yyyy'), received_to: today.toFormat('dd/MM/yyyy') }
  const agencies = await Agency.query().select('id', 'name').orderBy('name')
  return {
    role: 'approver',
    counts: [
      planned('awaiting_approval', { officer: String(officer.id), involvement: 'to_process', step: 'approval' }),
      planned('overdue_all', { deadline: 'overdue' }, true),
      planned('due_soon', { deadline: 'due_within' }, true),
    ],
    tables: [
      {
        key: 'month_by_unit',
        base: month,
        split: 'receiving_agency',
        columns: [
          planned('received', {}),
          planned('in_progress', { stage: 'open' }),
          planned('done', { stage: 'done' }),
          planned('overdue', { deadline: 'overdue' }, true),
        ],
        rows: agencies.map((agency) => ({ id: agency.id, name: agency.name })),
      },
    ],
  }
}

function dashboardCount({ key, urgent }: PlannedCount, criteria: Criteria, count: number | undefined): DashboardCount {
  return { key, count: count ?? 0, href: searchUrl(criteria), urgent }
}

/**
 * Counts every planned count of the desk with one query (countDossiersTogether), a table's
 * column once for all its rows. A row's link names its officer or unit right after the base
 * criteria, where the desk's links have always named it.
 */
async function counted(sections: PlannedSection[], now: DateTime): Promise<DashboardSection[]> {
  const requests: CountRequest[] = []
  for (const section of sections) {
    for (const count of section.counts) requests.push({ filters: readCriteria(count.criteria).filters })
    for (const table of section.tables) {
      for (const column of table.columns) requests.push({ filters: readCriteria({ ...table.base, ...column.criteria }).filters, split: table.split })
    }
  }
  const results = await countDossiersTogether(requests, { clock: () => now })
  let next = 0
  return sections.map((section) => ({
    role: section.role,
    counts: section.counts.map((count) => dashboardCount(count, count.criteria, results[next++].get(null))),
    tables: section.tables.map((table) => {
      const parts = table.columns.map(() => results[next++])
      return {
        key: table.key,
        columns: table.columns.map((column) => column.key),
        rows: table.rows.map((row) => ({
          name: row.name,
          counts: table.columns.map((column, index) =>
            dashboardCount(column, { ...table.base, ...splitCriteria(table.split, row.id), ...column.criteria }, parts[index].get(row.id))
          ),
        })),
      }
    }),
  }))
}

/** The desk's sections for every dashboard role the officer holds, in a fixed order. */
export async function deskDashboard(officer: User, options: { clock?: Clock } = {}): Promise<DashboardSection[]> {
  const now = (options.clock ?? systemClock)()
  const sections: PlannedSection[] = []
  if (officer.hasRole('receptionist')) sections.push(receptionistSection(officer))
  if (officer.hasRole('handler')) sections.push(handlerSection(officer))
  if (officer.hasRole('dept_head')) {
    const section = await deptHeadSection(officer)
    if (section) sections.push(section)
  }
  if (officer.hasRole('approver')) sections.push(await leaderSection(officer, now))
  return counted(sections, now)
}
