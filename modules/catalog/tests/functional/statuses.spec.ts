import { test } from '@japa/runner'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import Status from '#catalog/models/status'
import { LEGAL_STATUSES, ensureLegalStatuses } from '#catalog/services/statuses'
import { createCitizen, createOfficer, createTenant, hostOf } from '#tests/helpers/tenants'
import { assertNotFoundAcrossTenants, createIntruder } from '#tests/helpers/cross_tenant'
import { fieldErrors } from '#tests/helpers/forms'

/** The labels of Appendix I exactly as the ST table writes them. */
const APPENDIX_I_LABELS = [
  'Mới đăng ký',
  'Yêu cầu bổ sung giấy tờ',
  'Không được tiếp nhận',
  'Được tiếp nhận',
  'Đã bổ sung hồ sơ',
  'Đang xử lý',
  'Dừng xử lý',
  'Yêu cầu thực hiện nghĩa vụ tài chính',
  'Đã xử lý xong',
  'Đã trả kết quả',
]

async function tenantWithStatuses() {
  const tenant = await createTenant()
  await withTenant(tenant, () => ensureLegalStatuses())
  return tenant
}

function statusesOf(tenant: Tenant) {
  return withTenant(tenant, () => Status.query().orderBy('position'))
}

async function legalStatus(tenant: Tenant, code: string) {
  return withTenant(tenant, () => Status.findByOrFail('code', code))
}

async function ownStatus(tenant: Tenant, label = 'Chờ ký số') {
  return withTenant(tenant, () =>
    Status.create({ code: `rieng_${Math.random().toString(36).slice(2, 8)}`, label, isLegal: false, position: 50, description: '' })
  )
}

test.group('OS-4.1 ST legal statuses', () => {
  test('ST OS-4.1 every new tenant gets the Appendix I statuses with their exact labels and codes', async ({ assert }) => {
    const first = await createTenant()
    const second = await createTenant()
    assert.equal(await withTenant(first, () => ensureLegalStatuses()), 10)
    assert.equal(await withTenant(second, () => ensureLegalStatuses()), 10)

    for (const tenant of [first, second]) {
      const statuses = await statusesOf(tenant)
      assert.deepEqual(
        statuses.map((status) => status.label),
        APPENDIX_I_LABELS
      )
      assert.isTrue(statuses.every((status) => status.isLegal))
      for (const status of statuses) assert.equal(status.label, status.label.normalize('NFC'))
    }
    const codes = Object.fromEntries((await statusesOf(first)).map((status) => [status.code, status.nationalCode]))
    assert.deepEqual(codes, {
      moi_dang_ky: '1',
      yeu_cau_bo_sung_giay_to: '5',
      khong_duoc_tiep_nhan: '3',
      duoc_tiep_nhan: '2',
      da_bo_sung_ho_so: null,
      dang_xu_ly: '4',
      dung_xu_ly: '8',
      yeu_cau_thuc_hien_nghia_vu_tai_chinh: '6',
      da_xu_ly_xong: '9',
      da_tra_ket_qua: '10',
    })
    // Each tenant has its own rows.
    const firstIds = (await statusesOf(first)).map((status) => status.id)
    const secondIds = (await statusesOf(second)).map((status) => status.id)
    assert.lengthOf(firstIds.filter((id) => secondIds.includes(id)), 0)
  })

  test('ST OS-4.1 ensureLegalStatuses is idempotent and only adds what is missing', async ({ assert }) => {
    const tenant = await tenantWithStatuses()
    await ownStatus(tenant)
    assert.equal(await withTenant(tenant, () => ensureLegalStatuses()), 0)
    assert.lengthOf(await statusesOf(tenant), 11)
    assert.deepEqual(
      LEGAL_STATUSES.map((status) => status.label),
      APPENDIX_I_LABELS
    )
  })

  test('OS-4.1 the database itself refuses to rename or delete a legal status', async ({ assert }) => {
    const tenant = await tenantWithStatuses()
    const status = await legalStatus(tenant, 'dang_xu_ly')
    await assert.rejects(() =>
      withTenant(tenant, async () => {
        status.label = 'Đang giải quyết'
        await status.save()
      })
    )
    await assert.rejects(() => withTenant(tenant, () => Status.query().where('code', 'da_tra_ket_qua').delete()))
    const after = await legalStatus(tenant, 'dang_xu_ly')
    assert.equal(after.label, 'Đang xử lý')
    assert.lengthOf(await statusesOf(tenant), 10)
  })
})

