/*
 * OS-1 and OL-6: the searchable procedure lists. Filters come from the query string (so a
 * filtered page is a shareable URL), are cleaned here, and go back into the paginator's links.
 * Every query runs in the current tenant's scope (TenantOwnedModel).
 */
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import Procedure, { type ProcedureStatus } from '#catalog/models/procedure'
import Sector from '#catalog/models/sector'
import ProcedureGroup from '#catalog/models/procedure_group'
import { containing } from '#catalog/services/administrative_units'
import Agency from '#users/models/agency'

export const PER_PAGE = 20
export const PROCEDURE_STATUSES: ProcedureStatus[] = ['draft', 'published']

export interface ProcedureFilters {
  q: string
  sector: string
  level: string
  status: string
}

type ProcedureQuery = ModelQueryBuilderContract<typeof Procedure>

function text(value: unknown, max = 100) {
  return typeof value === 'string' ? value.trim().slice(0, max) : ''
}

export function pageOf(qs: Record<string, unknown>) {
  const page = Number(qs.page)
  return Number.isInteger(page) && page > 0 && page < 100000 ? page : 1
}

export function procedureFiltersFrom(qs: Record<string, unknown>): ProcedureFilters {
  const sector = text(qs.sector, 20)
  const level = text(qs.level, 1)
  const status = text(qs.status, 20)
  return {
    q: text(qs.q),
    sector: /^\d+$/.test(sector) ? sector : '',
    level: /^[1-4]$/.test(level) ? level : '',
    status: (PROCEDURE_STATUSES as string[]).includes(status) ? status : '',
  }
}

/** The filters worth keeping in a URL: the empty ones would only clutter it. */
export function queryStringOf(filters: object) {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '' && value !== undefined))
}

/**
 * Every word of the term in the name, with or without diacritics and whatever the punctuation
 * ("sua chua cai tao" finds "sửa chữa, cải tạo"), or the term in the national code. Grouped in a
 * callback so that the OR stays inside the tenant's scope.
 */
export function whereProcedureMatches(query: ProcedureQuery, term: string) {
  const words = term.split(/[\s,.;:()/–-]+/).filter(Boolean).slice(0, 12)
  query.where((matching) => {
    matching
      .where((named) => {
        for (const word of words) {
          named.whereRaw('lower(immutable_unaccent(procedures.name)) like lower(immutable_unaccent(?))', [containing(word)])
        }
      })
      .orWhereRaw('procedures.national_code like ?', [containing(term)])
  })
}

export function searchProcedures(filters: ProcedureFilters, page: number) {
  const query = Procedure.query().preload('sector')
  if (filters.q) whereProcedureMatches(query, filters.q)
  if (filters.sector) query.where('sector_id', Number(filters.sector))
  if (filters.level) query.where('online_level', Number(filters.level))
  if (filters.status) query.where('status', filters.status)
  return query
    .orderBy('name', 'asc')
    .orderBy('id', 'asc')
    .paginate(page, PER_PAGE)
    .then((paginator) => paginator.baseUrl('/quan-tri/thu-tuc').queryString(queryStringOf(filters)))
}

/** The procedure with this id in the current tenant, or a 404. */
export function findProcedure(id: number) {
  return Procedure.query().where('id', id).firstOrFail()
}

/** The procedure with everything its admin page and form show, or a 404. */
export function findProcedureWithDetails(id: number) {
  return Procedure.query()
    .where('id', id)
    .preload('sector')
    .preload('group')
    .preload('components')
    .preload('fees', (fees) => fees.orderBy('id'))
    .preload('agencies', (agencies) => agencies.orderBy('name'))
    .firstOrFail()
}

export function sectorChoices() {
  return Sector.query().orderBy('position').orderBy('name')
}

/** Groups as select options labelled with their sector, the sector's id kept for validation. */
export async function groupChoices() {
  const sectors = await sectorChoices()
  const groups = await ProcedureGroup.query().orderBy('name')
  return sectors
    .map((sector) => ({
      label: sector.name,
      groups: groups.filter((group) => group.sectorId === sector.id).map((group) => ({ value: group.id, label: group.name })),
    }))
    .filter((sector) => sector.groups.length > 0)
}

export function agencyChoices() {
  return Agency.query().orderBy('name')
}

/** Sectors with their groups and how many procedures each holds, for /quan-tri/linh-vuc. */
export async function sectorsWithCounts() {
  const sectors = await Sector.query().preload('groups', (groups) => groups.orderBy('name')).orderBy('position').orderBy('name')
  const counts = await Procedure.query().select('sector_id').count('* as total').groupBy('sector_id')
  const bySector = new Map(counts.map((row) => [Number(row.sectorId), Number(row.$extras.total)]))
  return sectors.map((sector) => ({ sector, procedures: bySector.get(sector.id) ?? 0 }))
}

export function findSector(id: number) {
  return Sector.query().where('id', id).preload('groups', (groups) => groups.orderBy('name')).firstOrFail()
}

export function findGroup(id: number) {
  return ProcedureGroup.query().where('id', id).firstOrFail()
}
