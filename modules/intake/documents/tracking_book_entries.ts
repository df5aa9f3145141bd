/*
 * The electronic tracking book (sổ theo dõi hồ sơ, form 06 of 2018 / 07 of 2025): a dossier is
 * entered when it is accepted (its first move into "Được tiếp nhận"), in one volume per calendar
 * year, numbered in order of acceptance. A tenant that keeps one book per sector (catalog
 * setting) numbers each sector's volume on its own. Numbers are computed from the trail, so the
 * receipt slip and the printed book always agree and need no counter of their own.
 */
import { DateTime } from 'luxon'
import { requireTenantScope } from '#tenancy/tenant_context'
import { VIETNAM_ZONE } from '#services/vietnamese_format'
import { trackingBookBySector } from '#catalog/index'

export const ACCEPTED_STATUS = 'duoc_tiep_nhan'

export interface TrackingBookEntry {
  dossierId: number
  /** The volume: the year of acceptance. */
  volume: number
  /** Entry number within the volume, from 1. */
  number: number
  acceptedAt: DateTime
  /** The sector's book the entry is in, when the tenant keeps one per sector. */
  sector: { id: number; name: string } | null
}

export type TrackingBookFilter = ({ from: DateTime; to: DateTime } | { dossierId: number }) & {
  /** Only the entries of dossiers of this sector (the sector's own book, or an extract of the common one). */
  sectorId?: number | null
}

/**
 * Entries of the dossiers accepted in [from, to] (whole days in Vietnam's time), or of the one
 * dossier `dossierId`, numbered within their year (and sector, when each has its own book).
 */
export async function trackingBookEntries(filter: TrackingBookFilter): Promise<TrackingBookEntry[]> {
  const { tenant, client } = requireTenantScope()
  const bySector = trackingBookBySector()
  const yearOf = `extract(year from min(e.occurred_at) at time zone '${VIETNAM_ZONE}')::int`
  let years = ''
  let where: string
  const bindings: unknown[] = [tenant.id, ACCEPTED_STATUS]
  if ('dossierId' in filter) {
    where = 'dossier_id = ?'
    bindings.push(filter.dossierId)
  } else {
    const from = filter.from.setZone(VIETNAM_ZONE).startOf('day')
    const until = filter.to.setZone(VIETNAM_ZONE).plus({ days: 1 }).startOf('day')
    // Only the volumes the period touches need numbering.
    years = `having ${yearOf} between ? and ?`
    bindings.push(from.year, filter.to.setZone(VIETNAM_ZONE).year)
    where = 'accepted_at >= ? and accepted_at < ?'
    bindings.push(from.toJSDate(), until.toJSDate())
  }
  if (filter.sectorId) {
    where += ' and sector_id = ?'
    bindings.push(filter.sectorId)
  }
  const result = await client.rawQuery(
    `with accepted as (
       select e.dossier_id, min(e.occurred_at) as accepted_at, ${yearOf} as volume,
              p.sector_id, s.name as sector_name
       from dossier_events e
       join dossiers d on d.tenant_id = e.tenant_id and d.id = e.dossier_id
       join procedures p on p.tenant_id = d.tenant_id and p.id = d.procedure_id
       join sectors s on s.tenant_id = p.tenant_id and s.id = p.sector_id
       where e.tenant_id = ? and e.to_status = ?
       group by e.dossier_id, p.sector_id, s.name
       ${years}
     ), numbered as (
       select dossier_id, accepted_at, volume, sector_id, sector_name,
              row_number() over (partition by volume${bySector ? ', sector_id' : ''} order by accepted_at, dossier_id) as number
       from accepted
     )
     select dossier_id, accepted_at, volume, number, sector_id, sector_name from numbered
     where ${where}
     order by accepted_at, dossier_id`,
    bindings as any[]
  )
  return result.rows.map((row: Record<string, any>) => ({
    dossierId: Number(row.dossier_id),
    volume: Number(row.volume),
    number: Number(row.number),
    acceptedAt: DateTime.fromJSDate(new Date(row.accepted_at)),
    sector: bySector ? { id: Number(row.sector_id), name: String(row.sector_name) } : null,
  }))
}
