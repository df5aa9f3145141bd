/*
 * The web server sweeps deadlines every hour for every tenant (issue 5 item 4), like the outbox
 * retries its messages; several app processes sweeping at once is harmless (each step and each
 * missed date is recorded once).
 */
import logger from '@adonisjs/core/services/logger'
import Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import { sweepDeadlines } from '#processing/services/deadline_sweep'

const SWEEP_INTERVAL_MS = 60 * 60 * 1000

/** Sweeps every tenant once; a tenant that fails is logged and the others still swept. */
export async function sweepAllTenants() {
  for (const tenant of await Tenant.query().orderBy('id')) {
    try {
      await withTenant(tenant, () => sweepDeadlines())
    } catch (error) {
      logger.error({ err: error, tenant: tenant.code }, 'Deadline sweep failed')
    }
  }
}

let timer: NodeJS.Timeout | null = null

export function startDeadlineSweeps() {
  if (timer) return
  timer = setInterval(() => void sweepAllTenants(), SWEEP_INTERVAL_MS)
  timer.unref()
}
