/*
 * OS-16: the tenant's shared catalogues (document types, internal lists) and their entries.
 * Every query runs in the current tenant's scope. Imports and syncs write through
 * applyEntryChanges() inside a savepoint (inSavepoint), so a failure halfway leaves nothing
 * written even though the request's own transaction goes on and commits.
 */
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { requireTenantScope } from '#tenancy/tenant_context'
import SharedCatalogue, { type CatalogueKind, type CatalogueSource } from '#catalog/models/shared_catalogue'
import SharedCatalogueEntry from '#catalog/models/shared_catalogue_entry'
import { containing } from '#catalog/services/administrative_units'

export const ENTRIES_PER_PAGE = 20
export const ENTRY_STATES = ['active', 'inactive'] as const

export interface EntryFilters {
  q: string
  state: '' | (typeof ENTRY_STATES)[number]
}

export interface ChangeReport {
  added: number
  changed: number
  removed: number
}

/** An entry as a file or the national source describes it. */
export interface DesiredEntry {
  code: string
  name: string
  isActive: boolean
  sourceVersion?: number | null
}

export function emptyReport(): ChangeReport {
  return { added: 0, changed: 0, removed: 0 }
}

/**
 * Runs `work` in a savepoint of the current tenant's transaction: if it throws, what it wrote is
 * rolled back and the error goes on; the request's transaction itself stays usable.
 */
export function inSavepoint<T>(work: (client: TransactionClientContract) => Promise<T>): Promise<T> {
  return requireTenantScope().client.transaction((savepoint) => work(savepoint))
}

/* ------------------------------------------------------------------ reading */

export function entryFiltersFrom(qs: Record<string, unknown>): EntryFilters {
  const q = typeof qs.q === 'string' ? qs.q.trim().slice(0, 100) : ''
  const state = (ENTRY_STATES as readonly string[]).includes(String(qs.state)) ? (qs.state as EntryFilters['state']) : ''
  return { q, state }
}

export function pageOf(qs: Record<string, unknown>) {
  const page = Number(qs.page)
  return Number.isInteger(page) && page > 0 ? page : 1
}

/** The tenant's catalogues with their number of active and all entries. */
export async function listCatalogues() {
  const catalogues = await SharedCatalogue.query().orderBy('name').orderBy('id')
  const counts = await SharedCatalogueEntry.query()
    .select('catalogue_id')
    .count('* as total')
    .select(db.raw('count(*) filter (where is_active) as active'))
    .groupBy('catalogue_id')
  const byCatalogue = new Map(
    counts.map((row) => [row.catalogueId, { total: Number(row.$extras.total), active: Number(row.$extras.active) }])
  )
  return catalogues.map((catalogue) => ({ catalogue, counts: byCatalogue.get(catalogue.id) ?? { total: 0, active: 0 } }))
}

/** The catalogue with this id in the current tenant, or a 404. */
export function findCatalogue(id: number) {
  return SharedCatalogue.findOrFail(id)
}

export function findCatalogueByCode(code: string) {
  return SharedCatalogue.findBy('code', code)
}

/** The entry with this id in this catalogue (and so in the current tenant), or a 404. */
export function findEntry(catalogue: SharedCatalogue, id: number) {
  return SharedCatalogueEntry.query().where('catalogue_id', catalogue.id).where('id', id).firstOrFail()
}

export function searchEntries(catalogue: SharedCatalogue, filters: EntryFilters, page: number) {
  const query = SharedCatalogueEntry.query().where('catalogue_id', catalogue.id)
  if (filters.q) {
    const pattern = containing(filters.q.normalize('NFC'))
    query.where((matching) => {
      matching
        .whereRaw('lower(immutable_unaccent(shared_catalogue_entries.name)) like lower(immutable_unaccent(?))', [pattern])
        .orWhereRaw('lower(shared_catalogue_entries.code) like lower(?)', [pattern])
    })
  }
  if (filters.state) query.where('is_active', filters.state === 'active')
  const queryString = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''))
  return query
    .orderBy('is_active', 'desc')
    .orderBy('name')
    .orderBy('id')
    .paginate(page, ENTRIES_PER_PAGE)
    .then((paginator) => paginator.baseUrl(`/quan-tri/danh-muc/${catalogue.id}`).queryString(queryString))
}

/** Active entries of the catalogue with this code, for pickers in e-forms and elsewhere. */
export async function activeEntriesOf(catalogueCode: string) {
  const catalogue = await findCatalogueByCode(catalogueCode)
  if (!catalogue) return []
  return SharedCatalogueEntry.query().where('catalogue_id', catalogue.id).where('is_active', true).orderBy('name')
}

/* ------------------------------------------------------------------ writing */

export interface CatalogueDetails {
  code: string
  name: string
  kind: CatalogueKind
  source?: CatalogueSource
  description?: string | null
}

export function createCatalogue(details: CatalogueDetails, client?: TransactionClientContract) {
  return SharedCatalogue.create(
    {
      code: details.code,
      name: details.name,
      kind: details.kind,
      source: details.source ?? 'local',
      description: details.description ?? '',
      syncVersion: 0,
    },
    client ? { client } : undefined
  )
}

export interface EntryDetails {
  code: string
  name: string
}

export function createEntry(catalogue: SharedCatalogue, details: EntryDetails) {
  return SharedCatalogueEntry.create({ catalogueId: catalogue.id, code: details.code, name: details.name, isActive: true })
}

