/*
 * GR-6, OS-16.1: keeps the tenant's national-source catalogues in step with the national shared
 * catalogue system, over the protocol of modules/catalog/docs/national_catalogue_protocol.md
 * (tested against the stand-in in modules/integration/stand_ins). Every page of changes is
 * fetched and checked before anything is written; the changes are then applied in one
 * savepoint. A source that is down, slow or answers garbage raises a CatalogueSyncError and
 * leaves the catalogue exactly as it was.
 *
 * Configuration: NATIONAL_CATALOGUE_URL (base URL, default http://127.0.0.1:4545, where the
 * stand-in listens when run on its own) and NATIONAL_CATALOGUE_TIMEOUT_MS (per request, 10 s).
 */
import SharedCatalogue from '#catalog/models/shared_catalogue'
import {
  applyEntryChanges,
  inSavepoint,
  markSynced,
  type ChangeReport,
  type DesiredEntry,
} from '#catalog/services/shared_catalogues'

export const DEFAULT_NATIONAL_CATALOGUE_URL = 'http://127.0.0.1:4545'
export const DEFAULT_TIMEOUT_MS = 10_000
export const PAGE_SIZE = 500
/** A guard against a source that keeps saying has_more. */
export const MAX_PAGES = 1000

export type SyncFailure = 'not_configured' | 'unreachable' | 'timeout' | 'http_error' | 'not_found' | 'bad_response'

/** Why a sync failed; messageKey is under `catalogues.sync.errors` in resources/lang. */
export class CatalogueSyncError extends Error {
  constructor(
    public failure: SyncFailure,
    public data: Record<string, string | number> = {}
  ) {
    super(`National catalogue sync failed: ${failure} ${JSON.stringify(data)}`)
  }

  get messageKey() {
    return `catalogues.sync.errors.${this.failure}`
  }
}

export interface SyncOptions {
  baseUrl?: string
  timeoutMs?: number
  /** Entries asked for per request (the protocol allows 1 to 1000). */
  pageSize?: number
}

export interface NationalChanges {
  name: string
  version: number
  entries: DesiredEntry[]
}

export interface SyncReport extends ChangeReport {
  version: number
}

/** Settings read at call time, so a changed environment (or a test) takes effect at once. */
export function syncSettings(options: SyncOptions = {}) {
  const baseUrl = (options.baseUrl ?? process.env.NATIONAL_CATALOGUE_URL ?? DEFAULT_NATIONAL_CATALOGUE_URL).trim()
  const timeoutMs = options.timeoutMs ?? (Number(process.env.NATIONAL_CATALOGUE_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS)
  if (!/^https?:\/\/[^/]+/i.test(baseUrl)) throw new CatalogueSyncError('not_configured')
  return { baseUrl: baseUrl.replace(/\/+$/, ''), timeoutMs }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

export interface ChangesPage {
  name: string
  version: number
  entries: (DesiredEntry & { sourceVersion: number })[]
  hasMore: boolean
  nextSince: number
}

/** Checks one answer of GET /catalogues/:code/entries; anything unexpected is bad_response. */
export function parseChangesPage(body: unknown, code: string, since: number): ChangesPage {
  const bad = (detail: string) => new CatalogueSyncError('bad_response', { detail })
  if (!isObject(body) || !isObject(body.catalogue) || !Array.isArray(body.entries)) throw bad('shape')
  if (body.catalogue.code !== code) throw bad('catalogue code')
  if (typeof body.catalogue.name !== 'string' || !isVersion(body.catalogue.version)) throw bad('catalogue')
  if (typeof body.has_more !== 'boolean' || !isVersion(body.next_since)) throw bad('paging')
  if (body.has_more && body.next_since <= since) throw bad('paging does not advance')
  const entries = body.entries.map((entry) => {
    if (!isObject(entry) || typeof entry.code !== 'string' || typeof entry.name !== 'string') throw bad('entry')
    if (!isVersion(entry.version) || typeof entry.deleted !== 'boolean') throw bad('entry')
    const entryCode = entry.code.normalize('NFC').trim()
    const name = entry.name.normalize('NFC').trim()
    if (!entryCode || entryCode.length > 100 || name.length > 500 || (!name && !entry.deleted)) throw bad('entry')
    return { code: entryCode, name, isActive: !entry.deleted, sourceVersion: entry.version }
  })
  return {
    name: body.catalogue.name.normalize('NFC').trim(),
    version: body.catalogue.version,
    entries,
    hasMore: body.has_more,
    nextSince: body.next_since,
  }
}

async function getJson(url: string, timeoutMs: number): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) })
  } catch (error) {
    const name = (error as Error)?.name
    if (name === 'TimeoutError' || name === 'AbortError') throw new CatalogueSyncError('timeout', { seconds: timeoutMs / 1000 })
    throw new CatalogueSyncError('unreachable')
  }
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    const name = (error as Error)?.name
    if (name === 'TimeoutError' || name === 'AbortError') throw new CatalogueSyncError('timeout', { seconds: timeoutMs / 1000 })
    throw new CatalogueSyncError('unreachable')
  }
  if (response.status === 404) throw new CatalogueSyncError('not_found')
  if (!response.ok) throw new CatalogueSyncError('http_error', { status: response.status })
  try {
    return JSON.parse(text)
  } catch {
    throw new CatalogueSyncError('bad_response', { detail: 'not JSON' })
  }
}

