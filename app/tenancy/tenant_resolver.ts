import Tenant from '#tenancy/tenant'

/** Host names that show the index of tenants instead of a tenant's portal. */
const PLATFORM_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

export function hostNameOf(hostHeader: string | undefined | null): string {
  const host = (hostHeader ?? '').trim().toLowerCase()
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1)
  return host.split(':')[0]
}

export function isPlatformHost(hostName: string): boolean {
  return PLATFORM_HOSTS.has(hostName)
}

export async function tenantForHost(hostName: string): Promise<Tenant | null> {
  if (!hostName) return null
  return Tenant.query().whereRaw('? = any(host_names)', [hostName]).first()
}
