/*
 * PT-1, PT-4.1, PT-5.1, PT-15, OL-8, OL-11 c, OS-2.3: applying online. The e-form is prefilled
 * from the account, every refusal is explained at its field and stores no dossier, drafts keep
 * what was typed, a submission makes exactly one dossier with its code, files and an email, and
 * no route reaches another tenant's procedure or dossier.
 */
import { test } from '@japa/runner'
import type { ApiClient, ApiRequest, ApiResponse } from '@japa/api-client'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import User from '#users/models/user'
import Procedure from '#catalog/models/procedure'
import ProcedureComponent from '#catalog/models/procedure_component'
import { saveEformVersion } from '#catalog/actions/save_eform_version'
import { saveWorkflowVersion } from '#catalog/actions/save_workflow'
import { defaultWorkflowFor } from '#catalog/services/workflow_templates'
import type { EformField } from '#catalog/services/eform_definition'
import { administrativeUnits } from '#catalog/index'
import { Dossier, DossierFile, StoredFile, VaultDocument, filesOfDossier, readStoredFile } from '#intake/index'
import ApplicationDraft from '#portal/apply/application_draft'
import { createCitizen, createOfficer, hostOf } from '#tests/helpers/tenants'
import { assertNotFoundAcrossTenants } from '#tests/helpers/cross_tenant'
import { assertFieldError, fieldErrors } from '#tests/helpers/forms'
import { testMailbox } from '#tests/helpers/mailbox'
import { intakeSetting } from '#intake/tests/helpers'
import { fakeExecutable, minimalPdf, uploadOf } from '#intake/tests/fixtures/files'
import { storeUploadedFile } from '#intake/index'

const FIELDS: EformField[] = [
  { key: 'full_name', kind: 'text', label: 'Họ và tên người yêu cầu', required: true, prefill: 'full_name', help: 'Viết đúng như trên thẻ Căn cước.' },
  { key: 'national_id', kind: 'citizen_id', label: 'Số định danh cá nhân', required: true, prefill: 'national_id' },
  { key: 'child_name', kind: 'text', label: 'Họ và tên người được khai sinh', required: true, help: 'Viết chữ in hoa có dấu.' },
  { key: 'child_birth_date', kind: 'date', label: 'Ngày sinh', required: true },
  { key: 'residence', kind: 'address', label: 'Nơi cư trú', required: false },
  { key: 'photo', kind: 'file', label: 'Ảnh chân dung', required: false, maxSizeMb: 1, allowedTypes: ['jpg', 'png'] },
]

interface Setting {
  tenant: Tenant
  host: string
  procedure: Procedure
  form: ProcedureComponent
  birthNotice: ProcedureComponent
  citizen: User
  base: string
}

async function applySetting(settings?: Record<string, unknown>): Promise<Setting> {
  const intake = await intakeSetting({ settings })
  const { tenant } = intake
  const procedure = await withTenant(tenant, async () => {
    const found = await Procedure.findOrFail(intake.procedureId)
    found.onlineLevel = 4
    await found.save()
    await saveEformVersion(found, FIELDS, null)
    const workflow = await saveWorkflowVersion(found, defaultWorkflowFor(found), { createdBy: null })
    if (!workflow.saved) throw new Error('workflow refused')
    return found
  })
  const [form, birthNotice] = await withTenant(tenant, () =>
    Promise.all([
      ProcedureComponent.create({ procedureId: procedure.id, position: 1, name: 'Tờ khai đăng ký khai sinh', originalCopies: 1, photocopies: 0, isRequired: true }),
      ProcedureComponent.create({ procedureId: procedure.id, position: 2, name: 'Giấy chứng sinh', originalCopies: 1, photocopies: 0, isRequired: true }),
    ])
  )
  const citizen = await createCitizen(tenant, '001090012345')
  return { tenant, host: hostOf(tenant), procedure, form, birthNotice, citizen, base: `/dich-vu-cong/${procedure.id}/nop-ho-so` }
}

/** A filled-in application: every required field valid. */
function validFields(overrides: Record<string, string> = {}) {
  return {
    full_name: 'Công Dân Thử',
    national_id: '001090012345',
    child_name: 'NGUYỄN THỊ AN',
    child_birth_date: '05/03/2026',
    '_postal[mode]': 'none',
    ...overrides,
  }
}

