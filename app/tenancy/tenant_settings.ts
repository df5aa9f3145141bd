/*
 * Writing the current tenant's settings (tenants.settings, a jsonb object that modules share:
 * slipSet, trackingBookBySector, reminderPush, counterAddress, …): each change merges or removes
 * its own keys in one statement and keeps everyone else's, and the tenant loaded for the
 * request sees it at once.
 */
import { requireTenantScope } from '#tenancy/tenant_context'

export async function mergeTenantSettings(values: Record<string, unknown>) {
  const { tenant, client } = requireTenantScope()
  await client
    .from('tenants')
    .where('id', tenant.id)
    .update({ settings: client.raw(`coalesce(settings, '{}'::jsonb) || ?::jsonb`, [JSON.stringify(values)]) })
  tenant.settings = { ...(tenant.settings ?? {}), ...values }
}

export async function removeTenantSetting(key: string) {
  const { tenant, client } = requireTenantScope()
  await client
    .from('tenants')
    .where('id', tenant.id)
    .update({ settings: client.raw(`coalesce(settings, '{}'::jsonb) - ?::text`, [key]) })
  const { [key]: _removed, ...kept } = tenant.settings ?? {}
  tenant.settings = kept
}
