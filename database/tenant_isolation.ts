/*
 * Row-level security for tenant-owned tables, the safety net under the scoped adapter. FORCE
 * because the app role owns the tables; the policy reads the transaction-local `app.tenant_id`
 * that withTenant() sets, so a connection outside a tenant scope sees no rows at all.
 */
import type { BaseSchema } from '@adonisjs/lucid/schema'

export function isolateByTenant(migration: BaseSchema, table: string) {
  migration.schema.raw(`alter table ${table} enable row level security`)
  migration.schema.raw(`alter table ${table} force row level security`)
  migration.schema.raw(
    `create policy tenant_isolation on ${table}
       using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::bigint)
       with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::bigint)`
  )
}
