/*
 * The current tenant and the database transaction that carries it. Every tenant-owned query runs
 * inside such a transaction: it sets `app.tenant_id` for PostgreSQL's row-level security, so even
 * a query that forgets its scope sees only the current tenant's rows.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Exception } from '@adonisjs/core/exceptions'
import type Tenant from '#tenancy/tenant'

export interface TenantScope {
  tenant: Tenant
  client: TransactionClientContract
}

const storage = new AsyncLocalStorage<TenantScope>()

export function currentTenantScope(): TenantScope | undefined {
  return storage.getStore()
}

export function requireTenantScope(): TenantScope {
  const scope = storage.getStore()
  if (!scope) {
    throw new Exception('A tenant-owned record was used outside a tenant scope', {
      code: 'E_TENANT_SCOPE_MISSING',
      status: 500,
    })
  }
  return scope
}

/**
 * Runs `work` with no tenant scope, e.g. to start a timer or a callback that must not inherit the
 * scope (and the transaction, soon finished) of the request that created it.
 */
export function outsideTenantScope<T>(work: () => T): T {
  return storage.exit(work)
}

/** Runs `work` as `tenant`, in one transaction; nested calls for the same tenant reuse it. */
export async function withTenant<T>(tenant: Tenant, work: (scope: TenantScope) => Promise<T>): Promise<T> {
  const outer = storage.getStore()
  if (outer && outer.tenant.id === tenant.id) return work(outer)

  return db.transaction(async (client) => {
    await client.rawQuery(`select set_config('app.tenant_id', ?, true)`, [String(tenant.id)])
    const scope = { tenant, client }
    return storage.run(scope, () => work(scope))
  })
}
