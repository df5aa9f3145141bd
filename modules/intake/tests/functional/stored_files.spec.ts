/*
 * Dossier files (NF-10, OS-2.3, NF-24): checked by content and size before anything is stored,
 * read back byte for byte, downloaded and viewed in the browser only by the applicant they belong
 * to and the tenant's one-stop officers, never across tenants.
 */
import { test } from '@japa/runner'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import { createCitizen, createOfficer, hostOf } from '#tests/helpers/tenants'
import { assertNotFoundAcrossTenants } from '#tests/helpers/cross_tenant'
import { clockAt, intake, intakeSetting } from '#intake/tests/helpers'
import {
  fakeExecutable,
  minimalDoc,
  minimalDocx,
  minimalOdt,
  minimalPdf,
  minimalPng,
  minimalRtf,
  spreadsheet,
  uploadOf,
} from '#intake/tests/fixtures/files'
import {
  attachFilesToDossier,
  filesOfDossier,
  readStoredFile,
  storeUploadedFile,
  StoredFile,
  UploadRejected,
} from '#intake/index'

async function store(tenant: Tenant, bytes: Buffer, name: string, ownerUserId: number | null = null) {
  const upload = await uploadOf(bytes, name)
  return withTenant(tenant, () => storeUploadedFile(upload, { ownerUserId, uploadedBy: ownerUserId }))
}

async function storedCount(tenant: Tenant) {
  return withTenant(tenant, async () => (await StoredFile.query()).length)
}

test.group('NF-10 OS-2.3 storing an uploaded file', () => {
  test('NF-10 a PDF is stored with its detected type, size and checksum and read back byte for byte', async ({ assert }) => {
    const { tenant } = await intakeSetting()
    const citizen = await createCitizen(tenant)
    const pdf = minimalPdf('Giay chung sinh')
    const file = await store(tenant, pdf, 'Giấy chứng sinh.pdf', citizen.id)
    assert.equal(file.fileType, 'pdf')
    assert.equal(file.mediaType, 'application/pdf')
    assert.equal(file.sizeBytes, pdf.length)
    assert.match(file.sha256, /^[0-9a-f]{64}$/)
    assert.equal(file.originalName, 'Giấy chứng sinh.pdf')
    assert.equal(file.ownerUserId, citizen.id)
    const bytes = await withTenant(tenant, () => readStoredFile(file))
    assert.isTrue(bytes.equals(pdf))
  })

  test('NF-7 OS-2.2 OS-2.3 a program renamed .pdf is refused by its content, in Vietnamese, and nothing is stored', async ({ assert }) => {
    const { tenant } = await intakeSetting()
    const upload = await uploadOf(fakeExecutable(), 'to-khai.pdf')
    const error = await withTenant(tenant, () => storeUploadedFile(upload)).catch((caught) => caught)
    assert.instanceOf(error, UploadRejected)
    assert.equal(error.problem, 'bad_type')
    assert.include(error.message, 'Nội dung tệp không phải loại được chấp nhận')
    assert.include(error.message, '.pdf, .jpg, .png, .doc, .docx, .xls, .xlsx, .odt, .rtf')
    assert.equal(await storedCount(tenant), 0)
  })

  test('OS-2.3 a PDF named .docx is refused: name and content must agree', async ({ assert }) => {
    const { tenant } = await intakeSetting()
    const upload = await uploadOf(minimalPdf(), 'to-khai.docx')
    const error = await withTenant(tenant, () => storeUploadedFile(upload)).catch((caught) => caught)
    assert.equal(error.problem, 'bad_type')
    assert.equal(await storedCount(tenant), 0)
  })

  test('OS-2.3 a file over the tenant’s size limit is refused with the limit in the message', async ({ assert }) => {
    const { tenant } = await intakeSetting({ settings: { maxUploadMb: 0.001 } })
    const upload = await uploadOf(minimalPdf('x'.repeat(2000)), 'lon.pdf')
    const error = await withTenant(tenant, () => storeUploadedFile(upload)).catch((caught) => caught)
    assert.equal(error.problem, 'too_large')
    assert.equal(error.message, 'Tệp quá lớn: dung lượng tối đa là 0,001 MB.')
    assert.equal(await storedCount(tenant), 0)
  })

  test('OS-2.3 without a tenant setting the limit is 10 MB; a field may narrow it', async ({ assert }) => {
    const { tenant } = await intakeSetting()
    const big = Buffer.concat([minimalPdf(), Buffer.alloc(2 * 1024 * 1024)])
    const stored = await store(tenant, big, 'hai-mb.pdf')
    assert.equal(stored.sizeBytes, big.length)
    const upload = await uploadOf(big, 'hai-mb.pdf')
    const error = await withTenant(tenant, () => storeUploadedFile(upload, { maxMb: 1 })).catch((caught) => caught)
    assert.equal(error.message, 'Tệp quá lớn: dung lượng tối đa là 1 MB.')
  })

  test('NF-10 files attached to a dossier are listed with their kind, component and label', async ({ assert }) => {
    const setting = await intakeSetting()
    const dossier = await intake(setting, clockAt('2026-04-15T09:30:00'))
    const scan = await store(setting.tenant, minimalPdf(), 'scan.pdf')
    const picture = await store(setting.tenant, minimalPng(), 'anh.png')
    const listed = await withTenant(setting.tenant, async () => {
      await attachFilesToDossier(
        dossier,
        [
          { fileId: scan.id, kind: 'scan', label: 'Tờ khai' },
          { fileId: picture.id, kind: 'other' },
        ],
        null
      )
      return (await filesOfDossier(dossier)).map((row) => [row.kind, row.label, row.storedFile.fileType])
    })
    assert.deepEqual(listed, [
      ['scan', 'Tờ khai', 'pdf'],
      ['other', 'anh.png', 'png'],
    ])
    const scansOnly = await withTenant(setting.tenant, async () => (await filesOfDossier(dossier, ['scan'])).length)
    assert.equal(scansOnly, 1)
  })
})

