/*
 * OS-23.1, OS-23.2: the one-stop dossier search. Every criterion alone or in any combination,
 * one query for the page, the count and the export, so that a dashboard count, the list it links
 * to and the exported file always hold the same dossiers.
 *
 * Runs on the Dossier model, so the tenant's scope is applied by TenantOwnedModel (and row-level
 * security behind it); every join also matches tenant_id, the composite keys' first column.
 */
import { DateTime } from 'luxon'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import db from '@adonisjs/lucid/services/db'
import { Dossier, dossierStatusLabels } from '#intake/index'
import { systemClock, type Clock } from '#processing/oversight/clock'
import {
  holderColumns,
  involvedOfficer,
  involvedOfficers,
  joinHolder,
  whereCurrentStep,
  whereHeldByDepartment,
  whereOfficerInvolved,
  type InvolvedOfficer,
} from '#processing/oversight/holder'
import { CLOCK_IDLE_STATUSES, DONE_STATUSES, ENDED_STATUSES, FINISHED_STATUSES } from '#processing/oversight/stages'
import { overdueLine } from '#processing/index'
import { containing, loadWorkingCalendar, type WorkingCalendar } from '#catalog/index'
import type { SearchCriteria, SearchFilters, Sort } from '#processing/oversight/search/criteria'
import { VIETNAM_ZONE } from '#services/vietnamese_format'

export const PER_PAGE = 25
/** An export holds at most this many rows; the file says so when the list is longer. */
export const EXPORT_LIMIT = 20000

type DossierQuery = ModelQueryBuilderContract<typeof Dossier>

/** One row of the result list, as the table and the exports show it. */
export interface SearchRow {
  id: number
  code: string
  procedureName: string
  sectorName: string
  applicantName: string
  organisationName: string | null
  channel: string
  receivedAt: DateTime
  appointmentAt: DateTime | null
  statusCode: string
  statusLabel: string
  statusDetail: string
  agencyName: string
  departmentName: string | null
  handlerName: string | null
  /** "Hạn xử lý DD/MM/YYYY - Quá hạn N ngày" (ST-16) while overdue, else null. */
  overdueText: string | null
}

function wordsOf(term: string) {
  return term
    .split(/[\s,.;:()/–-]+/)
    .filter(Boolean)
    .slice(0, 12)
}

/** Every word somewhere in the column, with or without Vietnamese diacritics, in any case. */
function whereAllWords(query: DossierQuery, column: string, term: string) {
  for (const word of wordsOf(term)) {
    query.whereRaw(`lower(immutable_unaccent(coalesce(${column}, ''))) like lower(immutable_unaccent(?))`, [containing(word)])
  }
}

/** The deadline clock runs (the engine's rule) and the appointment date has passed (ST-16). */
function whereOverdue(query: DossierQuery, now: DateTime) {
  query
    .whereNotNull('dossiers.current_step_key')
    .whereNotIn('dossiers.status_code', CLOCK_IDLE_STATUSES as string[])
    .whereNull('dossier_clock.stopped_at')
    .whereNotNull('dossiers.appointment_at')
    .where('dossiers.appointment_at', '<', now.toJSDate())
}

/** Due dates concern every dossier not yet returned (a result ready at the counter is due too). */
function applyDeadline(query: DossierQuery, filters: SearchFilters, now: DateTime) {
  const today = now.setZone(VIETNAM_ZONE).startOf('day')
  switch (filters.deadline) {
    case 'overdue':
      whereOverdue(query, now)
      return
    case 'due_today':
      query
        .whereNotIn('dossiers.status_code', FINISHED_STATUSES as string[])
        .where('dossiers.appointment_at', '>=', now.toJSDate())
        .where('dossiers.appointment_at', '<', today.plus({ days: 1 }).toJSDate())
      return
    case 'due_within':
      query
        .whereNotIn('dossiers.status_code', FINISHED_STATUSES as string[])
        .where('dossiers.appointment_at', '>=', now.toJSDate())
        .where('dossiers.appointment_at', '<', today.plus({ days: filters.withinDays + 1 }).toJSDate())
      return
    case 'on_time':
      query.whereNotIn('dossiers.status_code', FINISHED_STATUSES as string[]).where((onTime) => {
        onTime.whereNull('dossiers.appointment_at').orWhere('dossiers.appointment_at', '>=', now.toJSDate())
      })
      return
  }
}

const SORT_COLUMNS: Record<string, string> = {
  received: 'dossiers.received_at',
  appointment: 'dossiers.appointment_at',
  code: 'dossiers.code',
  applicant: 'dossiers.applicant_full_name',
  status: 'status_position',
}

