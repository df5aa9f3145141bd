/*
 * What `npm start` shows on a fresh clone: the three demo portals on their host names and demo
 * accounts that can log in (the acceptance path of the foundation issue, over HTTP).
 */
import { test } from '@japa/runner'
import { ensureDemoData } from '#tests/helpers/demo'
import { DEMO_PASSWORD } from '#database/demo/demo_tenants'
import { clearRateLimits, submitLogin } from '#tests/helpers/accounts'

test.group('Demo data', (group) => {
  group.setup(async () => {
    await ensureDemoData()
  })
  group.each.setup(() => clearRateLimits())

  test('the three demo tenants answer on their own host names, and an unknown host gets 404', async ({ client }) => {
    const expectations = {
      'hanoi.localhost': 'Thành phố Hà Nội',
      'danang.localhost': 'Thành phố Đà Nẵng',
      'botuphap.localhost': 'Bộ Tư pháp',
    }
    for (const [host, name] of Object.entries(expectations)) {
      const home = await client.get('/').header('host', `${host}:3333`)
      home.assertStatus(200)
      home.assertTextIncludes(`<span class="brand-name">${name}</span>`)
    }
    const unknown = await client.get('/').header('host', 'unknown.localhost:3333')
    unknown.assertStatus(404)
    unknown.assertTextIncludes('Không tìm thấy trang')
  })

  test('PT-6.2 the demo officer and the demo citizen of Hà Nội log in with the demo password', async ({ client }) => {
    const officer = await submitLogin(client, 'hanoi.localhost', { account_name: 'quantri@hanoi.example.vn', password: DEMO_PASSWORD })
    officer.assertHeader('location', '/mot-cua')
    const citizen = await submitLogin(client, 'hanoi.localhost', { account_name: '001090012345', password: DEMO_PASSWORD })
    citizen.assertHeader('location', '/tai-khoan')
  })

  test('OS-1 OS-3 every demo procedure of every demo tenant has a current workflow', async ({ assert }) => {
    const { default: Tenant } = await import('#tenancy/tenant')
    const { withTenant } = await import('#tenancy/tenant_context')
    const { default: Procedure } = await import('#catalog/models/procedure')
    const { default: Workflow } = await import('#catalog/models/workflow')
    for (const tenant of await Tenant.query().whereIn('code', ['H26', 'H43', 'G12'])) {
      await withTenant(tenant, async () => {
        const procedures = await Procedure.query()
        assert.isAtLeast(procedures.length, 40, `${tenant.name} has too few procedures`)
        const current = await Workflow.query().where('isCurrent', true).whereNotNull('procedureId')
        assert.equal(current.length, procedures.length)
      })
    }
  })

  test('a demo account of Hà Nội is unknown on the Đà Nẵng portal', async ({ client, assert }) => {
    const { formError } = await import('#tests/helpers/forms')
    const response = await submitLogin(client, 'danang.localhost', { account_name: 'quantri@hanoi.example.vn', password: DEMO_PASSWORD })
    assert.equal(formError(response, 'login'), 'Tên đăng nhập hoặc mật khẩu không đúng.')
  })
})
