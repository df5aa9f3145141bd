import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { hostNameOf, tenantForHost } from '#tenancy/tenant_resolver'
import { withTenant } from '#tenancy/tenant_context'
import UnknownTenantException from '#exceptions/unknown_tenant_exception'
import type Tenant from '#tenancy/tenant'

/**
 * Resolves the tenant from the Host header and runs the rest of the request inside that
 * tenant's scope. An unknown host never falls back to another tenant.
 */
export default class TenantMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const tenant = await tenantForHost(hostNameOf(ctx.request.header('host')))
    if (!tenant) throw new UnknownTenantException()
    ctx.tenant = tenant
    ctx.view.share({ tenant })
    return withTenant(tenant, () => next())
  }
}

declare module '@adonisjs/core/http' {
  interface HttpContext {
    tenant: Tenant
  }
}
