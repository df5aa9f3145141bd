/*
 * Bytes on the disk that no stored file refers to. An upload's bytes are written before its row,
 * outside the request's transaction (stored_files.ts), so a request that fails afterwards (a
 * validation error after the upload, a crash, a lost race) leaves its bytes behind. Left alone
 * they fill the disk; this finds and removes them, tenant by tenant. Files younger than the
 * grace period are kept: their request may still be running and about to commit its row.
 */
import type { DateTime } from 'luxon'
import drive from '@adonisjs/drive/services/main'
import { requireTenantScope } from '#tenancy/tenant_context'
import StoredFile from '#intake/files/stored_file'

const CHUNK = 1000

export interface OrphanSweep {
  /** Files looked at under the tenant's dossier-files folder. */
  scanned: number
  /** Keys of the orphans found (removed unless it was a dry run). */
  orphans: string[]
  bytes: number
}

/** The current tenant's orphaned dossier-file bytes last modified before `cutoff`; removed unless `dryRun`. */
export async function pruneOrphanFiles(options: { cutoff: DateTime; dryRun?: boolean }): Promise<OrphanSweep> {
  const { tenant } = requireTenantScope()
  const disk = drive.use('files')
  const sweep: OrphanSweep = { scanned: 0, orphans: [], bytes: 0 }
  let paginationToken: string | undefined
  do {
    const page = await disk.listAll(`tenants/${tenant.id}/dossier-files`, { recursive: true, paginationToken })
    paginationToken = page.paginationToken
    const keys = [...page.objects].filter((object) => object.isFile).map((file) => file.key)
    sweep.scanned += keys.length
    for (let start = 0; start < keys.length; start += CHUNK) {
      const chunk = keys.slice(start, start + CHUNK)
      const known = new Set((await StoredFile.query().whereIn('storage_key', chunk).select('storage_key')).map((row) => row.storageKey))
      for (const key of chunk) {
        if (known.has(key)) continue
        const meta = await disk.getMetaData(key)
        if (meta.lastModified.getTime() >= options.cutoff.toMillis()) continue
        sweep.orphans.push(key)
        sweep.bytes += meta.contentLength
        if (!options.dryRun) await disk.delete(key)
      }
    }
  } while (paginationToken)
  return sweep
}
