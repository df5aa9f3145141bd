import { test } from '@japa/runner'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import type User from '#users/models/user'
import Eform from '#catalog/models/eform'
import type Procedure from '#catalog/models/procedure'
import { createOfficer, createTenant, hostOf } from '#tests/helpers/tenants'
import { assertNotFoundAcrossTenants, createIntruder } from '#tests/helpers/cross_tenant'
import { fieldErrors } from '#tests/helpers/forms'
import { addProcedure } from '#catalog/tests/fixtures/procedures'

function versionsOf(tenant: Tenant, procedure: Procedure) {
  return withTenant(tenant, () => Eform.query().where('procedure_id', procedure.id).orderBy('version'))
}

function post(client: any, tenant: Tenant, user: User, path: string, form: Record<string, unknown> = {}) {
  return client.post(path).header('host', hostOf(tenant)).loginAs(user).withCsrfToken().redirects(0).form(form)
}

const definition = [
  { key: 'ho_ten', label: 'Họ và tên người yêu cầu', kind: 'text', required: true, prefill: 'full_name', help: 'Ghi bằng chữ in hoa, có dấu.' },
  { key: 'ngay_sinh', label: 'Ngày sinh', kind: 'date', required: true, prefill: 'date_of_birth' },
  { key: 'le_phi', label: 'Số tiền nộp', kind: 'money', required: false },
]