function post(client: ApiClient, setting: Setting, fields: Record<string, string>, user: User = setting.citizen): ApiRequest {
  return client
    .post(setting.base)
    .header('host', setting.host)
    .header('referer', `http://${setting.host}${setting.base}`)
    .loginAs(user)
    .withCsrfToken()
    .fields(fields)
    .redirects(0)
}

/** Posts with both required papers attached as real PDFs. */
function postWithPapers(client: ApiClient, setting: Setting, fields: Record<string, string>) {
  return post(client, setting, fields)
    .file(`_file_c${setting.form.id}`, minimalPdf('To khai'), { filename: 'Tờ khai.pdf' })
    .file(`_file_c${setting.birthNotice.id}`, minimalPdf('Giay chung sinh'), { filename: 'Giấy chứng sinh.pdf' })
}

function dossiersOf(setting: Setting) {
  return withTenant(setting.tenant, () => Dossier.query().where('procedure_id', setting.procedure.id))
}

function draftOf(setting: Setting) {
  return withTenant(setting.tenant, () => ApplicationDraft.query().where('applicant_id', setting.citizen.id).first())
}

function tokenIn(page: ApiResponse) {
  return page.text().match(/name="_token" value="([^"]+)"/)![1]
}

test.group('PT-1 the application form', () => {
  test('PT-6.1 a visitor is sent to login and brought back to the form', async ({ client }) => {
    const setting = await applySetting()
    const response = await client.get(setting.base).header('host', setting.host).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', `/dang-nhap?return_to=${encodeURIComponent(setting.base)}`)
  })

  test('PT-1.1 PT-1.2 OS-2.3 the e-form is prefilled from the account, with help at the fields and the file limits', async ({ client, assert }) => {
    const setting = await applySetting()
    const page = await client.get(setting.base).header('host', setting.host).loginAs(setting.citizen)
    page.assertStatus(200)
    const html = page.text()
    assert.match(html, /<input id="eform-full_name" name="full_name" value="Công Dân Thử"/)
    assert.match(html, /<input id="eform-national_id" name="national_id" value="001090012345"/)
    assert.include(html, 'Điền sẵn từ: Họ và tên trong tài khoản')
    assert.include(html, 'Viết đúng như trên thẻ Căn cước.')
    assert.include(html, 'Tờ khai đăng ký khai sinh')
    assert.include(html, 'Loại tệp: .pdf, .jpg, .png, .doc, .docx, .xls, .xlsx, .odt, .rtf. Dung lượng tối đa 10 MB.')
    // The e-form's own file field keeps its narrower limits.
    assert.include(html, 'Loại tệp: .jpg, .png. Dung lượng tối đa 1 MB.')
    assert.include(html, 'name="_postal[mode]"')
    assert.isBelow(Buffer.byteLength(html), 100 * 1024)
  })

  test('PT-1.1 NF-8 OL-4 verified papers of the vault are offered instead of an upload', async ({ client, assert }) => {
    const setting = await applySetting()
    await withTenant(setting.tenant, async () => {
      const upload = await uploadOf(minimalPdf(), 'giay-chung-sinh.pdf')
      const file = await storeUploadedFile(upload, { ownerUserId: setting.citizen.id })
      await VaultDocument.create({ ownerUserId: setting.citizen.id, storedFileId: file.id, documentType: 'GCS', label: 'Giấy chứng sinh của bé An', verified: true })
    })
    const page = await client.get(setting.base).header('host', setting.host).loginAs(setting.citizen)
    assert.include(page.text(), 'Giấy chứng sinh của bé An (đã xác thực)')
  })

  test('PT-1 officers do not apply online (403); a level 2 or unpublished service has no form (404)', async ({ client }) => {
    const setting = await applySetting()
    const officer = await createOfficer(setting.tenant, ['receptionist'])
    ;(await client.get(setting.base).header('host', setting.host).loginAs(officer)).assertStatus(403)
    await withTenant(setting.tenant, () => Procedure.query().where('id', setting.procedure.id).update({ online_level: 2 }))
    ;(await client.get(setting.base).header('host', setting.host).loginAs(setting.citizen)).assertStatus(404)
  })
})

