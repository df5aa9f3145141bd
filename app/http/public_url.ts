import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'
import type Tenant from '#tenancy/tenant'
import { hostNameOf } from '#tenancy/tenant_resolver'

/**
 * An absolute link on the tenant's own host, for emails. The host name is the one the tenant
 * was resolved from (never an arbitrary Host header); only a numeric port is carried over.
 */
export function publicUrl({ request, tenant }: HttpContext, path: string) {
  const hostName = hostNameOf(request.header('host'))
  const name = tenant.hostNames.includes(hostName) ? hostName : tenant.hostNames[0]
  const port = (request.header('host') ?? '').match(/:(\d{1,5})$/)?.[1]
  const scheme = process.env.APP_URL_SCHEME ?? request.protocol()
  const defaultPort = scheme === 'https' ? '443' : '80'
  return `${scheme}://${name}${port && port !== defaultPort ? `:${port}` : ''}${path}`
}

/** The tenant's address for links sent outside a request (digests, pushes): no Host header to follow. */
export function tenantBaseUrl(tenant: Tenant) {
  const scheme = env.get('APP_URL_SCHEME') ?? 'http'
  const port = String(env.get('PUBLIC_PORT') ?? env.get('PORT'))
  const defaultPort = scheme === 'https' ? '443' : '80'
  return `${scheme}://${tenant.hostNames[0]}${port === defaultPort ? '' : `:${port}`}`
}