test.group('PT-1.1 PT-1.2 e-form editor', () => {
  test('PT-1.2 an admin builds the form field by field; each save is a new version and v1 is kept', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const procedure = await addProcedure(tenant)
    const base = `/quan-tri/thu-tuc/${procedure.id}/bieu-mau`

    const empty = await client.get(base).header('host', hostOf(tenant)).loginAs(admin)
    empty.assertStatus(200)
    assert.include(empty.text(), 'chưa có biểu mẫu điện tử')

    const form = await client.get(`${base}/truong/them?kind=text`).header('host', hostOf(tenant)).loginAs(admin)
    form.assertStatus(200)
    assert.include(form.text(), 'Thêm trường: Văn bản')

    const first = await post(client, tenant, admin, `${base}/truong?kind=text`, {
      kind: 'text',
      label: 'Họ và tên',
      key: 'ho_ten',
      help: 'Ghi đầy đủ, có dấu.',
      required: 'on',
      prefill: 'full_name',
      maxLength: '100',
    })
    first.assertStatus(303)
    first.assertHeader('location', base)

    const second = await post(client, tenant, admin, `${base}/truong?kind=choice`, {
      kind: 'choice',
      label: 'Giới tính',
      key: 'gioi_tinh',
      options: 'nam | Nam\nnu | Nữ',
    })
    second.assertStatus(303)

    const [v1, v2] = await versionsOf(tenant, procedure)
    assert.equal(v1.version, 1)
    assert.isFalse(v1.isCurrent)
    assert.deepEqual(v1.fields, [
      { key: 'ho_ten', label: 'Họ và tên', help: 'Ghi đầy đủ, có dấu.', kind: 'text', required: true, prefill: 'full_name', maxLength: 100 },
    ])
    assert.equal(v1.createdBy, admin.id)
    assert.isTrue(v2.isCurrent)
    assert.deepEqual(v2.fields.map((field) => field.key), ['ho_ten', 'gioi_tinh'])

    const editor = await client.get(base).header('host', hostOf(tenant)).loginAs(admin)
    assert.include(editor.text(), 'Phiên bản hiện tại: 2')
    assert.include(editor.text(), 'Giới tính')
    assert.include(editor.text(), 'Lịch sử phiên bản')
  })

  test('PT-1.2 edit, move and remove fields, including a child of a repeatable group', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const procedure = await addProcedure(tenant)
    const base = `/quan-tri/thu-tuc/${procedure.id}/bieu-mau`
    await post(client, tenant, admin, base, {
      definition: JSON.stringify([
        ...definition,
        { key: 'thanh_vien', label: 'Thành viên hộ', kind: 'group', minRows: 0, maxRows: 5, fields: [] },
      ]),
    })
    const child = await post(client, tenant, admin, `${base}/truong?kind=text`, {
      kind: 'text',
      parent: 'thanh_vien',
      label: 'Họ và tên thành viên',
      key: 'ho_ten',
    })
    child.assertStatus(303)

    const editForm = await client.get(`${base}/truong/thanh_vien.ho_ten/sua`).header('host', hostOf(tenant)).loginAs(admin)
    editForm.assertStatus(200)
    assert.include(editForm.text(), 'Họ và tên thành viên')

    ;(await post(client, tenant, admin, `${base}/truong/thanh_vien.ho_ten`, { label: 'Họ tên thành viên', key: 'ho_ten', required: 'on' })).assertStatus(303)
    ;(await post(client, tenant, admin, `${base}/truong/le_phi/len`)).assertStatus(303)
    ;(await post(client, tenant, admin, `${base}/truong/ho_ten/xoa`)).assertStatus(303)

    const versions = await versionsOf(tenant, procedure)
    assert.lengthOf(versions, 5)
    const current = versions[4]
    assert.deepEqual(current.fields.map((field) => field.key), ['le_phi', 'ngay_sinh', 'thanh_vien'])
    const group = current.fields[2] as any
    assert.deepEqual(group.fields, [{ key: 'ho_ten', label: 'Họ tên thành viên', kind: 'text', required: true }])
    // The first version still has the field that was removed later.
    assert.equal(versions[0].fields[0].key, 'ho_ten')

    const missing = await client.get(`${base}/truong/khong_co/sua`).header('host', hostOf(tenant)).loginAs(admin)
    missing.assertStatus(404)
  })

  test('PT-1.2 an invalid field or definition is refused with a Vietnamese message and nothing is stored', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const procedure = await addProcedure(tenant)
    const base = `/quan-tri/thu-tuc/${procedure.id}/bieu-mau`

    const noOptions = await post(client, tenant, admin, `${base}/truong?kind=choice`, { kind: 'choice', label: 'Giới tính', key: 'gioi_tinh' })
    noOptions.assertStatus(302)
    assert.deepEqual(fieldErrors(noOptions, 'options'), ['Vui lòng nhập các lựa chọn.'])

    const badKey = await post(client, tenant, admin, `${base}/truong?kind=text`, { kind: 'text', label: 'Họ tên', key: 'Họ tên' })
    assert.include(fieldErrors(badKey, 'key')[0], 'chỉ dùng chữ thường không dấu')

    const twice = await post(client, tenant, admin, base, {
      definition: JSON.stringify([definition[0], { ...definition[1], key: 'ho_ten' }]),
    })
    twice.assertStatus(302)
    assert.deepEqual(fieldErrors(twice, 'definition'), [
      'Mã trường “ho_ten” được dùng hai lần; mỗi trường cần một mã riêng.',
    ])

    const broken = await post(client, tenant, admin, base, { definition: '[{"key": ' })
    assert.deepEqual(fieldErrors(broken, 'definition'), ['Định nghĩa biểu mẫu không phải JSON hợp lệ.'])

    const choiceWithout = await post(client, tenant, admin, base, {
      definition: JSON.stringify([{ key: 'a', label: 'A', kind: 'choice' }]),
    })
    assert.deepEqual(fieldErrors(choiceWithout, 'definition'), ['Trường thứ 1: Vui lòng nhập các lựa chọn.'])

    assert.lengthOf(await versionsOf(tenant, procedure), 0)

    // A duplicate key added through the field form is refused too, and v1 stays the only version.
    await post(client, tenant, admin, base, { definition: JSON.stringify(definition) })
    const duplicate = await post(client, tenant, admin, `${base}/truong?kind=text`, { kind: 'text', label: 'Tên khác', key: 'ho_ten' })
    assert.deepEqual(fieldErrors(duplicate, 'key'), ['Mã trường “ho_ten” được dùng hai lần; mỗi trường cần một mã riêng.'])
    assert.lengthOf(await versionsOf(tenant, procedure), 1)
  })

  test('PT-1.2 the preview shows labels, help and required marks, and checks sample values', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const procedure = await addProcedure(tenant)
    const base = `/quan-tri/thu-tuc/${procedure.id}/bieu-mau`
    await post(client, tenant, admin, base, { definition: JSON.stringify(definition) })
    await post(client, tenant, admin, base, { definition: JSON.stringify(definition.slice(0, 1)) })

    const preview = await client.get(`${base}/xem-truoc`).header('host', hostOf(tenant)).loginAs(admin)
    preview.assertStatus(200)
    const html = preview.text()
    assert.include(html, '<label for="eform-ho_ten">Họ và tên người yêu cầu<span class="required-mark" aria-hidden="true"> *</span></label>')
    assert.include(html, '<p class="field-help" id="eform-ho_ten-help">Ghi bằng chữ in hoa, có dấu.</p>')
    assert.include(html, 'aria-describedby="eform-ho_ten-help"')
    assert.notInclude(html, 'Ngày sinh')

    const older = await client.get(`${base}/xem-truoc?phien-ban=1`).header('host', hostOf(tenant)).loginAs(admin)
    assert.include(older.text(), 'Ngày sinh')
    assert.include(older.text(), 'placeholder="DD/MM/YYYY"')

    const refused = await post(client, tenant, admin, `${base}/xem-truoc?phien-ban=1`, { ho_ten: '', ngay_sinh: '31/02/1990', le_phi: '1.00.0' })
    refused.assertStatus(422)
    assert.include(refused.text(), 'Vui lòng nhập Họ và tên người yêu cầu.')
    assert.include(refused.text(), 'Không có ngày này trên lịch')
    assert.include(refused.text(), 'Vui lòng ghi Số tiền nộp bằng số tiền (đồng), ví dụ 1.000.000.')
    assert.include(refused.text(), 'value="31/02/1990"')

    const accepted = await post(client, tenant, admin, `${base}/xem-truoc?phien-ban=1`, { ho_ten: 'NGUYỄN VĂN AN', ngay_sinh: '05/09/1990', le_phi: '1.500.000' })
    accepted.assertStatus(200)
    assert.include(accepted.text(), '&quot;le_phi&quot;: 1500000')
    assert.include(accepted.text(), '&quot;ngay_sinh&quot;: &quot;1990-09-05&quot;')
    assert.lengthOf(await versionsOf(tenant, procedure), 2)
  })
})