test.group('PT-1.3 drafts', () => {
  test('PT-1.3 "Lưu nháp" keeps what was typed, even invalid, and the form shows it again', async ({ client, assert }) => {
    const setting = await applySetting()
    const saved = await post(client, setting, validFields({ child_name: 'BÉ AN', national_id: '123', _action: 'save' }))
    saved.assertStatus(302)
    saved.assertHeader('location', setting.base)
    const draft = await draftOf(setting)
    assert.equal(draft?.values.child_name, 'BÉ AN')
    assert.equal(draft?.values.national_id, '123')
    const page = await client.get(setting.base).header('host', setting.host).loginAs(setting.citizen)
    assert.match(page.text(), /name="child_name" value="BÉ AN"/)
    assert.equal(saved.flashMessages().notice, 'Đã lưu bản nháp.')
    assert.lengthOf(await dossiersOf(setting), 0)
  })

  test('PT-1.3 the htmx autosave stores the draft and answers a small fragment', async ({ client, assert }) => {
    const setting = await applySetting()
    const response = await client
      .post(`${setting.base}/luu-nhap`)
      .header('host', setting.host)
      .header('HX-Request', 'true')
      .loginAs(setting.citizen)
      .withCsrfToken()
      .form(validFields({ child_name: 'TRẦN VĂN BÌNH', '_token': '7d1f3c2e-58b1-4f0e-9a51-2f7c1c1d9e01' }))
    response.assertStatus(200)
    assert.match(response.text(), /^<span data-saved-at="[^"]+">Đã lưu nháp lúc \d\d:\d\d:\d\d\.<\/span>\s*$/)
    assert.isBelow(Buffer.byteLength(response.text()), 15 * 1024)
    const draft = await draftOf(setting)
    assert.equal(draft?.values.child_name, 'TRẦN VĂN BÌNH')
    assert.equal(draft?.submitToken, '7d1f3c2e-58b1-4f0e-9a51-2f7c1c1d9e01')
  })

  test('PT-1.3 OL-8 the declaration prints in the official layout and downloads as a file', async ({ client, assert }) => {
    const setting = await applySetting()
    await post(client, setting, validFields({ _action: 'save' }))
    const printed = await client.get(`${setting.base}/ban-in`).header('host', setting.host).loginAs(setting.citizen)
    printed.assertStatus(200)
    for (const text of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'TỜ KHAI', 'Họ và tên người được khai sinh:', 'NGUYỄN THỊ AN', 'Ngày sinh:', '05/03/2026', '(Ký, ghi rõ họ tên)']) {
      assert.include(printed.text(), text)
    }
    const file = await client.get(`${setting.base}/tai-ve`).header('host', setting.host).loginAs(setting.citizen)
    file.assertStatus(200)
    assert.match(file.header('content-disposition') ?? '', /^attachment; filename="to-khai-dang-ky-khai-sinh\.html"/)
    assert.include(file.text(), '<style>')
    assert.include(file.text(), 'NGUYỄN THỊ AN')
  })
})

