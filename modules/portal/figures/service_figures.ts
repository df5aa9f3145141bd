/*
 * OL-11đ, PT-8.1: the figures a service's page publishes, measured from the dossiers themselves:
 * online dossiers received and processed since 1 January (Vietnam time), the online share of all
 * dossiers received, the satisfaction ratings given this year (OL-12 "results published"), and
 * the expected processing time: the 90th percentile of the time from receipt to the first
 * "Đã xử lý xong" or "Đã trả kết quả" of the dossiers finished in the last 90 days, shown only
 * when at least MIN_SAMPLES dossiers were finished (fewer would make it a guess).
 *
 * "Processed" and "finished" read the trail (dossier_events), which every status change appends
 * to, through the partial index dossier_events_finished (migration 0403); three queries in all.
 */
import { DateTime } from 'luxon'
import { requireTenantScope } from '#tenancy/tenant_context'
import { VIETNAM_ZONE } from '#services/vietnamese_format'
import { SATISFACTION_LEVELS, type SatisfactionLevel } from '#portal/ratings/satisfaction_rating'
import { RATEABLE_STATUSES } from '#portal/ratings/dossier_rating'

export const WINDOW_DAYS = 90
export const MIN_SAMPLES = 10
const FINISHED_STATUSES = RATEABLE_STATUSES

export interface ServiceFigures {
  year: number
  received: { online: number; total: number }
  onlineProcessed: number
  /** Online share of all dossiers received this year, in whole percent; null when none was received. */
  onlineSharePercent: number | null
  satisfaction: { ratings: number; percents: Record<SatisfactionLevel, number> } | null
  /** 90 % of recent dossiers were finished within this many days; null without enough data. */
  expected: { days: number; samples: number } | null
}

function percent(part: number, whole: number) {
  return whole === 0 ? 0 : Math.round((part / whole) * 100)
}

export async function serviceFigures(procedureId: number, now: DateTime = DateTime.now()): Promise<ServiceFigures> {
  const { tenant, client } = requireTenantScope()
  const yearStart = now.setZone(VIETNAM_ZONE).startOf('year')
  const windowStart = now.minus({ days: WINDOW_DAYS })
  const since = DateTime.min(yearStart, windowStart)!
  const bounds = {
    tenant: tenant.id,
    procedure: procedureId,
    yearStart: yearStart.toJSDate(),
    windowStart: windowStart.toJSDate(),
    since: since.toJSDate(),
    now: now.toJSDate(),
  }
  const finishedStatuses = FINISHED_STATUSES.map((status) => `'${status}'`).join(', ')

  const received = await client.rawQuery(
    `select count(*) filter (where channel = 'online') as online, count(*) as total
       from dossiers
      where tenant_id = :tenant and procedure_id = :procedure and received_at >= :yearStart and received_at <= :now`,
    bounds
  )

  // A dossier counts from its first finish: later finishing events (a result returned after
  // "Đã xử lý xong") and dossiers already finished before the period are left out.
  const finished = await client.rawQuery(
    `with finished as (
       select e.dossier_id, min(e.occurred_at) as finished_at
         from dossier_events e
         join dossiers d on d.tenant_id = e.tenant_id and d.id = e.dossier_id
        where e.tenant_id = :tenant and d.procedure_id = :procedure
          and e.to_status in (${finishedStatuses})
          and e.occurred_at >= :since and e.occurred_at <= :now
        group by e.dossier_id
     ), first_finished as (
       select f.finished_at, d.received_at, d.channel
         from finished f
         join dossiers d on d.tenant_id = :tenant and d.id = f.dossier_id
        where not exists (
          select 1 from dossier_events p
           where p.tenant_id = :tenant and p.dossier_id = f.dossier_id
             and p.to_status in (${finishedStatuses}) and p.occurred_at < :since)
     )
     select count(*) filter (where channel = 'online' and finished_at >= :yearStart) as online_processed,
            count(*) filter (where finished_at >= :windowStart) as samples,
            percentile_cont(0.9) within group (order by extract(epoch from finished_at - received_at))
              filter (where finished_at >= :windowStart) as p90_seconds
       from first_finished`,
    bounds
  )

  const ratings = await client.rawQuery(
    `select overall, count(*) as total
       from satisfaction_ratings
      where tenant_id = :tenant and procedure_id = :procedure and first_rated_at >= :yearStart and first_rated_at <= :now
      group by overall`,
    bounds
  )

  const online = Number(received.rows[0].online)
  const total = Number(received.rows[0].total)
  const { online_processed: onlineProcessed, samples, p90_seconds: p90Seconds } = finished.rows[0]
  const counts = new Map<string, number>(ratings.rows.map((row: any) => [row.overall, Number(row.total)]))
  const rated = [...counts.values()].reduce((sum, count) => sum + count, 0)

  return {
    year: yearStart.year,
    received: { online, total },
    onlineProcessed: Number(onlineProcessed),
    onlineSharePercent: total === 0 ? null : percent(online, total),
    satisfaction:
      rated === 0
        ? null
        : {
            ratings: rated,
            percents: Object.fromEntries(
              SATISFACTION_LEVELS.map((level) => [level, percent(counts.get(level) ?? 0, rated)])
            ) as Record<SatisfactionLevel, number>,
          },
    expected:
      Number(samples) >= MIN_SAMPLES && p90Seconds !== null
        ? { days: Math.max(1, Math.ceil(Number(p90Seconds) / 86_400)), samples: Number(samples) }
        : null,
  }
}