test.group('PT-1.2 e-form component', () => {
  test('PT-1.2 OS-2.3 every kind renders: radios, address parts, group rows, file limits stated at the input', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const procedure = await addProcedure(tenant)
    const base = `/quan-tri/thu-tuc/${procedure.id}/bieu-mau`
    const saved = await post(client, tenant, admin, base, {
      definition: JSON.stringify([
        { key: 'gioi_tinh', label: 'Giới tính', kind: 'choice', required: true, options: [{ value: 'nam', label: 'Nam' }, { value: 'nu', label: 'Nữ' }] },
        { key: 'ket_hon', label: 'Đã kết hôn', kind: 'yes_no' },
        { key: 'noi_o', label: 'Nơi cư trú', kind: 'address', required: true },
        { key: 'dan_toc', label: 'Dân tộc', kind: 'catalogue', catalogueCode: 'DAN_TOC' },
        { key: 'ban_quet', label: 'Bản quét giấy khai sinh', kind: 'file', maxSizeMb: 2.5, allowedTypes: ['pdf', 'jpg'] },
        { key: 'ghi_chu', label: 'Ghi chú', kind: 'text', multiline: true },
        { key: 'thanh_vien', label: 'Thành viên', kind: 'group', minRows: 2, maxRows: 4, fields: [{ key: 'ho_ten', label: 'Họ tên', kind: 'text', required: true }] },
      ]),
    })
    saved.assertStatus(303)
    const preview = await client.get(`${base}/xem-truoc`).header('host', hostOf(tenant)).loginAs(admin)
    preview.assertStatus(200)
    const html = preview.text()
    assert.include(html, '<legend>Giới tính<span class="required-mark" aria-hidden="true"> *</span></legend>')
    assert.include(html, 'type="radio" name="ket_hon" id="eform-ket_hon-yes" value="true"')
    assert.include(html, 'name="noi_o[province]"')
    assert.include(html, 'name="noi_o[commune]"')
    assert.include(html, 'accept=".pdf,.jpg"')
    assert.include(html, 'Loại tệp: .pdf, .jpg. Dung lượng tối đa 2,5 MB.')
    assert.include(html, '<textarea id="eform-ghi_chu" name="ghi_chu"')
    assert.include(html, 'name="thanh_vien[0][ho_ten]"')
    assert.include(html, 'name="thanh_vien[1][ho_ten]"')
    assert.notInclude(html, 'name="thanh_vien[2][ho_ten]"')

    const refused = await post(client, tenant, admin, `${base}/xem-truoc`, {
      // Named as a browser sends them (the test client would write thanh_vien[][ho_ten]).
      'thanh_vien[0][ho_ten]': 'An',
      'thanh_vien[1][ho_ten]': '',
      'noi_o[province]': '',
      'noi_o[commune]': '',
    })
    refused.assertStatus(422)
    assert.include(refused.text(), 'Vui lòng chọn Giới tính.')
    assert.include(refused.text(), 'Vui lòng nhập ít nhất 2 dòng cho Thành viên.')
    assert.include(refused.text(), 'Vui lòng nhập Nơi cư trú (Tỉnh, thành phố).')
    assert.include(refused.text(), 'value="An"')
  })
})