test.group('OS-4.1 statuses admin screen', () => {
  test('OS-4.1 /quan-tri/trang-thai lists the legal statuses, locked, and the tenant own ones', async ({ client, assert }) => {
    const tenant = await tenantWithStatuses()
    const own = await ownStatus(tenant, 'Chờ ký số')
    const admin = await createOfficer(tenant, ['admin'])
    const page = await client.get('/quan-tri/trang-thai').header('host', hostOf(tenant)).loginAs(admin)
    page.assertStatus(200)
    for (const label of APPENDIX_I_LABELS) page.assertTextIncludes(label)
    page.assertTextIncludes('Theo quy định (Phụ lục I)')
    page.assertTextIncludes('Không được sửa, xoá')
    page.assertTextIncludes(`href="/quan-tri/trang-thai/${own.id}/sua"`)
    const legal = await legalStatus(tenant, 'moi_dang_ky')
    assert.notInclude(page.text(), `href="/quan-tri/trang-thai/${legal.id}/sua"`)
  })

  test('OS-4.1 an admin adds, edits and deletes a status of the tenant', async ({ client, assert }) => {
    const tenant = await tenantWithStatuses()
    const admin = await createOfficer(tenant, ['admin'])
    const post = (path: string, form: Record<string, unknown>) =>
      client.post(path).header('host', hostOf(tenant)).loginAs(admin).withCsrfToken().form(form).redirects(0)

    const created = await post('/quan-tri/trang-thai', {
      code: 'Cho_Ky_So',
      label: 'Chờ ký số',
      national_code: '',
      description: 'Hồ sơ chờ lãnh đạo ký số',
    })
    created.assertStatus(303)
    created.assertHeader('location', '/quan-tri/trang-thai')
    const status = await withTenant(tenant, () => Status.findByOrFail('code', 'cho_ky_so'))
    assert.isFalse(status.isLegal)
    assert.equal(status.label, 'Chờ ký số')
    assert.equal(status.position, 11)

    // A look-alike of a legal label, or a code already used, is refused.
    const lookAlike = await post('/quan-tri/trang-thai', { code: 'tra_ket_qua_2', label: 'đã trả kết quả' })
    lookAlike.assertStatus(302)
    assert.include(fieldErrors(lookAlike, 'label'), 'Đã có trạng thái với tên này.')
    const sameCode = await post('/quan-tri/trang-thai', { code: 'moi_dang_ky', label: 'Mới' })
    assert.include(fieldErrors(sameCode, 'code'), 'Mã này đã được dùng.')

    const edit = await client.get(`/quan-tri/trang-thai/${status.id}/sua`).header('host', hostOf(tenant)).loginAs(admin)
    edit.assertStatus(200)
    edit.assertTextIncludes('value="Chờ ký số"')

    const updated = await post(`/quan-tri/trang-thai/${status.id}`, { label: 'Chờ lãnh đạo ký số', national_code: '4' })
    updated.assertStatus(303)
    const afterUpdate = await withTenant(tenant, () => Status.findOrFail(status.id))
    assert.equal(afterUpdate.label, 'Chờ lãnh đạo ký số')
    assert.equal(afterUpdate.nationalCode, '4')
    assert.equal(afterUpdate.code, 'cho_ky_so')

    const deleted = await post(`/quan-tri/trang-thai/${status.id}/xoa`, {})
    deleted.assertStatus(303)
    assert.isNull(await withTenant(tenant, () => Status.find(status.id)))
    assert.lengthOf(await statusesOf(tenant), 10)
  })

  test('OS-4.1 renaming or deleting a legal status is refused with 403 in Vietnamese and changes nothing', async ({
    client,
    assert,
  }) => {
    const tenant = await tenantWithStatuses()
    const admin = await createOfficer(tenant, ['admin'])
    const legal = await legalStatus(tenant, 'da_tra_ket_qua')
    const send = (method: 'get' | 'post', path: string, form: Record<string, unknown> = {}) => {
      const request = client[method](path).header('host', hostOf(tenant)).loginAs(admin).redirects(0)
      if (method === 'post') request.withCsrfToken().form(form)
      return request
    }

    const edit = await send('get', `/quan-tri/trang-thai/${legal.id}/sua`)
    edit.assertStatus(403)
    edit.assertTextIncludes('không được đổi tên hoặc xoá')

    const rename = await send('post', `/quan-tri/trang-thai/${legal.id}`, { label: 'Đã trả', national_code: '99' })
    rename.assertStatus(403)
    rename.assertTextIncludes('Trạng thái &quot;Đã trả kết quả&quot; thuộc danh mục trạng thái theo Phụ lục I')

    const remove = await send('post', `/quan-tri/trang-thai/${legal.id}/xoa`)
    remove.assertStatus(403)
    remove.assertTextIncludes('Không có thay đổi nào được lưu.')

    const after = await legalStatus(tenant, 'da_tra_ket_qua')
    assert.equal(after.label, 'Đã trả kết quả')
    assert.equal(after.nationalCode, '10')
    assert.equal(after.updatedAt.toMillis(), legal.updatedAt.toMillis())
    assert.lengthOf(await statusesOf(tenant), 10)
  })

  test('OS-4.1 a non-admin officer and a citizen get 403 on every status route', async ({ client, assert }) => {
    const tenant = await tenantWithStatuses()
    const own = await ownStatus(tenant, 'Chờ ký số')
    const handler = await createOfficer(tenant, ['handler', 'receptionist'])
    const citizen = await createCitizen(tenant)
    const routes = [
      { method: 'get' as const, path: '/quan-tri/trang-thai' },
      { method: 'post' as const, path: '/quan-tri/trang-thai', form: { code: 'moi_them', label: 'Mới thêm' } },
      { method: 'get' as const, path: `/quan-tri/trang-thai/${own.id}/sua` },
      { method: 'post' as const, path: `/quan-tri/trang-thai/${own.id}`, form: { label: 'Đổi tên' } },
      { method: 'post' as const, path: `/quan-tri/trang-thai/${own.id}/xoa` },
    ]
    for (const user of [handler, citizen]) {
      for (const route of routes) {
        const request = client[route.method](route.path).header('host', hostOf(tenant)).loginAs(user).redirects(0)
        if (route.method === 'post') request.withCsrfToken().form(route.form ?? {})
        const response = await request
        assert.equal(response.status(), 403, `${route.method.toUpperCase()} ${route.path} as ${user.kind}`)
      }
    }
    const after = await withTenant(tenant, () => Status.findOrFail(own.id))
    assert.equal(after.label, 'Chờ ký số')
    assert.lengthOf(await statusesOf(tenant), 11)
  })

  test('OS-4.1 every status route with an id answers 404 for a status of another tenant', async ({ client, assert }) => {
    const owner = await tenantWithStatuses()
    const own = await ownStatus(owner, 'Chờ ký số')
    const legal = await legalStatus(owner, 'moi_dang_ky')
    const intruder = await createIntruder()
    await withTenant(intruder.tenant, () => ensureLegalStatuses())
    const routes = [
      { method: 'get' as const, path: (id: number) => `/quan-tri/trang-thai/${id}/sua` },
      { method: 'post' as const, path: (id: number) => `/quan-tri/trang-thai/${id}`, form: { label: 'Tên mới của kẻ lạ' } },
      { method: 'post' as const, path: (id: number) => `/quan-tri/trang-thai/${id}/xoa` },
    ]
    for (const status of [own, legal]) {
      for (const route of routes) {
        await assertNotFoundAcrossTenants(client, { ...route, owner, id: status.id, intruder })
      }
    }
    const after = await withTenant(owner, () => Status.findOrFail(own.id))
    assert.equal(after.label, 'Chờ ký số')
    assert.lengthOf(await statusesOf(owner), 11)
  })
})
