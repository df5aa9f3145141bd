import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { hostNameOf, tenantForHost } from '#tenancy/tenant_resolver'
import { withTenant } from '#tenancy/tenant_context'
import UnknownTenantException from '#exceptions/unknown_tenant_exception'
import type Tenant from '#tenancy/tenant'

/** Thrown inside the request's transaction only to roll it back; never leaves the middleware. */
class FailedRequest extends Error {}

/**
 * Resolves the tenant from the Host header and runs the rest of the request inside that
 * tenant's scope, in one transaction. An unknown host never falls back to another tenant.
 *
 * AdonisJS turns an exception into its error response before `next()` returns, so the
 * transaction would commit what the request wrote before failing. A request that ends in a
 * server error (5xx) therefore rolls back: a crash half-way through an action leaves nothing
 * half-written. Refusals (4xx) are decided before anything is written and keep their writes
 * (a failed-attempt counter, for instance).
 */
export default class TenantMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const tenant = await tenantForHost(hostNameOf(ctx.request.header('host')))
    if (!tenant) throw new UnknownTenantException()
    ctx.tenant = tenant
    ctx.view.share({ tenant })
    try {
      await withTenant(tenant, async () => {
        await next()
        if (ctx.response.getStatus() >= 500) throw new FailedRequest()
      })
    } catch (error) {
      if (!(error instanceof FailedRequest)) throw error
    }
  }
}

declare module '@adonisjs/core/http' {
  interface HttpContext {
    tenant: Tenant
  }
}