test.group('OS-2.3 OL-11c uploads', () => {
  test('OL-11c a file uploaded by the script answers the slot fragment; the draft keeps it', async ({ client, assert }) => {
    const setting = await applySetting()
    const response = await client
      .post(`${setting.base}/tep`)
      .header('host', setting.host)
      .loginAs(setting.citizen)
      .withCsrfToken()
      .field('_slot', `c${setting.birthNotice.id}`)
      .file('_upload', minimalPdf(), { filename: 'Giấy chứng sinh.pdf' })
    response.assertStatus(200)
    assert.include(response.text(), 'Đã đính kèm:')
    assert.include(response.text(), 'Giấy chứng sinh.pdf')
    assert.isBelow(Buffer.byteLength(response.text()), 15 * 1024)
    const draft = await draftOf(setting)
    const chosen = draft!.files[`component:${setting.birthNotice.id}`]
    const stored = await withTenant(setting.tenant, () => StoredFile.findOrFail(chosen.fileId))
    assert.equal(stored.ownerUserId, setting.citizen.id)
    assert.isTrue((await withTenant(setting.tenant, () => readStoredFile(stored))).equals(minimalPdf()))
  })

  test('OS-2.3 a program renamed .pdf is refused at its field and nothing is stored', async ({ client, assert }) => {
    const setting = await applySetting()
    const script = await client
      .post(`${setting.base}/tep`)
      .header('host', setting.host)
      .loginAs(setting.citizen)
      .withCsrfToken()
      .field('_slot', `c${setting.birthNotice.id}`)
      .file('_upload', fakeExecutable(), { filename: 'giay-chung-sinh.pdf' })
    script.assertStatus(422)
    assert.include(script.text(), 'Nội dung tệp không phải loại được chấp nhận')

    const plain = await post(client, setting, validFields({ _action: 'submit' }))
      .file(`_file_c${setting.form.id}`, fakeExecutable(), { filename: 'to-khai.pdf' })
    plain.assertStatus(302)
    assert.include(fieldErrors(plain, `_file.c${setting.form.id}`)[0], 'Nội dung tệp không phải loại được chấp nhận')
    assert.lengthOf(await withTenant(setting.tenant, () => StoredFile.all()), 0)
    assert.lengthOf(await dossiersOf(setting), 0)
  })

  test('OS-2.3 a file over the size limit is refused with the limit at its field', async ({ client, assert }) => {
    const setting = await applySetting({ maxUploadMb: 0.001 })
    const response = await post(client, setting, validFields({ _action: 'submit' }))
      .file(`_file_c${setting.form.id}`, minimalPdf('x'.repeat(3000)), { filename: 'to-khai.pdf' })
    assertFieldError(assert, response, `_file.c${setting.form.id}`, 'Tệp quá lớn: dung lượng tối đa là 0,001 MB.')
    assert.lengthOf(await dossiersOf(setting), 0)
  })
})

