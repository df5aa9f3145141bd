import { createHash } from 'node:crypto'
import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import drive from '@adonisjs/drive/services/main'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import type User from '#users/models/user'
import FormTemplate from '#catalog/models/form_template'
import type Procedure from '#catalog/models/procedure'
import ProcedureComponent from '#catalog/models/procedure_component'
import { addProcedure } from '#catalog/tests/fixtures/procedures'
import { createOfficer, createTenant, hostOf } from '#tests/helpers/tenants'
import { assertNotFoundAcrossTenants, createIntruder } from '#tests/helpers/cross_tenant'
import { fieldErrors } from '#tests/helpers/forms'
import { fakeExecutable, minimalDocx, minimalPdf } from '#catalog/tests/fixtures/documents'

/* ---------------------------------------------------------------- helpers */

function templatesOf(tenant: Tenant, procedure: Procedure) {
  return withTenant(tenant, () => FormTemplate.query().where('procedure_id', procedure.id).orderBy('id'))
}

function upload(
  client: any,
  tenant: Tenant,
  user: User,
  procedure: Procedure,
  file: { bytes: Buffer; name: string } | null,
  fields: Record<string, string> = { name: 'Tờ khai đăng ký khai sinh' }
) {
  let request = client
    .post(`/quan-tri/thu-tuc/${procedure.id}/mau-don`)
    .header('host', hostOf(tenant))
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
    .fields(fields)
  if (file) request = request.file('file', file.bytes, { filename: file.name })
  return request as Promise<ApiResponse>
}

/** Reads the response body as bytes, whatever its type (superagent would parse or drop it). */
function asBinary<T extends { request: any }>(request: T): T {
  request.request.buffer(true).parse((res: any, done: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = []
    res.on('data', (chunk: Buffer) => chunks.push(chunk))
    res.on('end', () => done(null, Buffer.concat(chunks)))
  })
  return request
}

function fileBytes(response: ApiResponse): Buffer {
  return response.body() as Buffer
}

/* ---------------------------------------------------------------- upload and download */