test.group('NF-24 who may read a file', () => {
  test('NF-24 the owner downloads it as an attachment with its Vietnamese name and no sniffing', async ({ client, assert }) => {
    const { tenant } = await intakeSetting()
    const citizen = await createCitizen(tenant)
    const pdf = minimalPdf()
    const file = await store(tenant, pdf, 'Tờ khai.pdf', citizen.id)
    const response = await client.get(`/tep/${file.id}`).header('host', hostOf(tenant)).loginAs(citizen)
    response.assertStatus(200)
    assert.equal(response.header('content-type'), 'application/pdf')
    assert.equal(response.header('x-content-type-options'), 'nosniff')
    assert.match(response.header('content-disposition') ?? '', /^attachment; filename="To khai.pdf"; filename\*=UTF-8''T%E1%BB%9D%20khai\.pdf$/)
    assert.isTrue((response.body() as Buffer).equals(pdf))
  })

  test('NF-24 another citizen of the tenant gets 404; a logged-out visitor is sent to login', async ({ client }) => {
    const { tenant } = await intakeSetting()
    const owner = await createCitizen(tenant)
    const stranger = await createCitizen(tenant)
    const file = await store(tenant, minimalPdf(), 'to-khai.pdf', owner.id)
    for (const path of [`/tep/${file.id}`, `/tep/${file.id}/xem`]) {
      const response = await client.get(path).header('host', hostOf(tenant)).loginAs(stranger)
      response.assertStatus(404)
      const anonymous = await client.get(path).header('host', hostOf(tenant)).redirects(0)
      anonymous.assertStatus(302)
      anonymous.assertHeader('location', `/dang-nhap?return_to=${encodeURIComponent(path)}`)
    }
  })

  test('NF-24 the applicant of a dossier reads a file an officer scanned into it; officers read every file', async ({ client }) => {
    const setting = await intakeSetting()
    const applicant = await createCitizen(setting.tenant)
    const officer = await createOfficer(setting.tenant, ['receptionist'])
    const dossier = await intake(setting, clockAt('2026-04-15T09:30:00'), { applicantId: applicant.id })
    const scan = await store(setting.tenant, minimalPdf(), 'scan.pdf')
    await withTenant(setting.tenant, () => attachFilesToDossier(dossier, [{ fileId: scan.id, kind: 'scan' }], officer.id))
    const host = hostOf(setting.tenant)
    ;(await client.get(`/tep/${scan.id}`).header('host', host).loginAs(applicant)).assertStatus(200)
    ;(await client.get(`/tep/${scan.id}`).header('host', host).loginAs(officer)).assertStatus(200)
    const ownedByApplicant = await store(setting.tenant, minimalPdf(), 'nhap.pdf', applicant.id)
    ;(await client.get(`/tep/${ownedByApplicant.id}/xem`).header('host', host).loginAs(officer)).assertStatus(200)
  })

  test('NF-24 cross-tenant: another tenant’s admin gets 404 for the download and the view', async ({ client }) => {
    const { tenant } = await intakeSetting()
    const citizen = await createCitizen(tenant)
    const file = await store(tenant, minimalPdf(), 'to-khai.pdf', citizen.id)
    await assertNotFoundAcrossTenants(client, { method: 'get', path: (id) => `/tep/${id}`, owner: tenant, id: file.id })
    await assertNotFoundAcrossTenants(client, { method: 'get', path: (id) => `/tep/${id}/xem`, owner: tenant, id: file.id })
  })
})