test.group('PT-4.1 submitting', () => {
  test('PT-1 a missing required field and an invalid ID number are refused at their fields; no dossier', async ({ client, assert }) => {
    const setting = await applySetting()
    const response = await postWithPapers(client, setting, validFields({ child_name: '', national_id: '001090012399x', _action: 'submit' }))
    response.assertStatus(302)
    response.assertHeader('location', `${setting.base}#loi`)
    assertFieldError(assert, response, 'child_name', 'Vui lòng nhập Họ và tên người được khai sinh.')
    assert.include(fieldErrors(response, 'national_id')[0], 'Số định danh cá nhân')
    assert.lengthOf(await dossiersOf(setting), 0)
    // The form shows each message at its field, and in the summary with a link to the field.
    const page = await client
      .get(setting.base)
      .header('host', setting.host)
      .loginAs(setting.citizen)
      .withFlashMessages({ inputErrorsBag: { child_name: fieldErrors(response, 'child_name') } })
    assert.include(page.text(), '<li><a href="#eform-child_name">Vui lòng nhập Họ và tên người được khai sinh.</a></li>')
    assert.include(page.text(), '<p class="field-error" id="eform-child_name-error">Vui lòng nhập Họ và tên người được khai sinh.</p>')
    // What was typed is kept in the draft, the invalid number included.
    assert.equal((await draftOf(setting))?.values.national_id, '001090012399x')
  })

  test('PT-1 a required paper left out is asked for at its slot', async ({ client, assert }) => {
    const setting = await applySetting()
    const response = await post(client, setting, validFields({ _action: 'submit' }))
      .file(`_file_c${setting.form.id}`, minimalPdf(), { filename: 'to-khai.pdf' })
    assertFieldError(assert, response, `_file.c${setting.birthNotice.id}`, 'Vui lòng đính kèm Giấy chứng sinh.')
    assert.lengthOf(await dossiersOf(setting), 0)
  })

  test('PT-4.1 PT-5.1 ST-2 a valid application makes one dossier with its code, files and an email', async ({ client, assert }) => {
    const setting = await applySetting()
    const mailbox = await testMailbox()
    const response = await postWithPapers(client, setting, validFields({ _action: 'submit' }))
    response.assertStatus(302)
    const [dossier] = await dossiersOf(setting)
    assert.exists(dossier)
    response.assertHeader('location', `/nop-ho-so/da-nop/${dossier.id}`)
    assert.equal(dossier.channel, 'online')
    assert.equal(dossier.statusCode, 'moi_dang_ky')
    assert.equal(dossier.applicantId, setting.citizen.id)
    assert.equal(dossier.applicantFullName, 'Công Dân Thử')
    assert.equal(dossier.applicantNationalId, '001090012345')
    assert.isNotNull(dossier.workflowId)
    assert.isNotNull(dossier.eformId)
    assert.equal(dossier.formValues.child_birth_date, '2026-03-05')
    assert.isNull(dossier.postalService)

    const files = await withTenant(setting.tenant, () => filesOfDossier(dossier))
    assert.deepEqual(
      files.map((file) => [file.kind, file.procedureComponentId, file.label, file.storedFile.originalName]),
      [
        ['component', setting.form.id, 'Tờ khai đăng ký khai sinh', 'Tờ khai.pdf'],
        ['component', setting.birthNotice.id, 'Giấy chứng sinh', 'Giấy chứng sinh.pdf'],
      ]
    )
    assert.isNull(await draftOf(setting))

    const confirmation = await client.get(`/nop-ho-so/da-nop/${dossier.id}`).header('host', setting.host).loginAs(setting.citizen)
    confirmation.assertStatus(200)
    assert.include(confirmation.text(), dossier.code)
    assert.include(confirmation.text(), 'Mới đăng ký')

    const mail = await mailbox.waitFor(setting.citizen.email!)
    assert.include(mail.subject, dossier.code)
    assert.include(mail.text, dossier.code)
    assert.include(mail.text, `/tra-cuu?ma=${encodeURIComponent(dossier.code)}`)
  })

  test('PT-4.1 the same application submitted twice makes one dossier and shows the first code', async ({ client, assert }) => {
    const setting = await applySetting()
    const page = await client.get(setting.base).header('host', setting.host).loginAs(setting.citizen)
    const token = tokenIn(page)
    const first = await postWithPapers(client, setting, validFields({ _action: 'submit', _token: token }))
    first.assertStatus(302)
    const again = await postWithPapers(client, setting, validFields({ _action: 'submit', _token: token }))
    again.assertStatus(302)
    const dossiers = await dossiersOf(setting)
    assert.lengthOf(dossiers, 1)
    again.assertHeader('location', `/nop-ho-so/da-nop/${dossiers[0].id}`)
    const shown = await client
      .get(`/nop-ho-so/da-nop/${dossiers[0].id}`)
      .header('host', setting.host)
      .loginAs(setting.citizen)
      .withSession({ __flash__: { submittedBefore: true } })
    assert.include(shown.text(), 'Hồ sơ này đã được nộp trước đó')
    assert.include(shown.text(), dossiers[0].code)
    assert.lengthOf(await withTenant(setting.tenant, () => DossierFile.all()), 2)
  })

  test('PT-15 PT-15.1 PT-15.2 the postal choice needs the sender and recipient forms, and is kept on the dossier', async ({ client, assert }) => {
    const setting = await applySetting()
    const refused = await postWithPapers(client, setting, validFields({ _action: 'submit', '_postal[mode]': 'both' }))
    assertFieldError(assert, refused, '_postal.sender.full_name')
    assertFieldError(assert, refused, '_postal.recipient.address.province', 'Vui lòng nhập Địa chỉ nhận kết quả (Tỉnh, thành phố).')
    assert.lengthOf(await dossiersOf(setting), 0)

    const province = (await administrativeUnits.provinces())[0]
    const commune = (await administrativeUnits.communesOf(province.code))[0]
    const contact = (part: string) => ({
      [`_postal[${part}][full_name]`]: 'Công Dân Thử',
      [`_postal[${part}][phone]`]: '0912000111',
      [`_postal[${part}][address][province]`]: province.code,
      [`_postal[${part}][address][commune]`]: commune.code,
      [`_postal[${part}][address][detail]`]: '12 Tràng Tiền',
    })
    const accepted = await postWithPapers(client, setting, {
      ...validFields({ _action: 'submit', '_postal[mode]': 'both', '_postal[sender][description]': '1 tờ khai, 1 giấy chứng sinh', '_postal[collect_fee]': 'true' }),
      ...contact('sender'),
      ...contact('recipient'),
    })
    accepted.assertStatus(302)
    const [dossier] = await dossiersOf(setting)
    assert.deepEqual(dossier.postalService, {
      submitByPost: true,
      resultByPost: true,
      collectFeeByPost: true,
      sender: {
        fullName: 'Công Dân Thử',
        phone: '0912000111',
        provinceCode: province.code,
        provinceName: province.name,
        communeCode: commune.code,
        communeName: commune.name,
        detail: '12 Tràng Tiền',
        description: '1 tờ khai, 1 giấy chứng sinh',
      },
      recipient: {
        fullName: 'Công Dân Thử',
        phone: '0912000111',
        provinceCode: province.code,
        provinceName: province.name,
        communeCode: commune.code,
        communeName: commune.name,
        detail: '12 Tràng Tiền',
      },
    })
  })

  test('PT-1.1 NF-8 a vault paper chosen for a slot joins the dossier without a new upload', async ({ client, assert }) => {
    const setting = await applySetting()
    const vault = await withTenant(setting.tenant, async () => {
      const file = await storeUploadedFile(await uploadOf(minimalPdf(), 'giay-chung-sinh.pdf'), { ownerUserId: setting.citizen.id })
      return VaultDocument.create({ ownerUserId: setting.citizen.id, storedFileId: file.id, documentType: '', label: 'Giấy chứng sinh', verified: true })
    })
    const response = await post(client, setting, validFields({ _action: 'submit', [`_vault_c${setting.birthNotice.id}`]: String(vault.id) }))
      .file(`_file_c${setting.form.id}`, minimalPdf(), { filename: 'to-khai.pdf' })
    response.assertStatus(302)
    const [dossier] = await dossiersOf(setting)
    const files = await withTenant(setting.tenant, () => filesOfDossier(dossier))
    assert.equal(files[1].storedFileId, vault.storedFileId)
  })
})

