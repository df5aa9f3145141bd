/*
 * PT-7.1, PT-2.1, OL-5: the guidance pages (how to apply online, the service levels), reached
 * from the home page, every page's footer and the site map; PT-10: the home page lists the
 * agencies providing services, each a link to its services.
 */
import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import { Agency } from '#users/index'
import { createTenant, hostOf } from '#tests/helpers/tenants'
import { addProcedure } from '#catalog/tests/fixtures/procedures'

test.group('PT-7.1 OL-5 guidance pages', () => {
  test('PT-7.1 how to apply online: the steps in order, and who to call for help', async ({ client, assert }) => {
    const tenant = await createTenant()
    const response = await client.get('/huong-dan').header('host', hostOf(tenant))
    response.assertStatus(200)
    const page = response.text()
    assert.include(page, '<h1>Hướng dẫn nộp hồ sơ trực tuyến</h1>')
    const steps = [
      'Tìm thủ tục cần làm',
      'Đăng ký tài khoản và đăng nhập',
      'Chuẩn bị giấy tờ',
      'Điền đơn và nộp hồ sơ',
      'Ghi lại mã hồ sơ',
      'Theo dõi hồ sơ',
      'Nhận kết quả và đánh giá',
    ]
    const positions = steps.map((step) => page.indexOf(`<h3>${step}</h3>`))
    assert.notInclude(positions, -1)
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b), 'the steps are in order')
    assert.include(page, tenant.contact.phone)
    assert.include(page, 'href="/huong-dan/muc-do-dich-vu"')
  })

  test('PT-2.1 OL-5 the levels page says what each level allows and links to its services', async ({ client, assert }) => {
    const tenant = await createTenant()
    const response = await client.get('/huong-dan/muc-do-dich-vu').header('host', hostOf(tenant))
    response.assertStatus(200)
    const page = response.text()
    for (const level of [1, 2, 3, 4]) {
      assert.include(page, `<h2 id="level-${level}-heading">Mức độ ${level}</h2>`)
      assert.include(page, `href="/dich-vu-cong?level=${level}"`)
    }
    assert.include(page, 'thanh toán phí, lệ phí trực tuyến')
    assert.include(page, 'toàn trình')
  })

  test('PT-7.1 the guides are linked from the home page, every page’s footer and the site map', async ({ client, assert }) => {
    const tenant = await createTenant()
    for (const path of ['/', '/tra-cuu', '/so-do-cong']) {
      const page = (await client.get(path).header('host', hostOf(tenant))).text()
      assert.include(page, 'href="/huong-dan"', `${path} links to the guide`)
      assert.include(page, 'href="/huong-dan/muc-do-dich-vu"', `${path} links to the levels`)
    }
  })

  test('PT-10 the home page lists the agencies providing services, each opening its services', async ({ client, assert }) => {
    const tenant = await createTenant()
    const procedure = await addProcedure(tenant, 'published')
    const { providing, idle } = await withTenant(tenant, async (scope) => {
      const created = {
        providing: await Agency.create({ code: 'G01', name: 'Sở Tư pháp' }),
        idle: await Agency.create({ code: 'G02', name: 'Sở Không Thủ Tục' }),
      }
      await procedure.related('agencies').attach({ [created.providing.id]: { tenant_id: scope.tenant.id } })
      return created
    })

    const page = (await client.get('/').header('host', hostOf(tenant))).text()
    assert.include(page, 'Tìm theo cơ quan')
    assert.include(page, `<a href="/dich-vu-cong?agency=${providing.id}">Sở Tư pháp</a>`)
    assert.notInclude(page, idle.name)

    const services = await client.get(`/dich-vu-cong?agency=${providing.id}`).header('host', hostOf(tenant))
    assert.include(services.text(), 'Đăng ký khai sinh')
  })
})
