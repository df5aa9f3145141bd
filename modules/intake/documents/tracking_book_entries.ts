/*
 * The electronic tracking book (sổ theo dõi hồ sơ, form 06 of 2018 / 07 of 2025): a dossier is
 * entered when it is accepted (its first move into "Được tiếp nhận"), in one volume per calendar
 * year, numbered in order of acceptance. Numbers are computed from the trail, so the receipt slip
 * and the printed book always agree and need no counter of their own.
 */
import { DateTime } from 'luxon'
import { requireTenantScope } from '#tenancy/tenant_context'
import { VIETNAM_ZONE } from '#services/vietnamese_format'

export const ACCEPTED_STATUS = 'duoc_tiep_nhan'

export interface TrackingBookEntry {
  dossierId: number
  /** The volume: the year of acceptance. */
  volume: number
  /** Entry number within the volume, from 1. */
  number: number
  acceptedAt: DateTime
}

/**
 * Entries of the dossiers accepted in [from, to] (whole days in Vietnam's time), or of the one
 * dossier `dossierId`, numbered within their year.
 */
export async function trackingBookEntries(
  filter: { from: DateTime; to: DateTime } | { dossierId: number }
): Promise<TrackingBookEntry[]> {
  const { tenant, client } = requireTenantScope()
  const yearOf = `extract(year from min(occurred_at) at time zone '${VIETNAM_ZONE}')::int`
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
  const result = await client.rawQuery(
    `with accepted as (
       select dossier_id, min(occurred_at) as accepted_at, ${yearOf} as volume
       from dossier_events
       where tenant_id = ? and to_status = ?
       group by dossier_id
       ${years}
     ), numbered as (
       select dossier_id, accepted_at, volume,
              row_number() over (partition by volume order by accepted_at, dossier_id) as number
       from accepted
     )
     select dossier_id, accepted_at, volume, number from numbered
     where ${where}
     order by accepted_at, dossier_id`,
    bindings as any[]
  )
  return result.rows.map((row: Record<string, any>) => ({
    dossierId: Number(row.dossier_id),
    volume: Number(row.volume),
    number: Number(row.number),
    acceptedAt: DateTime.fromJSDate(new Date(row.accepted_at)),
  }))
}