test.group('PT-4.1 isolation', () => {
  test('PT-4.1 cross-tenant: the form, its posts and the confirmation answer 404 to another tenant', async ({ client }) => {
    const setting = await applySetting()
    await postWithPapers(client, setting, validFields({ _action: 'submit' }))
    const [dossier] = await dossiersOf(setting)
    const owner = setting.tenant
    const id = setting.procedure.id
    await assertNotFoundAcrossTenants(client, { method: 'get', path: (procedure) => `/dich-vu-cong/${procedure}/nop-ho-so`, owner, id })
    await assertNotFoundAcrossTenants(client, { method: 'post', path: (procedure) => `/dich-vu-cong/${procedure}/nop-ho-so`, owner, id, form: validFields({ _action: 'save' }) })
    await assertNotFoundAcrossTenants(client, { method: 'post', path: (procedure) => `/dich-vu-cong/${procedure}/nop-ho-so/luu-nhap`, owner, id, form: validFields() })
    await assertNotFoundAcrossTenants(client, { method: 'post', path: (procedure) => `/dich-vu-cong/${procedure}/nop-ho-so/tep`, owner, id, form: { _slot: `c${setting.birthNotice.id}` } })
    await assertNotFoundAcrossTenants(client, { method: 'get', path: (procedure) => `/dich-vu-cong/${procedure}/nop-ho-so/ban-in`, owner, id })
    await assertNotFoundAcrossTenants(client, { method: 'get', path: (procedure) => `/dich-vu-cong/${procedure}/nop-ho-so/tai-ve`, owner, id })
    await assertNotFoundAcrossTenants(client, { method: 'get', path: (dossierId) => `/nop-ho-so/da-nop/${dossierId}`, owner, id: dossier.id })
  })

  test('PT-4.1 another citizen of the same tenant does not see someone else’s confirmation', async ({ client }) => {
    const setting = await applySetting()
    await postWithPapers(client, setting, validFields({ _action: 'submit' }))
    const [dossier] = await dossiersOf(setting)
    const other = await createCitizen(setting.tenant)
    ;(await client.get(`/nop-ho-so/da-nop/${dossier.id}`).header('host', setting.host).loginAs(other)).assertStatus(404)
  })
})
