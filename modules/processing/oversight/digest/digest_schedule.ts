/*
 * The web server sends the daily digest (OS-22.5) every morning: from DIGEST_HOUR in Vietnam's
 * time it tries every quarter of an hour, and each tenant's digest goes out once that day
 * (digest_runs), however many app processes try.
 */
import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import { sendDailyDigest } from '#processing/oversight/digest/daily_digest'
import { VIETNAM_ZONE } from '#services/vietnamese_format'

export const DIGEST_HOUR = 7
const CHECK_INTERVAL_MS = 15 * 60 * 1000

/** Sends the day's digest of every tenant that has not had it; a tenant that fails is logged, the others still served. */
export async function sendDueDigests(now = DateTime.now()) {
  if (now.setZone(VIETNAM_ZONE).hour < DIGEST_HOUR) return
  for (const tenant of await Tenant.query().orderBy('id')) {
    try {
      await withTenant(tenant, () => sendDailyDigest({ clock: () => now }))
    } catch (error) {
      logger.error({ err: error, tenant: tenant.code }, 'Daily digest failed')
    }
  }
}

let timer: NodeJS.Timeout | null = null

export function startDailyDigests() {
  if (timer) return
  timer = setInterval(() => void sendDueDigests(), CHECK_INTERVAL_MS)
  timer.unref()
}
