import { test } from '@japa/runner'
import Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import SlipTemplate from '#catalog/models/slip_template'
import { SLIP_DEFAULTS, ensureDefaultSlipTemplates } from '#catalog/services/slip_defaults'
import { currentSlipSet, slipTemplateFor } from '#catalog/services/slip_templates'
import { createCitizen, createOfficer, createTenant, hostOf } from '#tests/helpers/tenants'
import { assertNotFoundAcrossTenants, createIntruder } from '#tests/helpers/cross_tenant'
import { fieldErrors } from '#tests/helpers/forms'
import { addProcedure } from '#catalog/tests/fixtures/procedures'

async function tenantWithSlips() {
  const tenant = await createTenant()
  await withTenant(tenant, () => ensureDefaultSlipTemplates())
  return tenant
}

function slipOf(tenant: Tenant, set: '2018' | '2025', kind: string) {
  return withTenant(tenant, () => SlipTemplate.query().where('slip_set', set).where('kind', kind).firstOrFail())
}

function slipsOf(tenant: Tenant) {
  return withTenant(tenant, () => SlipTemplate.query().orderBy('id'))
}

async function reloadTenant(tenant: Tenant) {
  return Tenant.findOrFail(tenant.id)
}

test.group('OS-2.5 default slips', () => {
  test('OS-2.5 ensureDefaultSlipTemplates gives every tenant the 6 slips of 2018 and the 7 of 2025, idempotently', async ({
    assert,
  }) => {
    const tenant = await createTenant()
    assert.equal(await withTenant(tenant, () => ensureDefaultSlipTemplates()), 6 + 7 + 1)
    assert.equal(await withTenant(tenant, () => ensureDefaultSlipTemplates()), 0)

    const rows = await slipsOf(tenant)
    const kindsOf = (set: string) =>
      rows
        .filter((row) => row.slipSet === set)
        .map((row) => row.kind)
        .sort()
    assert.deepEqual(kindsOf('2018'), ['apology', 'process_control', 'receipt', 'refusal', 'supplement_request', 'tracking_book'])
    assert.deepEqual(kindsOf('2025'), [
      'apology',
      'process_control',
      'receipt',
      'refusal',
      'stop_notice',
      'supplement_request',
      'tracking_book',
    ])
    assert.lengthOf(
      rows.filter((row) => row.kind === 'result' && row.procedureId === null),
      1
    )
    assert.isTrue(rows.every((row) => row.isDefault))
    const stop = rows.find((row) => row.slipSet === '2025' && row.kind === 'stop_notice')!
    assert.equal(stop.title, 'Thông báo dừng giải quyết hồ sơ')
    assert.include(stop.body, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')

    // An edited slip survives a later run.
    const receipt = rows.find((row) => row.slipSet === '2018' && row.kind === 'receipt')!
    await withTenant(tenant, async () => {
      receipt.merge({ body: 'Mã hồ sơ: {{ma_ho_so}}', isDefault: false })
      await receipt.save()
    })
    assert.equal(await withTenant(tenant, () => ensureDefaultSlipTemplates()), 0)
    assert.equal((await slipOf(tenant, '2018', 'receipt')).body, 'Mã hồ sơ: {{ma_ho_so}}')
  })

  test('OS-2.5 the set defaults to 2018 and the database refuses a stop notice in the 2018 set', async ({ assert }) => {
    const tenant = await tenantWithSlips()
    assert.equal(await withTenant(tenant, async () => currentSlipSet()), '2018')
    await assert.rejects(() =>
      withTenant(tenant, () => SlipTemplate.create({ slipSet: '2018', kind: 'stop_notice', title: 'X', body: 'Y', isDefault: false }))
    )
    // Printing asks for a kind in the tenant's set.
    assert.isNull(await withTenant(tenant, () => slipTemplateFor('stop_notice')))
    const receipt = await withTenant(tenant, () => slipTemplateFor('receipt'))
    assert.equal(receipt?.title, SLIP_DEFAULTS['2018'][0].title)
  })
})

test.group('OS-2.5 slip admin screens', () => {
  test('OS-2.5 the list shows the slips of the tenant set and switching to 2025 shows seven', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    // The first visit seeds the defaults of a tenant that has none yet.
    const page = await client.get('/quan-tri/mau-phieu').header('host', hostOf(tenant)).loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes('Các mẫu phiếu theo Thông tư số 01/2018/TT-VPCP')
    for (const slip of SLIP_DEFAULTS['2018']) page.assertTextIncludes(slip.title)
    assert.notInclude(page.text(), '<th scope="row">Thông báo dừng giải quyết hồ sơ</th>')

    const switched = await client
      .post('/quan-tri/mau-phieu/bo-mau')
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form({ slip_set: '2025' })
      .redirects(0)
    switched.assertStatus(303)
    switched.assertHeader('location', '/quan-tri/mau-phieu')
    const reloaded = await reloadTenant(tenant)
    assert.equal(reloaded.settings.slipSet, '2025')
    assert.equal(await withTenant(reloaded, async () => currentSlipSet()), '2025')

    const after = await client.get('/quan-tri/mau-phieu').header('host', hostOf(tenant)).loginAs(admin)
    after.assertStatus(200)
    after.assertTextIncludes('Các mẫu phiếu theo Thông tư số 03/2025/TT-VPCP')
    for (const slip of SLIP_DEFAULTS['2025']) after.assertTextIncludes(`<th scope="row">${slip.title}</th>`)
    assert.equal((after.text().match(/\/xem-truoc"/g) ?? []).length, 7 + 1)

    const refused = await client
      .post('/quan-tri/mau-phieu/bo-mau')
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form({ slip_set: '2019' })
      .redirects(0)
    refused.assertStatus(302)
    assert.include(fieldErrors(refused, 'slip_set')[0], 'Thông tư 01/2018/TT-VPCP hoặc Thông tư 03/2025/TT-VPCP')
    assert.equal((await reloadTenant(tenant)).settings.slipSet, '2025')

    // OS-12.1: one tracking book per sector is chosen on the same form, and unticked again.
    const saveSet = (form: Record<string, string>) =>
      client.post('/quan-tri/mau-phieu/bo-mau').header('host', hostOf(tenant)).loginAs(admin).withCsrfToken().form(form).redirects(0)
    ;(await saveSet({ slip_set: '2025', tracking_book_by_sector: 'true' })).assertStatus(303)
    assert.deepInclude((await reloadTenant(tenant)).settings, { slipSet: '2025', trackingBookBySector: true })
    const ticked = await client.get('/quan-tri/mau-phieu').header('host', hostOf(tenant)).loginAs(admin)
    assert.match(ticked.text(), /<input type="checkbox" id="tracking-book-by-sector"[^>]*checked/)
    ;(await saveSet({ slip_set: '2025' })).assertStatus(303)
    assert.deepInclude((await reloadTenant(tenant)).settings, { slipSet: '2025', trackingBookBySector: false })
  })

  test('OS-2.5 an editor edits a slip, previews it with sample data, then resets it', async ({ client, assert }) => {
    const tenant = await tenantWithSlips()
    const editor = await createOfficer(tenant, ['editor'])
    const slip = await slipOf(tenant, '2018', 'refusal')
    const send = (method: 'get' | 'post', path: string, form: Record<string, unknown> = {}) => {
      const request = client[method](path).header('host', hostOf(tenant)).loginAs(editor).redirects(0)
      if (method === 'post') request.withCsrfToken().form(form)
      return request
    }

    const edit = await send('get', `/quan-tri/mau-phieu/${slip.id}/sua`)
    edit.assertStatus(200)
    edit.assertTextIncludes('value="Phiếu từ chối tiếp nhận giải quyết hồ sơ"')
    edit.assertTextIncludes('{{ma_ho_so}}')
    edit.assertTextIncludes('Các trường thay thế được phép')

    const body = '# PHIẾU TỪ CHỐI\nNgười nộp: {{ nguoi_nop }}\nLý do: {{ly_do}}'
    const saved = await send('post', `/quan-tri/mau-phieu/${slip.id}`, { title: 'Phiếu từ chối (mẫu riêng)', body })
    saved.assertStatus(303)
    saved.assertHeader('location', '/quan-tri/mau-phieu')
    const edited = await slipOf(tenant, '2018', 'refusal')
    assert.equal(edited.title, 'Phiếu từ chối (mẫu riêng)')
    assert.equal(edited.body, body)
    assert.isFalse(edited.isDefault)
    assert.equal(edited.updatedBy, editor.id)

    const preview = await send('get', `/quan-tri/mau-phieu/${slip.id}/xem-truoc`)
    preview.assertStatus(200)
    preview.assertTextIncludes('<h1 class="slip-title">PHIẾU TỪ CHỐI</h1>')
    preview.assertTextIncludes('Người nộp: Nguyễn Văn An')
    preview.assertTextIncludes('<link rel="stylesheet" href="/quan-tri/mau-phieu/phieu-in.css">')
    const stylesheet = await send('get', '/quan-tri/mau-phieu/phieu-in.css')
    stylesheet.assertStatus(200)
    assert.include(String(stylesheet.header('content-type')), 'text/css')
    assert.include(stylesheet.text(), 'size: A4')

    const reset = await send('post', `/quan-tri/mau-phieu/${slip.id}/khoi-phuc`)
    reset.assertStatus(303)
    const restored = await slipOf(tenant, '2018', 'refusal')
    const original = SLIP_DEFAULTS['2018'].find((entry) => entry.kind === 'refusal')!
    assert.equal(restored.title, original.title)
    assert.equal(restored.body, original.body)
    assert.isTrue(restored.isDefault)
  })

  test('OS-2.5 an unknown placeholder is refused with a Vietnamese message naming it, and nothing is stored', async ({
    client,
    assert,
  }) => {
    const tenant = await tenantWithSlips()
    const admin = await createOfficer(tenant, ['admin'])
    const slip = await slipOf(tenant, '2018', 'receipt')
    const response = await client
      .post(`/quan-tri/mau-phieu/${slip.id}`)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form({ title: 'Giấy tiếp nhận', body: 'Mã: {{ma_ho_so}} {{ten_cong_dan}} {{ process.exit() }}' })
      .redirects(0)
    response.assertStatus(302)
    assert.deepEqual(fieldErrors(response, 'body'), [
      'Mẫu có trường thay thế không được hỗ trợ: {{ten_cong_dan}}, {{process.exit()}}. Chỉ dùng các trường trong bảng bên dưới; mẫu chưa được lưu.',
    ])
    const after = await slipOf(tenant, '2018', 'receipt')
    assert.equal(after.body, slip.body)
    assert.equal(after.title, slip.title)
    assert.isTrue(after.isDefault)
    assert.equal(after.updatedAt.toMillis(), slip.updatedAt.toMillis())
  })

  test('OS-12 the preview escapes a <script> put in the template text', async ({ client }) => {
    const tenant = await tenantWithSlips()
    const admin = await createOfficer(tenant, ['admin'])
    const slip = await slipOf(tenant, '2025', 'stop_notice')
    await withTenant(tenant, async () => {
      slip.merge({ body: '<script>alert(1)</script> {{ma_ho_so}}', isDefault: false })
      await slip.save()
    })
    const preview = await client.get(`/quan-tri/mau-phieu/${slip.id}/xem-truoc`).header('host', hostOf(tenant)).loginAs(admin)
    preview.assertStatus(200)
    preview.assertTextIncludes('&lt;script&gt;alert(1)&lt;/script&gt; 000.00.01.H26-250312-0001')
  })

  test('OS-2.5 a non-editor officer and a citizen get 403 on every slip route', async ({ client, assert }) => {
    const tenant = await tenantWithSlips()
    const slip = await slipOf(tenant, '2018', 'receipt')
    const handler = await createOfficer(tenant, ['handler', 'receptionist'])
    const citizen = await createCitizen(tenant)
    const routes = [
      { method: 'get' as const, path: '/quan-tri/mau-phieu' },
      { method: 'post' as const, path: '/quan-tri/mau-phieu/bo-mau', form: { slip_set: '2025' } },
      { method: 'get' as const, path: `/quan-tri/mau-phieu/${slip.id}/sua` },
      { method: 'post' as const, path: `/quan-tri/mau-phieu/${slip.id}`, form: { title: 'Đổi', body: 'Đổi {{ma_ho_so}}' } },
      { method: 'get' as const, path: `/quan-tri/mau-phieu/${slip.id}/xem-truoc` },
      { method: 'post' as const, path: `/quan-tri/mau-phieu/${slip.id}/khoi-phuc` },
      { method: 'post' as const, path: '/quan-tri/mau-phieu/ket-qua', form: { procedure_id: 1 } },
    ]
    for (const user of [handler, citizen]) {
      for (const route of routes) {
        const request = client[route.method](route.path).header('host', hostOf(tenant)).loginAs(user).redirects(0)
        if (route.method === 'post') request.withCsrfToken().form(route.form ?? {})
        const response = await request
        assert.equal(response.status(), 403, `${route.method.toUpperCase()} ${route.path} as ${user.kind}`)
      }
    }
    const after = await slipOf(tenant, '2018', 'receipt')
    assert.equal(after.body, slip.body)
    assert.isUndefined((await reloadTenant(tenant)).settings.slipSet)
  })

  test('OS-2.5 every slip route with an id answers 404 for a slip of another tenant', async ({ client, assert }) => {
    const owner = await tenantWithSlips()
    const intruder = await createIntruder()
    await withTenant(intruder.tenant, () => ensureDefaultSlipTemplates())
    const receipt = await slipOf(owner, '2018', 'receipt')
    const result = await withTenant(owner, () => SlipTemplate.query().where('kind', 'result').firstOrFail())
    const routes = [
      { method: 'get' as const, path: (id: number) => `/quan-tri/mau-phieu/${id}/sua` },
      {
        method: 'post' as const,
        path: (id: number) => `/quan-tri/mau-phieu/${id}`,
        form: { title: 'Mẫu của kẻ lạ', body: 'Mã: {{ma_ho_so}}' },
      },
      { method: 'get' as const, path: (id: number) => `/quan-tri/mau-phieu/${id}/xem-truoc` },
      { method: 'post' as const, path: (id: number) => `/quan-tri/mau-phieu/${id}/khoi-phuc` },
    ]
    for (const slip of [receipt, result]) {
      for (const route of routes) {
        await assertNotFoundAcrossTenants(client, { ...route, owner, id: slip.id, intruder })
      }
    }
    const after = await slipOf(owner, '2018', 'receipt')
    assert.equal(after.body, receipt.body)
    assert.equal(after.updatedAt.toMillis(), receipt.updatedAt.toMillis())
  })

  test('OS-2.5 a procedure gets its own result template from the shared one; another tenant procedure is not found', async ({
    client,
    assert,
  }) => {
    const tenant = await tenantWithSlips()
    const admin = await createOfficer(tenant, ['admin'])
    const procedure = await addProcedure(tenant)
    const page = await client.get('/quan-tri/mau-phieu').header('host', hostOf(tenant)).loginAs(admin)
    page.assertTextIncludes(`<option value="${procedure.id}"`)

    const created = await client
      .post('/quan-tri/mau-phieu/ket-qua')
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form({ procedure_id: procedure.id })
      .redirects(0)
    created.assertStatus(303)
    const own = await withTenant(tenant, () =>
      SlipTemplate.query().where('kind', 'result').where('procedure_id', procedure.id).firstOrFail()
    )
    created.assertHeader('location', `/quan-tri/mau-phieu/${own.id}/sua`)
    assert.isNull(own.slipSet)
    assert.include(own.body, '{{ten_ket_qua}}')
    const printed = await withTenant(tenant, () => slipTemplateFor('result', { procedureId: procedure.id }))
    assert.equal(printed?.body, own.body)

    const intruder = await createIntruder()
    await assertNotFoundAcrossTenants(client, {
      method: 'post',
      path: () => '/quan-tri/mau-phieu/ket-qua',
      form: { procedure_id: procedure.id },
      owner: tenant,
      id: procedure.id,
      intruder,
    })
    const results = await withTenant(intruder.tenant, () => SlipTemplate.query().where('kind', 'result'))
    assert.lengthOf(results, 0)
  })
})
