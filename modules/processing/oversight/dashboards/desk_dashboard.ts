/*
 * OS-22.1–22.4: the counts on an officer's desk, per role. Each count is the size of a search
 * (its criteria) and links to that search's list, so what the desk says and what the list shows
 * come from the same query and cannot disagree.
 */
import type { DateTime } from 'luxon'
import { Agency, User } from '#users/index'
import { readCriteria, searchUrl, type SearchCriteria } from '#processing/oversight/search/criteria'
import { countDossiers } from '#processing/oversight/search/dossier_search'
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

async function counted(key: string, criteria: Criteria, now: DateTime, urgent = false): Promise<DashboardCount> {
  const { filters } = readCriteria(criteria)
  return { key, count: await countDossiers(filters, { clock: () => now }), href: searchUrl(criteria), urgent }
}

/** OS-22.1: the counter's work, in the officer's receiving agency when they belong to one. */
async function receptionistSection(officer: User, now: DateTime): Promise<DashboardSection> {
  const unit: Criteria = officer.agencyId ? { unit: `agency:${officer.agencyId}` } : {}
  return {
    role: 'receptionist',
    counts: [
      await counted('new_online', { ...unit, status: 'moi_dang_ky' }, now),
      await counted('supplemented', { ...unit, status: 'da_bo_sung_ho_so', step: 'intake' }, now),
      await counted('awaiting_supplement', { ...unit, status: 'yeu_cau_bo_sung_giay_to' }, now),
      await counted('to_return', { ...unit, status: 'da_xu_ly_xong' }, now),
      await counted('due_today', { ...unit, deadline: 'due_today' }, now, true),
      await counted('in_process', { ...unit, status: 'dang_xu_ly' }, now),
      await counted('refused', { ...unit, status: 'khong_duoc_tiep_nhan' }, now),
      await counted('all', { ...unit }, now),
    ],
    tables: [],
  }
}

/** OS-22.2, OS-8.3: the handler's queues, as the engine defines them. */
async function handlerSection(officer: User, now: DateTime): Promise<DashboardSection> {
  const mine: Criteria = { officer: String(officer.id) }
  return {
    role: 'handler',
    counts: [
      await counted('to_process', { ...mine, involvement: 'to_process' }, now),
      await counted('on_time', { ...mine, involvement: 'to_process', deadline: 'on_time' }, now),
      await counted('overdue', { ...mine, involvement: 'to_process', deadline: 'overdue' }, now, true),
      await counted('supplement_requested', { ...mine, involvement: 'supplement_requested' }, now),
      await counted('supplemented_waiting', { ...mine, involvement: 'supplemented' }, now),
      await counted('submitted_for_approval', { ...mine, involvement: 'took_part', step: 'approval' }, now),
      await counted('took_part', { ...mine, involvement: 'took_part' }, now),
    ],
    tables: [],
  }
}

/** OS-22.3: the department head's work and department, and who in it holds what and is late. */
async function deptHeadSection(officer: User, now: DateTime): Promise<DashboardSection | null> {
  if (!officer.departmentId) return null
  const mine: Criteria = { officer: String(officer.id) }
  const department: Criteria = { unit: `department:${officer.departmentId}` }
  const counts = [
    await counted('to_assign', { ...mine, involvement: 'to_process', step: 'assignment' }, now),
    await counted('to_assign_overdue', { ...mine, involvement: 'to_process', step: 'assignment', deadline: 'overdue' }, now, true),
    await counted('to_review', { ...mine, involvement: 'to_process', step: 'approval' }, now),
    await counted('awaiting_leader', { ...mine, involvement: 'took_part', step: 'approval', role: 'approver' }, now),
    await counted('in_department', { ...department, stage: 'open' }, now),
    await counted('overdue', { ...department, deadline: 'overdue' }, now, true),
    await counted('took_part', { ...mine, involvement: 'took_part' }, now),
  ]
  const members = await User.query()
    .where('kind', 'officer')
    .where('department_id', officer.departmentId)
    .whereRaw("'handler' = any(roles)")
    .orderBy('full_name')
    .orderBy('id')
  const rows = []
  for (const member of members) {
    const theirs: Criteria = { ...department, officer: String(member.id) }
    rows.push({
      name: member.fullName,
      counts: [await counted('holding', { ...theirs, stage: 'open' }, now), await counted('overdue', { ...theirs, deadline: 'overdue' }, now, true)],
    })
  }
  return { role: 'dept_head', counts, tables: [{ key: 'by_handler', columns: ['holding', 'overdue'], rows }] }
}

/** OS-22.4 and the month at a glance per receiving unit: received, in progress, resolved, overdue. */
async function leaderSection(officer: User, now: DateTime): Promise<DashboardSection> {
  const today = now.setZone(VIETNAM_ZONE)
  const month: Criteria = { received_from: today.startOf('month').toFormat('dd/MM/yyyy'), received_to: today.toFormat('dd/MM/yyyy') }
  const counts = [
    await counted('awaiting_approval', { officer: String(officer.id), involvement: 'to_process', step: 'approval' }, now),
    await counted('overdue_all', { deadline: 'overdue' }, now, true),
    await counted('due_soon', { deadline: 'due_within' }, now, true),
  ]
  const rows = []
  for (const agency of await Agency.query().orderBy('name')) {
    const unit: Criteria = { ...month, unit: `agency:${agency.id}` }
    rows.push({
      name: agency.name,
      counts: [
        await counted('received', unit, now),
        await counted('in_progress', { ...unit, stage: 'open' }, now),
        await counted('done', { ...unit, stage: 'done' }, now),
        await counted('overdue', { ...unit, deadline: 'overdue' }, now, true),
      ],
    })
  }
  return {
    role: 'approver',
    counts,
    tables: [{ key: 'month_by_unit', columns: ['received', 'in_progress', 'done', 'overdue'], rows }],
  }
}

/** The desk's sections for every dashboard role the officer holds, in a fixed order. */
export async function deskDashboard(officer: User, options: { clock?: Clock } = {}): Promise<DashboardSection[]> {
  const now = (options.clock ?? systemClock)()
  const sections: DashboardSection[] = []
  if (officer.hasRole('receptionist')) sections.push(await receptionistSection(officer, now))
  if (officer.hasRole('handler')) sections.push(await handlerSection(officer, now))
  if (officer.hasRole('dept_head')) {
    const section = await deptHeadSection(officer, now)
    if (section) sections.push(section)
  }
  if (officer.hasRole('approver')) sections.push(await leaderSection(officer, now))
  return sections
}