/** Every change to the national catalogue `code` since `since`, all pages, checked. */
export async function fetchNationalChanges(code: string, since: number, options: SyncOptions = {}): Promise<NationalChanges> {
  const { baseUrl, timeoutMs } = syncSettings(options)
  const latest = new Map<string, DesiredEntry & { sourceVersion: number }>()
  let cursor = since
  let name = ''
  let version = since
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = `${baseUrl}/catalogues/${encodeURIComponent(code)}/entries?since=${cursor}&limit=${options.pageSize ?? PAGE_SIZE}`
    const parsed = parseChangesPage(await getJson(url, timeoutMs), code, cursor)
    for (const entry of parsed.entries) {
      const previous = latest.get(entry.code)
      if (!previous || previous.sourceVersion < entry.sourceVersion) latest.set(entry.code, entry)
    }
    name = parsed.name
    version = Math.max(version, parsed.version, parsed.nextSince)
    if (!parsed.hasMore) return { name, version, entries: [...latest.values()] }
    cursor = parsed.nextSince
  }
  throw new CatalogueSyncError('bad_response', { detail: 'too many pages' })
}

/**
 * Syncs one national-source catalogue of the current tenant: fetches the changes since its last
 * version, then applies them (added, changed, removed = deactivated) and its new version in one
 * savepoint. Nothing is written when the source fails.
 */
export async function syncCatalogue(catalogue: SharedCatalogue, options: SyncOptions = {}): Promise<SyncReport> {
  const changes = await fetchNationalChanges(catalogue.code, catalogue.syncVersion, options)
  return inSavepoint(async (client) => {
    const report = await applyEntryChanges(client, catalogue, changes.entries, { removeMissing: false })
    await markSynced(catalogue, client, changes.version)
    return { ...report, version: changes.version }
  })
}

/** Syncs every national-source catalogue of the current tenant (for the scheduler to come). */
export async function syncNationalCatalogues(options: SyncOptions = {}) {
  const catalogues = await SharedCatalogue.query().where('source', 'national').orderBy('code')
  const results: { code: string; report?: SyncReport; error?: CatalogueSyncError }[] = []
  for (const catalogue of catalogues) {
    try {
      results.push({ code: catalogue.code, report: await syncCatalogue(catalogue, options) })
    } catch (error) {
      if (!(error instanceof CatalogueSyncError)) throw error
      results.push({ code: catalogue.code, error })
    }
  }
  return results
}