/** The name of an entry; its code is what other records cite, so it stays. */
export async function updateEntry(entry: SharedCatalogueEntry, details: Pick<EntryDetails, 'name'>) {
  entry.name = details.name
  await entry.save()
  return entry
}

export async function setEntryActive(entry: SharedCatalogueEntry, isActive: boolean) {
  entry.isActive = isActive
  await entry.save()
  return entry
}

/**
 * Brings the entries of `catalogue` to `desired`, on `client` (a savepoint): new codes are
 * added, entries whose name or state differ are changed, and, when `removeMissing`, active
 * entries whose code is absent from `desired` are deactivated. Entries are never deleted.
 */
export async function applyEntryChanges(
  client: TransactionClientContract,
  catalogue: SharedCatalogue,
  desired: DesiredEntry[],
  options: { removeMissing: boolean }
): Promise<ChangeReport> {
  const report = emptyReport()
  const existing = await SharedCatalogueEntry.query({ client }).where('catalogue_id', catalogue.id)
  const byCode = new Map(existing.map((entry) => [entry.code, entry]))
  const seen = new Set<string>()

  for (const wanted of desired) {
    seen.add(wanted.code)
    const entry = byCode.get(wanted.code)
    if (!entry) {
      // A deletion the tenant never had is nothing to do.
      if (!wanted.isActive && wanted.sourceVersion !== undefined) continue
      await SharedCatalogueEntry.create(
        {
          catalogueId: catalogue.id,
          code: wanted.code,
          name: wanted.name,
          isActive: wanted.isActive,
          sourceVersion: wanted.sourceVersion ?? null,
        },
        { client }
      )
      report.added++
      continue
    }
    const nameChanged = entry.name !== wanted.name && wanted.name !== ''
    if (!nameChanged && entry.isActive === wanted.isActive) {
      if (wanted.sourceVersion !== undefined && entry.sourceVersion !== wanted.sourceVersion) {
        entry.useTransaction(client)
        entry.sourceVersion = wanted.sourceVersion ?? null
        await entry.save()
      }
      continue
    }
    if (entry.isActive && !wanted.isActive) report.removed++
    else report.changed++
    entry.useTransaction(client)
    entry.merge({
      name: nameChanged ? wanted.name : entry.name,
      isActive: wanted.isActive,
      sourceVersion: wanted.sourceVersion === undefined ? entry.sourceVersion : wanted.sourceVersion,
    })
    await entry.save()
  }

  if (options.removeMissing) {
    for (const entry of existing) {
      if (seen.has(entry.code) || !entry.isActive) continue
      entry.useTransaction(client)
      entry.isActive = false
      await entry.save()
      report.removed++
    }
  }
  return report
}

export function markSynced(catalogue: SharedCatalogue, client: TransactionClientContract, version: number) {
  catalogue.useTransaction(client)
  catalogue.syncVersion = version
  catalogue.lastSyncedAt = DateTime.now()
  return catalogue.save()
}

/* ------------------------------------------------------------------ demo data */

const DOCUMENT_TYPES: [string, string][] = [
  ['CCCD', 'Thẻ căn cước công dân'],
  ['CC', 'Thẻ căn cước'],
  ['HC', 'Hộ chiếu'],
  ['GKS', 'Giấy khai sinh'],
  ['GCNKH', 'Giấy chứng nhận kết hôn'],
  ['GXNTTHN', 'Giấy xác nhận tình trạng hôn nhân'],
  ['GCNQSDD', 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất'],
  ['GPXD', 'Giấy phép xây dựng'],
  ['GCNDKDN', 'Giấy chứng nhận đăng ký doanh nghiệp'],
  ['GPLX', 'Giấy phép lái xe'],
  ['LLTP', 'Phiếu lý lịch tư pháp'],
  ['GUQ', 'Giấy ủy quyền'],
]

const RECEPTION_CHANNELS: [string, string][] = [
  ['TRUC_TIEP', 'Trực tiếp tại Bộ phận Một cửa'],
  ['TRUC_TUYEN', 'Trực tuyến qua Cổng Dịch vụ công'],
  ['BUU_CHINH', 'Qua dịch vụ bưu chính công ích'],
]

/**
 * The demo tenant's catalogues: document types (kept in step with the national catalogue
 * system) and an internal list. Idempotent: an existing catalogue or entry is left as it is.
 */
export async function seedSharedCatalogues() {
  const seeds: { details: CatalogueDetails; entries: [string, string][] }[] = [
    {
      details: {
        code: 'LOAI_GIAY_TO',
        name: 'Loại giấy tờ',
        kind: 'document_types',
        source: 'national',
        description: 'Danh mục loại giấy tờ, đồng bộ từ hệ thống danh mục điện tử dùng chung quốc gia.',
      },
      entries: DOCUMENT_TYPES,
    },
    {
      details: {
        code: 'KENH_TIEP_NHAN',
        name: 'Kênh tiếp nhận hồ sơ',
        kind: 'internal',
        description: 'Danh mục nội bộ: các kênh tiếp nhận hồ sơ.',
      },
      entries: RECEPTION_CHANNELS,
    },
  ]
  for (const seed of seeds) {
    const catalogue = (await findCatalogueByCode(seed.details.code)) ?? (await createCatalogue(seed.details))
    const present = new Set(
      (await SharedCatalogueEntry.query().where('catalogue_id', catalogue.id).select('code')).map((entry) => entry.code)
    )
    for (const [code, name] of seed.entries) {
      if (!present.has(code)) await createEntry(catalogue, { code, name })
    }
  }
}