test.group('NF-24 viewing files in the browser', (group) => {
  let tenant: Tenant
  let citizen: Awaited<ReturnType<typeof createCitizen>>
  group.setup(async () => {
    tenant = (await intakeSetting()).tenant
    citizen = await createCitizen(tenant)
  })

  async function viewed(client: any, bytes: Buffer, name: string) {
    const file = await store(tenant, bytes, name, citizen.id)
    return client.get(`/tep/${file.id}/xem`).header('host', hostOf(tenant)).loginAs(citizen)
  }

  test('NF-24 a PDF and a picture are shown inline under a CSP that allows no script; the picture sandboxed', async ({ client, assert }) => {
    // PDF without the sandbox: Chromium's PDF viewer refuses to start in a sandboxed document.
    for (const [bytes, name, type, csp] of [
      [minimalPdf(), 'to-khai.pdf', 'application/pdf', /^default-src 'none'; /],
      [minimalPng(), 'anh.png', 'image/png', /^sandbox; default-src 'none'; /],
    ] as const) {
      const response = await viewed(client, bytes, name)
      response.assertStatus(200)
      assert.equal(response.header('content-type'), type)
      assert.match(response.header('content-disposition') ?? '', /^inline; /)
      assert.match(response.header('content-security-policy') ?? '', csp)
      assert.notInclude(response.header('content-security-policy') ?? '', 'script-src')
      assert.equal(response.header('x-content-type-options'), 'nosniff')
    }
  })

  test('NF-24 a Word document (.docx) is shown as HTML with its text', async ({ client, assert }) => {
    const response = await viewed(client, minimalDocx('Tờ khai đăng ký khai sinh của bé An'), 'to-khai.docx')
    response.assertStatus(200)
    assert.include(response.text(), '<p>Tờ khai đăng ký khai sinh của bé An</p>')
    assert.match(response.header('content-security-policy') ?? '', /^sandbox; default-src 'none'/)
    assert.include(response.text(), 'href="/tep/')
  })

  test('NF-24 spreadsheets (.xlsx and .xls) are shown as tables', async ({ client, assert }) => {
    const rows = [
      ['Họ và tên', 'Ngày sinh'],
      ['Nguyễn Văn An', '01/02/2020'],
    ]
    for (const [bookType, name] of [
      ['xlsx', 'danh-sach.xlsx'],
      ['xls', 'danh-sach.xls'],
    ] as const) {
      const response = await viewed(client, spreadsheet(rows, bookType), name)
      response.assertStatus(200)
      assert.include(response.text(), 'Trang tính: Danh sách')
      assert.include(response.text(), '<td>Nguyễn Văn An</td>')
      assert.include(response.text(), '<td>01/02/2020</td>')
    }
  })

  test('NF-24 an older Word document (.doc) is shown as its text', async ({ client, assert }) => {
    const response = await viewed(client, minimalDoc(['Tờ khai đăng ký khai sinh', 'Kính gửi: UBND phường <Ba Đình>']), 'to-khai.doc')
    response.assertStatus(200)
    assert.include(response.text(), '<p>Tờ khai đăng ký khai sinh</p>')
    assert.include(response.text(), '<p>Kính gửi: UBND phường &lt;Ba Đình&gt;</p>')
  })

  test('NF-24 OpenDocument (.odt) and RTF documents are shown as their text', async ({ client, assert }) => {
    const odt = await viewed(client, minimalOdt(['Đơn đề nghị', 'Kính gửi <UBND> xã']), 'don.odt')
    odt.assertStatus(200)
    assert.include(odt.text(), '<p>Đơn đề nghị</p>')
    assert.include(odt.text(), '<p>Kính gửi &lt;UBND&gt; xã</p>')

    const rtf = await viewed(client, minimalRtf(), 'to-khai.rtf')
    rtf.assertStatus(200)
    assert.include(rtf.text(), '<p>Tờ khai đăng ký khai sinh</p>')
    assert.include(rtf.text(), '<p>Câu hai</p>')
    assert.notInclude(rtf.text(), 'Arial')
    assert.notInclude(rtf.text(), 'Bi mat')
  })

  test('NF-24 a damaged document gets a clear page offering the download', async ({ client, assert }) => {
    const broken = Buffer.concat([minimalDocx().subarray(0, 60), Buffer.alloc(40)])
    // Written straight to the disk and the table: the upload check would refuse a broken zip.
    const file = await withTenant(tenant, async () =>
      StoredFile.create({
        originalName: 'hong.docx',
        fileType: 'docx',
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        sizeBytes: broken.length,
        sha256: '0'.repeat(64),
        storageKey: `tests/${Date.now()}-hong.docx`,
        uploadedBy: null,
        ownerUserId: citizen.id,
      })
    )
    const drive = (await import('@adonisjs/drive/services/main')).default
    await drive.use('files').put(file.storageKey, broken)
    const response = await client.get(`/tep/${file.id}/xem`).header('host', hostOf(tenant)).loginAs(citizen)
    response.assertStatus(200)
    assert.include(response.text(), 'Không xem được tệp này trên trình duyệt. Hãy tải về để xem.')
  })
})
