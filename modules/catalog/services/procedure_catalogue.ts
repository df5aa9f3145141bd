/*
 * The catalogue read service (PT-3.1, OL-6): what the portal and the one-stop desk may read of
 * the tenant's procedures. Only published procedures are ever returned. Every call runs in the
 * current tenant's scope (a request's tenant, or withTenant in jobs and tests).
 */
import Procedure from '#catalog/models/procedure'
import Sector from '#catalog/models/sector'
import { whereProcedureMatches } from '#catalog/queries/procedure_directory'
import type { AdministrativeLevel } from '#catalog/models/procedure'

export interface PublishedProcedureQuery {
  /** Name (with or without diacritics) or national code. */
  q?: string
  sectorId?: number | null
  /** Online service level, 1 to 4 (OL-5). */
  level?: number | null
  administrativeLevel?: AdministrativeLevel | null
  page?: number
  perPage?: number
}

/** Published procedures, by name, with their sector; a Lucid paginator (`all()`, `total`, …). */
export function listPublishedProcedures({
  q,
  sectorId,
  level,
  administrativeLevel,
  page = 1,
  perPage = 20,
}: PublishedProcedureQuery = {}) {
  const query = Procedure.query().where('status', 'published').preload('sector')
  const term = (q ?? '').trim().slice(0, 100)
  if (term) whereProcedureMatches(query, term)
  if (sectorId) query.where('sector_id', sectorId)
  if (level && level >= 1 && level <= 4) query.where('online_level', level)
  if (administrativeLevel) query.where('administrative_level', administrativeLevel)
  const safePage = Number.isInteger(page) && page > 0 ? page : 1
  const safePerPage = Math.min(Math.max(Number.isInteger(perPage) ? perPage : 20, 1), 100)
  return query.orderBy('name', 'asc').orderBy('id', 'asc').paginate(safePage, safePerPage)
}

/** One published procedure with components (in order), fees, agencies and sector; null otherwise. */
export function findPublishedProcedure(id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return Promise.resolve(null)
  return Procedure.query()
    .where('id', id)
    .where('status', 'published')
    .preload('sector')
    .preload('group')
    .preload('components')
    .preload('fees', (fees) => fees.orderBy('id'))
    .preload('agencies', (agencies) => agencies.orderBy('name'))
    .first()
}

/** Sectors in display order, each with how many published procedures it holds (0 included). */
export async function sectorsWithPublishedCounts() {
  const sectors = await Sector.query().orderBy('position').orderBy('name')
  const counts = await Procedure.query()
    .where('status', 'published')
    .select('sector_id')
    .count('* as total')
    .groupBy('sector_id')
  const bySector = new Map(counts.map((row) => [Number(row.sectorId), Number(row.$extras.total)]))
  return sectors.map((sector) => ({
    id: sector.id,
    code: sector.code,
    name: sector.name,
    publishedCount: bySector.get(sector.id) ?? 0,
  }))
}
