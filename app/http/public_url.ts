import type { HttpContext } from '@adonisjs/core/http'
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
