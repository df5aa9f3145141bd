import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#tenancy/tenant_context'
import User from '#users/models/user'
import { createCitizen, createTenant, hostOf } from '#tests/helpers/tenants'

test.group('Tenant resolution from the Host header', () => {
  test('each tenant host shows its own portal home', async ({ client }) => {
    const first = await createTenant({ name: 'Tỉnh Thử Một' })
    const second = await createTenant({ name: 'Tỉnh Thử Hai' })

    const firstHome = await client.get('/').header('host', hostOf(first))
    firstHome.assertStatus(200)
    firstHome.assertTextIncludes('Tỉnh Thử Một')
    firstHome.assertTextIncludes(first.contact.agencyName)

    const secondHome = await client.get('/').header('host', `${hostOf(second)}:${process.env.PORT}`)
    secondHome.assertStatus(200)
    secondHome.assertTextIncludes('Tỉnh Thử Hai')
    assertNotIncludes(secondHome.text(), 'Tỉnh Thử Một')
  })

  test('an unknown host gets a Vietnamese 404 page and no tenant data', async ({ client, assert }) => {
    const known = await createTenant({ name: 'Tỉnh Không Lộ' })
    const response = await client.get('/').header('host', 'unknown.localhost')
    response.assertStatus(404)
    response.assertTextIncludes('Không tìm thấy trang')
    assert.notInclude(response.text(), 'Tỉnh Không Lộ')
    assert.notInclude(response.text(), known.contact.agencyName)
  })

  test('plain localhost lists the tenants with links to their portals', async ({ client }) => {
    const tenant = await createTenant({ name: 'Tỉnh Có Trong Danh Sách' })
    const response = await client.get('/').header('host', `localhost:${process.env.PORT}`)
    response.assertStatus(200)
    response.assertTextIncludes('Tỉnh Có Trong Danh Sách')
    response.assertTextIncludes(`http://${hostOf(tenant)}:${process.env.PORT}/`)
  })

  test('health endpoints answer on any host; ready checks the database', async ({ client }) => {
    const live = await client.get('/health/live').header('host', 'whatever.example')
    live.assertStatus(200)
    const ready = await client.get('/health/ready')
    ready.assertStatus(200)
    ready.assertBodyContains({ database: 'ok' })
  })
})

test.group('Tenant isolation in the database', () => {
  test('the scoped models only see the current tenant', async ({ assert }) => {
    const first = await createTenant()
    const second = await createTenant()
    const citizenOfFirst = await createCitizen(first)
    await createCitizen(second)

    const seenBySecond = await withTenant(second, () => User.query())
    assert.notInclude(
      seenBySecond.map((user) => user.id),
      citizenOfFirst.id
    )
    const found = await withTenant(second, () => User.find(citizenOfFirst.id))
    assert.isNull(found)
  })

  test('a raw query that forgets its tenant filter still sees only the current tenant (RLS)', async ({ assert }) => {
    const first = await createTenant()
    const second = await createTenant()
    await createCitizen(first)
    await createCitizen(second)

    const rows = await withTenant(first, ({ client }) => client.from('users').select('tenant_id'))
    assert.isAbove(rows.length, 0)
    assert.deepEqual([...new Set(rows.map((row) => Number(row.tenant_id)))], [first.id])
  })

  test('outside any tenant scope the app role sees no tenant-owned rows at all', async ({ assert }) => {
    const tenant = await createTenant()
    await createCitizen(tenant)
    const rows = await db.from('users').select('id')
    assert.lengthOf(rows, 0)
  })

  test('the database refuses a row pointing into another tenant (composite foreign key)', async ({ assert }) => {
    const first = await createTenant()
    const second = await createTenant()
    const officerOfFirst = await createCitizen(first)
    void officerOfFirst
    const departmentOfFirst = await withTenant(first, async ({ client }) => {
      const [agency] = await client.table('agencies').insert({ tenant_id: first.id, code: 'X1', name: 'A', created_at: new Date(), updated_at: new Date() }).returning('id')
      const [department] = await client.table('departments').insert({ tenant_id: first.id, agency_id: agency.id, name: 'D', created_at: new Date(), updated_at: new Date() }).returning('id')
      return department.id
    })

    await assert.rejects(() =>
      withTenant(second, () =>
        User.create({
          kind: 'officer',
          email: 'lan-sang@example.vn',
          fullName: 'Cán bộ lấn sang',
          password: 'x',
          roles: ['handler'],
          isActive: true,
          departmentId: departmentOfFirst,
        })
      )
    )
  })

  test('writing a record stamped with another tenant is refused', async ({ assert }) => {
    const first = await createTenant()
    const second = await createTenant()
    await assert.rejects(
      () =>
        withTenant(second, () =>
          User.create({ tenantId: first.id, kind: 'citizen', fullName: 'X', password: 'x', roles: [], isActive: true })
        ),
      /another tenant/
    )
  })
})

function assertNotIncludes(text: string, fragment: string) {
  if (text.includes(fragment)) throw new Error(`Expected the page not to include "${fragment}"`)
}
