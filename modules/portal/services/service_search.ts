/*
 * PT-3.1, PT-10.1, OL-6: the portal's catalogue of online public services. A citizen finds a
 * service by name or content (steps, result, legal basis), with or without Vietnamese
 * diacritics and with a typo or two, and narrows it by sector, agency, online level and
 * administrative level, each filter combinable and kept in the query string.
 *
 * Only published procedures are ever read. The catalog's models are tenant-owned, so every query
 * here runs in the current tenant's scope (and row-level security holds the line behind it).
 */
import db from '@adonisjs/lucid/services/db'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import { ADMINISTRATIVE_LEVELS, FormTemplate, containing, Procedure, Sector, type AdministrativeLevel } from '#catalog/index'
import { Agency } from '#users/index'

export const PER_PAGE = 20
export const ONLINE_LEVELS = [1, 2, 3, 4] as const
export { ADMINISTRATIVE_LEVELS }

/**
 * Fuzzy matches need this much pg_trgm word similarity between the typed term and some run of
 * the name (both lower-case, without diacritics). Tuned on the demo catalogue: "giay phep xay
 * dunh" scores 0.89 against "Cấp giấy phép xây dựng …", "lych tu phap" 0.69 against "Cấp Phiếu
 * lý lịch tư pháp …", while names sharing only "giấy phép" with the term stay below 0.65.
 */
export const FUZZY_THRESHOLD = 0.65
/** Shorter terms have too few trigrams to be matched fuzzily without noise. */
const FUZZY_MIN_LENGTH = 4

export interface ServiceFilters {
  q: string
  /** Sector code, as in `/dich-vu-cong/linh-vuc/:code`. */
  sector: string
  /** Agency id. */
  agency: string
  /** Online service level, '1' to '4'. */
  level: string
  /** 'central', 'province' or 'commune'. */
  admin_level: string
}

type ProcedureQuery = ModelQueryBuilderContract<typeof Procedure>

function text(value: unknown, max: number) {
  return typeof value === 'string' ? value.normalize('NFC').trim().replace(/\s+/g, ' ').slice(0, max) : ''
}

/** Cleans the query string: anything unknown or malformed is dropped, never an error. */
export function serviceFiltersFrom(qs: Record<string, unknown>): ServiceFilters {
  const sector = text(qs.sector, 40)
  const agency = text(qs.agency, 15)
  const level = text(qs.level, 1)
  const adminLevel = text(qs.admin_level, 20)
  return {
    q: text(qs.q, 100),
    sector: /^[\p{L}\p{N}_.-]+$/u.test(sector) ? sector : '',
    agency: /^[1-9]\d*$/.test(agency) ? agency : '',
    level: /^[1-4]$/.test(level) ? level : '',
    admin_level: (ADMINISTRATIVE_LEVELS as readonly string[]).includes(adminLevel) ? adminLevel : '',
  }
}

export function pageFrom(qs: Record<string, unknown>) {
  const page = Number(qs.page)
  return Number.isInteger(page) && page > 0 && page < 100000 ? page : 1
}

export function hasFilters(filters: ServiceFilters) {
  return Object.values(filters).some((value) => value !== '')
}

/** The filters worth keeping in a URL: empty ones would only clutter it. */
export function queryStringOf(filters: Partial<ServiceFilters>) {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '' && value !== undefined))
}

/** `/dich-vu-cong?…` for a set of filters (links to filtered lists from the home page). */
export function searchUrl(filters: Partial<ServiceFilters> = {}) {
  const query = new URLSearchParams(queryStringOf(filters) as Record<string, string>).toString()
  return query ? `/dich-vu-cong?${query}` : '/dich-vu-cong'
}

function wordsOf(term: string) {
  return term
    .split(/[\s,.;:()/–-]+/)
    .filter(Boolean)
    .slice(0, 12)
}

const NAME = 'lower(immutable_unaccent(procedures.name))'
const CONTENT =
  "lower(immutable_unaccent(procedures.steps_description || ' ' || procedures.result_type || ' ' || procedures.legal_basis))"
const SECTOR_NAME = 'lower(immutable_unaccent(sectors.name))'
const TERM = 'lower(immutable_unaccent(?))'

/** `(expr like ? and expr like ? …)` for every word, with its bindings. */
function allWordsIn(expression: string, words: string[]) {
  return {
    sql: `(${words.map(() => `${expression} like ${TERM}`).join(' and ')})`,
    bindings: words.map(containing),
  }
}

/**
 * Matching and ranking for a typed term. A procedure matches when its name holds every word,
 * when its name is close to the term (pg_trgm word_similarity, for typos), when its national code
 * holds the term, or when its content or its sector's name holds every word. Rank: name matches,
 * then fuzzy name and code matches, then the rest; within each, the closer the name, the higher.
 * Agency names are left to the agency filter: a typed word found in an agency's name would list
 * every procedure that agency performs.
 */