test.group('OS-2.5 OL-7 form templates', () => {
  test('OL-7 an admin uploads a real .docx with a Vietnamese name; it is listed and downloads byte for byte', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const procedure = await addProcedure(tenant)
    const component = await withTenant(tenant, () =>
      ProcedureComponent.create({ procedureId: procedure.id, name: 'Tờ khai theo mẫu', position: 1 })
    )
    const docx = minimalDocx()

    const response = await upload(client, tenant, admin, procedure, { bytes: docx, name: 'Tờ khai đăng ký khai sinh.docx' }, {
      name: 'Tờ khai đăng ký khai sinh',
      legal_basis: 'Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP',
      procedure_component_id: String(component.id),
    })
    response.assertStatus(303)
    response.assertHeader('location', `/quan-tri/thu-tuc/${procedure.id}/mau-don`)

    const [template] = await templatesOf(tenant, procedure)
    assert.equal(template.mimeType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    assert.equal(template.originalName, 'Tờ khai đăng ký khai sinh.docx')
    assert.equal(template.sizeBytes, docx.length)
    assert.equal(template.checksumSha256, createHash('sha256').update(docx).digest('hex'))
    assert.equal(template.procedureComponentId, component.id)
    assert.equal(template.uploadedBy, admin.id)
    assert.isTrue(await drive.use('files').exists(template.fileKey))
    assert.notInclude(template.fileKey, 'Tờ khai')

    const page = await client.get(`/quan-tri/thu-tuc/${procedure.id}/mau-don`).header('host', hostOf(tenant)).loginAs(admin)
    page.assertStatus(200)
    assert.include(page.text(), 'Tờ khai đăng ký khai sinh')
    assert.include(page.text(), 'Thông tư số 04/2024/TT-BTP')
    assert.include(page.text(), 'dung lượng tối đa 10 MB')
    assert.include(page.text(), `/mau-don/${template.id}/tai-ve`)

    const download = await asBinary(client.get(`/mau-don/${template.id}/tai-ve`).header('host', hostOf(tenant)).loginAs(admin))
    download.assertStatus(200)
    assert.equal(download.header('content-type'), template.mimeType)
    assert.equal(
      download.header('content-disposition'),
      `attachment; filename="To khai dang ky khai sinh.docx"; filename*=UTF-8''${encodeURIComponent('Tờ khai đăng ký khai sinh.docx')}`
    )
    assert.isTrue(fileBytes(download).equals(docx))
  })

  test('OL-7 a real PDF is accepted and published procedures give it to anyone', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const procedure = await addProcedure(tenant, 'published')
    const pdf = minimalPdf()

    const response = await upload(client, tenant, admin, procedure, { bytes: pdf, name: 'Mẫu số 01.pdf' }, { name: 'Mẫu số 01' })
    response.assertStatus(303)
    const [template] = await templatesOf(tenant, procedure)
    assert.equal(template.mimeType, 'application/pdf')

    const guest = await asBinary(client.get(`/mau-don/${template.id}/tai-ve`).header('host', hostOf(tenant)))
    guest.assertStatus(200)
    assert.include(String(guest.header('content-disposition')), "filename*=UTF-8''M%E1%BA%ABu%20s%E1%BB%91%2001.pdf")
    assert.isTrue(fileBytes(guest).equals(pdf))
  })

  test('OL-7 templates of a draft procedure are for admins only', async ({ client }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const handler = await createOfficer(tenant, ['handler'])
    const procedure = await addProcedure(tenant, 'draft')
    await upload(client, tenant, admin, procedure, { bytes: minimalPdf(), name: 'mau.pdf' })
    const [template] = await templatesOf(tenant, procedure)

    const guest = await client.get(`/mau-don/${template.id}/tai-ve`).header('host', hostOf(tenant))
    guest.assertStatus(404)
    const officer = await client.get(`/mau-don/${template.id}/tai-ve`).header('host', hostOf(tenant)).loginAs(handler)
    officer.assertStatus(404)
    const owner = await client.get(`/mau-don/${template.id}/tai-ve`).header('host', hostOf(tenant)).loginAs(admin)
    owner.assertStatus(200)
    owner.assertHeader('cache-control', 'private, no-store')
  })

  test('OL-7 files are checked by content: a renamed program, a text file, a PDF named .docx are refused', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const procedure = await addProcedure(tenant)

    for (const file of [
      { bytes: fakeExecutable(), name: 'to-khai.pdf' },
      { bytes: fakeExecutable(), name: 'to-khai.doc' },
      { bytes: Buffer.from('Họ và tên: ...\nNgày sinh: ...\n'), name: 'to-khai.docx' },
      { bytes: minimalPdf(), name: 'to-khai.docx' },
      { bytes: minimalDocx(), name: 'to-khai.exe' },
    ]) {
      const response = await upload(client, tenant, admin, procedure, file)
      response.assertStatus(302)
      assert.deepEqual(
        fieldErrors(response, 'file'),
        [
          'Tệp không phải văn bản .doc, .docx, .odt hoặc .pdf. Hệ thống kiểm tra theo nội dung tệp: tệp đổi tên (ví dụ tệp chương trình đổi đuôi thành .pdf) không được nhận.',
        ],
        file.name
      )
    }
    assert.lengthOf(await templatesOf(tenant, procedure), 0)
  })

  test('OS-2.3 a missing file and a missing name are refused with Vietnamese messages; the limit is stated', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const procedure = await addProcedure(tenant)

    const noFile = await upload(client, tenant, admin, procedure, null)
    assert.deepEqual(fieldErrors(noFile, 'file'), ['Vui lòng chọn tệp mẫu đơn, tờ khai để tải lên.'])
    const noName = await upload(client, tenant, admin, procedure, { bytes: minimalPdf(), name: 'a.pdf' }, { name: '' })
    assert.deepEqual(fieldErrors(noName, 'name'), ['Vui lòng nhập tên mẫu đơn, tờ khai.'])
    assert.lengthOf(await templatesOf(tenant, procedure), 0)

    const big = Buffer.concat([minimalPdf(), Buffer.alloc(10 * 1024 * 1024)])
    const tooBig = await upload(client, tenant, admin, procedure, { bytes: big, name: 'lon.pdf' })
    assert.deepEqual(fieldErrors(tooBig, 'file'), ['Tệp vượt quá dung lượng tối đa 10 MB.'])
    assert.lengthOf(await templatesOf(tenant, procedure), 0)
  })

  test('OS-2.5 deleting a template removes its row and its file', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const procedure = await addProcedure(tenant)
    await upload(client, tenant, admin, procedure, { bytes: minimalPdf(), name: 'mau.pdf' })
    const [template] = await templatesOf(tenant, procedure)

    const response = await client
      .post(`/quan-tri/thu-tuc/${procedure.id}/mau-don/${template.id}/xoa`)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(303)
    assert.lengthOf(await templatesOf(tenant, procedure), 0)
    assert.isFalse(await drive.use('files').exists(template.fileKey))
    const gone = await client.get(`/mau-don/${template.id}/tai-ve`).header('host', hostOf(tenant)).loginAs(admin)
    gone.assertStatus(404)
  })
})