test.group('PT-1.2 e-form editor: authorization and tenants', () => {
  test('OS-17.2 officers without the admin role get 403', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const handler = await createOfficer(tenant, ['handler'])
    const procedure = await addProcedure(tenant)
    const base = `/quan-tri/thu-tuc/${procedure.id}/bieu-mau`
    await post(client, tenant, admin, base, { definition: JSON.stringify(definition) })

    for (const path of [base, `${base}/xem-truoc`, `${base}/truong/them?kind=text`, `${base}/truong/ho_ten/sua`]) {
      const response = await client.get(path).header('host', hostOf(tenant)).loginAs(handler)
      response.assertStatus(403)
    }
    ;(await post(client, tenant, handler, base, { definition: '[]' })).assertStatus(403)
    ;(await post(client, tenant, handler, `${base}/truong?kind=text`, { kind: 'text', label: 'X', key: 'x' })).assertStatus(403)
    ;(await post(client, tenant, handler, `${base}/truong/ho_ten/xoa`)).assertStatus(403)
    ;(await post(client, tenant, handler, `${base}/truong/ho_ten/xuong`)).assertStatus(403)
    assert.lengthOf(await versionsOf(tenant, procedure), 1)
  })

  test('NF-20 every e-form route answers 404 to another tenant and changes nothing', async ({ client, assert }) => {
    const owner = await createTenant()
    const admin = await createOfficer(owner, ['admin'])
    const procedure = await addProcedure(owner)
    const base = (id: number) => `/quan-tri/thu-tuc/${id}/bieu-mau`
    await post(client, owner, admin, base(procedure.id), { definition: JSON.stringify(definition) })
    const intruder = await createIntruder()

    const routes = [
      { method: 'get' as const, path: (id: number) => base(id) },
      { method: 'post' as const, path: (id: number) => base(id), form: { definition: '[]' } },
      { method: 'get' as const, path: (id: number) => `${base(id)}/xem-truoc` },
      { method: 'post' as const, path: (id: number) => `${base(id)}/xem-truoc`, form: { ho_ten: 'A' } },
      { method: 'get' as const, path: (id: number) => `${base(id)}/truong/them?kind=text` },
      { method: 'post' as const, path: (id: number) => `${base(id)}/truong?kind=text`, form: { kind: 'text', label: 'X', key: 'x' } },
      { method: 'get' as const, path: (id: number) => `${base(id)}/truong/ho_ten/sua` },
      { method: 'post' as const, path: (id: number) => `${base(id)}/truong/ho_ten`, form: { label: 'X', key: 'ho_ten' } },
      { method: 'post' as const, path: (id: number) => `${base(id)}/truong/ho_ten/xoa` },
      { method: 'post' as const, path: (id: number) => `${base(id)}/truong/ho_ten/xuong` },
      { method: 'post' as const, path: (id: number) => `${base(id)}/truong/le_phi/len` },
    ]
    for (const route of routes) {
      await assertNotFoundAcrossTenants(client, { ...route, owner, id: procedure.id, intruder })
    }
    const [only] = await versionsOf(owner, procedure)
    assert.equal(only.version, 1)
    assert.deepEqual(only.fields.map((field) => field.key), ['ho_ten', 'ngay_sinh', 'le_phi'])
  })
})