function applyTerm(query: ProcedureQuery, term: string) {
  const words = wordsOf(term)
  if (!words.length) return false
  const inName = allWordsIn(NAME, words)
  const inContent = allWordsIn(CONTENT, words)
  const fuzzy = term.length >= FUZZY_MIN_LENGTH
  const nearName = { sql: `(word_similarity(${TERM}, ${NAME}) >= ${FUZZY_THRESHOLD})`, bindings: [term] }
  const inCode = { sql: "(coalesce(procedures.national_code, '') like ?)", bindings: [containing(term)] }
  const sectorNamed = allWordsIn(SECTOR_NAME, words)
  const inSector = {
    sql: `procedures.sector_id in (select sectors.id from sectors where sectors.tenant_id = procedures.tenant_id and ${sectorNamed.sql})`,
    bindings: sectorNamed.bindings,
  }

  query.where((matching) => {
    matching
      .whereRaw(inName.sql, inName.bindings)
      .orWhereRaw(inCode.sql, inCode.bindings)
      .orWhereRaw(inContent.sql, inContent.bindings)
      .orWhereRaw(inSector.sql, inSector.bindings)
    if (fuzzy) matching.orWhereRaw(nearName.sql, nearName.bindings)
  })

  const tier = fuzzy
    ? `case when ${inName.sql} then 0 when ${nearName.sql} or ${inCode.sql} then 1 else 2 end`
    : `case when ${inName.sql} then 0 when ${inCode.sql} then 1 else 2 end`
  const tierBindings = fuzzy
    ? [...inName.bindings, ...nearName.bindings, ...inCode.bindings]
    : [...inName.bindings, ...inCode.bindings]
  query
    .select(
      'procedures.*',
      db.raw(`${tier} as search_tier`, tierBindings),
      db.raw(`word_similarity(${TERM}, ${NAME}) as search_similarity`, [term])
    )
    .orderByRaw('search_tier asc, search_similarity desc')
  return true
}

/** The sector with this code in the current tenant, or null. */
export function findSector(code: string) {
  if (!code) return Promise.resolve(null)
  return Sector.query().where('code', code).first()
}

/** Published services matching the filters, ranked, a page at a time (a Lucid paginator). */
export async function searchServices(filters: ServiceFilters, page = 1, perPage = PER_PAGE) {
  const query = Procedure.query().where('procedures.status', 'published').preload('sector')
  if (filters.sector) {
    const sector = await findSector(filters.sector)
    // An unknown sector code matches nothing rather than everything.
    query.where('procedures.sector_id', sector?.id ?? 0)
  }
  if (filters.agency) {
    query.whereIn('procedures.id', (performing) =>
      performing.from('procedure_agencies').select('procedure_agencies.procedure_id').where('procedure_agencies.agency_id', Number(filters.agency))
    )
  }
  if (filters.level) query.where('procedures.online_level', Number(filters.level))
  if (filters.admin_level) query.where('procedures.administrative_level', filters.admin_level as AdministrativeLevel)
  if (filters.q) applyTerm(query, filters.q)
  query.orderBy('procedures.name', 'asc').orderBy('procedures.id', 'asc')
  const paginator = await query.paginate(page, perPage)
  return paginator.baseUrl('/dich-vu-cong').queryString(queryStringOf(filters))
}

/** A sector's published services, all of them (so each is two clicks from home, NF-2). */
export async function servicesOfSector(code: string) {
  const sector = await findSector(code)
  if (!sector) return null
  const services = await Procedure.query()
    .where('status', 'published')
    .where('sector_id', sector.id)
    .orderBy('name', 'asc')
    .orderBy('id', 'asc')
  return { sector, services }
}

/** Sectors in display order with their count of published services; empty sectors left out. */
export async function sectorsWithServices() {
  const sectors = await Sector.query().orderBy('position').orderBy('name')
  const counts = await Procedure.query()
    .where('status', 'published')
    .select('sector_id')
    .count('* as total')
    .groupBy('sector_id')
  const bySector = new Map(counts.map((row) => [Number(row.sectorId), Number(row.$extras.total)]))
  return sectors
    .map((sector) => ({ id: sector.id, code: sector.code, name: sector.name, count: bySector.get(sector.id) ?? 0 }))
    .filter((sector) => sector.count > 0)
}

/** Agencies that perform at least one published service, by name (the agency filter's choices). */
export function agenciesWithServices() {
  return Agency.query()
    .whereIn('agencies.id', (performing) =>
      performing
        .from('procedure_agencies')
        .join('procedures', (join) =>
          join.on('procedures.id', 'procedure_agencies.procedure_id').andOn('procedures.tenant_id', 'procedure_agencies.tenant_id')
        )
        .where('procedures.status', 'published')
        .select('procedure_agencies.agency_id')
    )
    .orderBy('name')
}

/** Published services per online level 1–4 (the home page's level explanations). */
export async function countsByLevel() {
  const rows = await Procedure.query().where('status', 'published').select('online_level').count('* as total').groupBy('online_level')
  const byLevel = new Map(rows.map((row) => [Number(row.onlineLevel), Number(row.$extras.total)]))
  return ONLINE_LEVELS.map((level) => ({ level, count: byLevel.get(level) ?? 0 }))
}

/**
 * Services for the home page's "popular services". There are no dossiers yet to count, so this
 * is simply the first `limit` published services in catalogue order (no made-up popularity);
 * once intake records dossiers, rank by dossiers filed in the last 90 days instead.
 */
export function featuredServices(limit = 8) {
  return Procedure.query().where('status', 'published').preload('sector').orderBy('id', 'asc').limit(limit)
}

/** One published service with everything its page shows (OL-5 level 1), or null. */
export async function findPublishedService(id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return null
  const procedure = await Procedure.query()
    .where('id', id)
    .where('status', 'published')
    .preload('sector')
    .preload('group')
    .preload('components')
    .preload('fees', (fees) => fees.orderBy('id'))
    .preload('agencies', (agencies) => agencies.orderBy('name'))
    .first()
  if (!procedure) return null
  const formTemplates = await FormTemplate.query().where('procedure_id', procedure.id).orderBy('id')
  return { procedure, formTemplates }
}

/** Every published service's id, name and last change, for sitemap.xml. */
export function publishedServicesForSitemap() {
  return Procedure.query()
    .where('status', 'published')
    .select('id', 'name', 'updated_at', 'published_at')
    .orderBy('id', 'asc')
}
