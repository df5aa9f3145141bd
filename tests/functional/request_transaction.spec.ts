/*
 * The request's tenant transaction: AdonisJS renders an exception into a response before the
 * middleware's next() returns, so the tenant middleware decides from the status whether the
 * request's writes stand.
 */
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import TenantMiddleware from '#middleware/tenant_middleware'
import { withTenant } from '#tenancy/tenant_context'
import { createTenant, hostOf } from '#tests/helpers/tenants'
import { queueEmail } from '#integration/index'
import OutboxMessage from '#integration/outbox/outbox_message'

async function requestThat(tenant: Awaited<ReturnType<typeof createTenant>>, status: number) {
  const ctx = await testUtils.createHttpContext()
  ctx.request.request.headers.host = hostOf(tenant)
  await new TenantMiddleware().handle(ctx, async () => {
    await queueEmail({ to: `giao-dich-${status}@example.vn`, subject: 'Thử', text: 'Thử' })
    // What the error responder does with an unexpected exception, or a controller with a refusal.
    ctx.response.status(status)
  })
  return withTenant(tenant, () => OutboxMessage.query().where('recipient', `giao-dich-${status}@example.vn`))
}

test.group('The request transaction', () => {
  test('a request that ends in a server error leaves nothing half-written', async ({ assert }) => {
    const tenant = await createTenant()
    assert.lengthOf(await requestThat(tenant, 500), 0)
  })

  test('a refused request (4xx) and a successful one keep what they wrote', async ({ assert }) => {
    const tenant = await createTenant()
    assert.lengthOf(await requestThat(tenant, 422), 1)
    assert.lengthOf(await requestThat(tenant, 200), 1)
  })
})