/* ---------------------------------------------------------------- who may */

test.group('OS-2.5 form templates: authorization and tenants', () => {
  test('OS-17.2 officers without the admin role get 403 on every admin route', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const handler = await createOfficer(tenant, ['handler', 'receptionist'])
    const procedure = await addProcedure(tenant)
    await upload(client, tenant, admin, procedure, { bytes: minimalPdf(), name: 'mau.pdf' })
    const [template] = await templatesOf(tenant, procedure)

    const list = await client.get(`/quan-tri/thu-tuc/${procedure.id}/mau-don`).header('host', hostOf(tenant)).loginAs(handler)
    list.assertStatus(403)
    const store = await upload(client, tenant, handler, procedure, { bytes: minimalPdf(), name: 'khac.pdf' })
    store.assertStatus(403)
    const remove = await client
      .post(`/quan-tri/thu-tuc/${procedure.id}/mau-don/${template.id}/xoa`)
      .header('host', hostOf(tenant))
      .loginAs(handler)
      .withCsrfToken()
      .redirects(0)
    remove.assertStatus(403)
    assert.lengthOf(await templatesOf(tenant, procedure), 1)

    const guest = await client.get(`/quan-tri/thu-tuc/${procedure.id}/mau-don`).header('host', hostOf(tenant)).redirects(0)
    guest.assertStatus(302)
  })

  test('NF-20 another tenant cannot see, upload to or delete these templates (404)', async ({ client, assert }) => {
    const owner = await createTenant()
    const admin = await createOfficer(owner, ['admin'])
    const procedure = await addProcedure(owner, 'published')
    await upload(client, owner, admin, procedure, { bytes: minimalPdf(), name: 'mau.pdf' })
    const [template] = await templatesOf(owner, procedure)
    const intruder = await createIntruder()

    await assertNotFoundAcrossTenants(client, { method: 'get', path: (id) => `/quan-tri/thu-tuc/${id}/mau-don`, owner, id: procedure.id, intruder })
    await assertNotFoundAcrossTenants(client, {
      method: 'post',
      path: (id) => `/quan-tri/thu-tuc/${id}/mau-don`,
      form: { name: 'Mẫu lạ' },
      owner,
      id: procedure.id,
      intruder,
    })
    await assertNotFoundAcrossTenants(client, {
      method: 'post',
      path: (id) => `/quan-tri/thu-tuc/${procedure.id}/mau-don/${id}/xoa`,
      owner,
      id: template.id,
      intruder,
    })
    // The intruder's own procedure with the owner's template id: still not found.
    const ownProcedure = await addProcedure(intruder.tenant)
    const mixed = await client
      .post(`/quan-tri/thu-tuc/${ownProcedure.id}/mau-don/${template.id}/xoa`)
      .header('host', hostOf(intruder.tenant))
      .loginAs(intruder.user)
      .withCsrfToken()
      .redirects(0)
    mixed.assertStatus(404)

    // Downloads are public for a published procedure, but only on the owner's host.
    const download = await client.get(`/mau-don/${template.id}/tai-ve`).header('host', hostOf(intruder.tenant)).loginAs(intruder.user)
    download.assertStatus(404)
    assert.lengthOf(await templatesOf(owner, procedure), 1)
    assert.isTrue(await drive.use('files').exists(template.fileKey))
  })
})
