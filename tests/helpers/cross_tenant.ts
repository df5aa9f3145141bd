/*
 * Cross-tenant checks for any route that takes a record id. Two ways in are tried:
 *  1. an admin of tenant B, on B's own host, asks for tenant A's record id: it must not exist
 *     there (404), whatever the action;
 *  2. the same admin takes their session to tenant A's host: it names nobody there, so they are
 *     not logged in and are sent to the login page (nothing runs).
 * The caller checks afterwards that the record itself is unchanged.
 */
import type { ApiClient, ApiRequest } from '@japa/api-client'
import type Tenant from '#tenancy/tenant'
import type User from '#users/models/user'
import { createOfficer, createTenant, hostOf } from '#tests/helpers/tenants'

export interface CrossTenantRoute {
  method: 'get' | 'post'
  /** The route's path for a record id, e.g. (id) => `/quan-tri/can-bo/${id}/sua`. */
  path: (id: number) => string
  /** Body of a POST, valid apart from the id (so a 404 cannot be mistaken for a refused form). */
  form?: Record<string, unknown>
}

export interface Intruder {
  tenant: Tenant
  user: User
}

/** An admin of a tenant of their own, to try the routes of another tenant with. */
export async function createIntruder(): Promise<Intruder> {
  const tenant = await createTenant()
  return { tenant, user: await createOfficer(tenant, ['admin']) }
}

function send(client: ApiClient, route: CrossTenantRoute, id: number, host: string, user: User): ApiRequest {
  const request = client[route.method](route.path(id)).header('host', host).loginAs(user).redirects(0)
  if (route.method === 'post') request.withCsrfToken().form(route.form ?? {})
  return request
}

/**
 * Asserts that `route`, called with the id of `record` (owned by `owner`), answers 404 to an
 * admin of another tenant and does not let that admin's session in on the owner's host.
 */
export async function assertNotFoundAcrossTenants(
  client: ApiClient,
  route: CrossTenantRoute & { owner: Tenant; id: number; intruder?: Intruder }
) {
  const intruder = route.intruder ?? (await createIntruder())
  const label = `${route.method.toUpperCase()} ${route.path(route.id)}`

  const onOwnHost = await send(client, route, route.id, hostOf(intruder.tenant), intruder.user)
  if (onOwnHost.status() !== 404) {
    throw new Error(`${label} by an admin of another tenant answered ${onOwnHost.status()}, expected 404`)
  }

  const onOwnersHost = await send(client, route, route.id, hostOf(route.owner), intruder.user)
  const location = String(onOwnersHost.header('location') ?? '')
  if (onOwnersHost.status() !== 302 || !location.startsWith('/dang-nhap')) {
    throw new Error(
      `${label} on the owner's host with another tenant's session answered ${onOwnersHost.status()} ` +
        `(location ${location || 'none'}), expected a redirect to the login page`
    )
  }
}