function applySort(query: DossierQuery, sort: Sort) {
  const descending = sort.startsWith('-')
  const column = SORT_COLUMNS[sort.replace(/^-/, '')]
  query.orderByRaw(`${column} ${descending ? 'desc' : 'asc'} nulls last`)
  // A stable order across pages whatever the ties.
  query.orderBy('dossiers.id', descending ? 'desc' : 'asc')
}

interface QueryOptions {
  clock?: Clock
  /** The officer of filters.officerId, read beforehand (see searchContext); null when unknown. */
  officer?: InvolvedOfficer | null
}

/** What the query needs read first: the time, and the officer the criteria name. */
async function searchContext(filters: SearchFilters, options: { clock?: Clock }): Promise<Required<QueryOptions>> {
  const now = (options.clock ?? systemClock)()
  return { clock: () => now, officer: filters.officerId ? await involvedOfficer(filters.officerId) : null }
}

/** The search's query: filters, the joined names every row shows, and the order. */
function dossierSearchQuery(filters: SearchFilters, options: QueryOptions = {}): DossierQuery {
  const now = (options.clock ?? systemClock)()
  const query = Dossier.query()
    .select('dossiers.*')
    .select('procedures.name as procedure_name', 'sectors.name as sector_name', 'agencies.name as agency_name')
    .select('statuses.label as status_label', 'statuses.position as status_position')
    .join('procedures', (on) => {
      on.on('procedures.tenant_id', 'dossiers.tenant_id').andOn('procedures.id', 'dossiers.procedure_id')
    })
    .join('sectors', (on) => {
      on.on('sectors.tenant_id', 'procedures.tenant_id').andOn('sectors.id', 'procedures.sector_id')
    })
    .join('agencies', (on) => {
      on.on('agencies.tenant_id', 'dossiers.tenant_id').andOn('agencies.id', 'dossiers.receiving_agency_id')
    })
    .leftJoin('statuses', (on) => {
      on.on('statuses.tenant_id', 'dossiers.tenant_id').andOn('statuses.code', 'dossiers.status_code')
    })
    .leftJoin('dossier_clocks as dossier_clock', (on) => {
      on.on('dossier_clock.tenant_id', 'dossiers.tenant_id').andOn('dossier_clock.dossier_id', 'dossiers.id')
    })
    .select('dossier_clock.stopped_at as clock_stopped_at')
  joinHolder(query)
  query.select(holderColumns())

  if (filters.code) query.whereRaw('upper(dossiers.code) like upper(?)', [containing(filters.code)])
  if (filters.applicant) whereAllWords(query, 'dossiers.applicant_full_name', filters.applicant)
  if (filters.organisation) whereAllWords(query, 'dossiers.applicant_organisation_name', filters.organisation)
  if (filters.receivedFrom) query.where('dossiers.received_at', '>=', filters.receivedFrom.toJSDate())
  if (filters.receivedBefore) query.where('dossiers.received_at', '<', filters.receivedBefore.toJSDate())
  if (filters.sectorId) query.where('procedures.sector_id', filters.sectorId)
  if (filters.procedureId) query.where('dossiers.procedure_id', filters.procedureId)
  if (filters.agencyId) query.where('dossiers.receiving_agency_id', filters.agencyId)
  if (filters.departmentId) whereHeldByDepartment(query, filters.departmentId)
  if (filters.officerId) {
    if (options.officer) whereOfficerInvolved(query, options.officer, filters.involvement)
    else query.whereRaw('false')
  }
  if (filters.status) query.where('dossiers.status_code', filters.status)
  if (filters.stage === 'open') query.whereNotIn('dossiers.status_code', ENDED_STATUSES as string[])
  if (filters.stage === 'done') query.whereIn('dossiers.status_code', DONE_STATUSES as unknown as string[])
  if (filters.channel) query.where('dossiers.channel', filters.channel)
  whereCurrentStep(query, { kind: filters.stepKind, role: filters.stepRole })
  applyDeadline(query, filters, now)
  applySort(query, filters.sort)
  return query
}

function rowOf(dossier: Dossier, now: DateTime, calendar: WorkingCalendar, labels: Map<string, string>): SearchRow {
  const extras = dossier.$extras
  return {
    id: dossier.id,
    code: dossier.code,
    procedureName: extras.procedure_name,
    sectorName: extras.sector_name,
    applicantName: dossier.applicantFullName,
    organisationName: dossier.applicantOrganisationName,
    channel: dossier.channel,
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.appointmentAt,
    statusCode: dossier.statusCode,
    statusLabel: extras.status_label ?? labels.get(dossier.statusCode) ?? dossier.statusCode,
    statusDetail: dossier.statusDetail,
    agencyName: extras.agency_name,
    departmentName: extras.holder_department_name ?? null,
    handlerName: extras.holder_handler_name ?? null,
    overdueText: overdueLine(dossier, now, calendar, { stoppedAt: extras.clock_stopped_at ? DateTime.fromJSDate(extras.clock_stopped_at) : null }),
  }
}

/** One page of the result list; the paginator gives the total and the page links. */
export async function searchDossiers(filters: SearchFilters, page: number, options: { clock?: Clock } = {}) {
  const context = await searchContext(filters, options)
  const now = context.clock()
  const paginator = await dossierSearchQuery(filters, context).paginate(page, PER_PAGE)
  const calendar = await loadWorkingCalendar()
  const labels = await dossierStatusLabels()
  return { rows: paginator.all().map((dossier) => rowOf(dossier, now, calendar, labels)), paginator }
}

/**
 * What a count can be split by, one part per holder or per receiving agency, instead of one
 * count per officer or agency. The part of `id` is the count of the same search with the
 * criterion of splitCriteria(split, id) added (the officer holding the dossier, the default
 * involvement, or the receiving unit), so the search must not name an officer already (holder)
 * or a unit (receiving_agency).
 */
export type CountSplit = 'holder' | 'receiving_agency'

/** The column whose values the parts are: the column those criteria filter on. */
const SPLIT_COLUMNS: Record<CountSplit, string> = {
  holder: 'holder_step.assignee_id',
  receiving_agency: 'dossiers.receiving_agency_id',
}

/** The criterion one part of a split count stands for: what the part's link adds to the search. */
export function splitCriteria(split: CountSplit, id: number): Partial<SearchCriteria> {
  return split === 'holder' ? { officer: String(id) } : { unit: `agency:${id}` }
}

export interface CountRequest {
  filters: SearchFilters
  split?: CountSplit
}

/**
 * How many dossiers each search finds, what a dashboard shows next to its links: one query for
 * them all, whatever the number of officers or units, plus one read of the officers they name
 * (one query per count made a department head's desk cost dozens of round trips). Each branch of
 * the UNION ALL is its search's own query, a split one grouped by its column, so every count
 * still equals the list it links to. Gives, per request in order, its counts by part, the
 * unsplit count under null; parts without any dossier are absent.
 */
export async function countDossiersTogether(requests: CountRequest[], options: { clock?: Clock } = {}): Promise<Map<number | null, number>[]> {
  if (requests.length === 0) return []
  const now = (options.clock ?? systemClock)()
  const officers = await involvedOfficers(requests.map(({ filters }) => filters.officerId))
  const [first, ...others] = requests.map(({ filters, split }, index) => {
    const officer = filters.officerId ? (officers.get(filters.officerId) ?? null) : null
    const query = dossierSearchQuery(filters, { clock: () => now, officer }).clearSelect().clearOrder()
    query.select(db.raw('?::int as request', [index]))
    if (split) query.select(`${SPLIT_COLUMNS[split]} as part`).groupBy(SPLIT_COLUMNS[split])
    else query.select(db.raw('null::bigint as part'))
    return query.count('* as total')
  })
  if (others.length > 0) first.unionAll(others, true)
  const rows = await first.pojo<{ request: number; part: number | null; total: number }>()
  const counts = requests.map(() => new Map<number | null, number>())
  for (const row of rows) counts[row.request].set(row.part, Number(row.total))
  return counts
}

/** The whole result list for an export, up to EXPORT_LIMIT rows. */
export async function dossiersForExport(filters: SearchFilters, options: { clock?: Clock } = {}) {
  const context = await searchContext(filters, options)
  const now = context.clock()
  const dossiers = await dossierSearchQuery(filters, context).limit(EXPORT_LIMIT + 1)
  const calendar = await loadWorkingCalendar()
  const labels = await dossierStatusLabels()
  return {
    rows: dossiers.slice(0, EXPORT_LIMIT).map((dossier) => rowOf(dossier, now, calendar, labels)),
    truncated: dossiers.length > EXPORT_LIMIT,
  }
}

/** The dossier whose code is exactly `code` (case aside), for the barcode lookup (NF-16). */
export async function dossierWithCode(code: string) {
  return Dossier.query().select('id', 'code').whereRaw('upper(code) = upper(?)', [code.trim()]).first()
}

