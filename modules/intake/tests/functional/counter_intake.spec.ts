/*
 * Intake at the counter (OS-5.1, OS-5.2, OS-5.7, OS-5.9, OS-5.10, OS-6.6, NF-17, ST-1, ST-3 to
 * ST-5): a receptionist picks the procedure, finds or enters the applicant, ticks the papers,
 * attaches scans, fills the e-form and accepts, asks for a supplement or refuses. Every outcome
 * registers the dossier with its code, writes the trail and emails the applicant.
 */
import { test } from '@japa/runner'
import { writeFileSync, mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { withTenant } from '#tenancy/tenant_context'
import { createCitizen, createOfficer } from '#tests/helpers/tenants'
import { testMailbox } from '#tests/helpers/mailbox'
import DossierEvent from '#intake/models/dossier_event'
import Dossier from '#intake/models/dossier'
import DossierFile from '#intake/files/dossier_file'
import ReceivedComponent from '#intake/counter/models/received_component'
import SupplementRequest from '#intake/counter/models/supplement_request'
import { appointmentDateFor } from '#intake/counter/services/appointment_dates'
import { clockAt } from '#intake/tests/helpers'
import {
  counterSetting,
  dossierCount,
  freshEmail,
  portalDossier,
  postIntake,
  UNIT_CODE,
  type CounterSetting,
} from '#intake/tests/counter_fixtures'

const CODE_PATTERN = new RegExp(`^${UNIT_CODE.replace(/\./g, '\\.')}-\\d{6}-\\d{4}$`)

function componentIds(setting: CounterSetting, ...positions: number[]) {
  return positions.map((position) => String(setting.components[position].id))
}

async function latestDossier(setting: CounterSetting) {
  return withTenant(setting.tenant, () => Dossier.query().orderBy('id', 'desc').firstOrFail())
}

async function trailOf(setting: CounterSetting, dossier: Dossier) {
  return withTenant(setting.tenant, () => DossierEvent.query().where('dossier_id', dossier.id).orderBy('sequence'))
}

test.group('Counter intake', () => {
  test('OS-5.1 the procedure is found by name or code and its form lists the components and the legal basis', async ({ client, assert }) => {
    const setting = await counterSetting()
    const search = await client.get('/mot-cua/tiep-nhan/moi').qs({ q: 'khai sinh' }).header('host', setting.host).loginAs(setting.receptionist)
    search.assertStatus(200)
    assert.include(search.text(), `href="/mot-cua/tiep-nhan/moi?thu-tuc=${setting.procedure.id}"`)
    const byCode = await client.get('/mot-cua/tiep-nhan/moi').qs({ q: '1.001193' }).header('host', setting.host).loginAs(setting.receptionist)
    assert.include(byCode.text(), 'Đăng ký khai sinh')

    const form = await client.get('/mot-cua/tiep-nhan/moi').qs({ 'thu-tuc': setting.procedure.id }).header('host', setting.host).loginAs(setting.receptionist)
    form.assertStatus(200)
    const page = form.text()
    for (const text of ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'Văn bản ủy quyền', 'Luật Hộ tịch số 60/2014/QH13', '5 ngày làm việc', 'Nội dung yêu cầu']) {
      assert.include(page, text)
    }
  })

  test('ST-1 ST-5 OS-5.3 OS-5.10 accepting at the counter registers the dossier at the intake step with its appointment date and emails the applicant', async ({ client, assert }) => {
    const setting = await counterSetting()
    const mailbox = await testMailbox()
    const email = freshEmail()
    const response = await postIntake(client, setting, {
      '_applicant[email]': email,
      '_components[]': componentIds(setting, 0, 1),
      '_decision': 'accept',
    })
    response.assertStatus(303)
    const dossier = await latestDossier(setting)
    assert.equal(response.header('location'), `/mot-cua/ho-so/${dossier.id}`)
    assert.match(dossier.code, CODE_PATTERN)
    assert.equal(dossier.statusCode, 'duoc_tiep_nhan')
    assert.equal(dossier.channel, 'counter')
    assert.equal(dossier.currentStepKey, 'tiep_nhan')
    assert.isNotNull(dossier.workflowId)
    assert.equal(dossier.applicantFullName, 'Trần Thị Bình')
    assert.deepEqual(dossier.formValues, { ho_ten: 'Trần Thị Bình', noi_dung: 'Đăng ký khai sinh cho con' })
    const expected = await withTenant(setting.tenant, () => appointmentDateFor(setting.procedure, dossier.receivedAt))
    assert.equal(dossier.appointmentAt!.toMillis(), expected.toMillis())

    const events = await trailOf(setting, dossier)
    assert.lengthOf(events, 1)
    assert.include(events[0].$attributes, { action: 'receive', toStatus: 'duoc_tiep_nhan', public: true, stepKey: 'tiep_nhan', actorId: setting.receptionist.id })
    const checklist = await withTenant(setting.tenant, () => ReceivedComponent.query().where('dossier_id', dossier.id).orderBy('position'))
    assert.deepEqual(checklist.map((line) => [line.name, line.received]), [
      ['Tờ khai đăng ký khai sinh', true],
      ['Giấy chứng sinh', true],
      ['Văn bản ủy quyền', false],
    ])

    const page = await client.get(`/mot-cua/tiep-nhan/ho-so/${dossier.id}`).header('host', setting.host).loginAs(setting.receptionist)
    assert.include(page.text(), dossier.code)
    assert.include(page.text(), 'Được tiếp nhận')
    assert.include(page.text(), `href="/mot-cua/ho-so/${dossier.id}/phieu/tiep-nhan"`)

    const mail = await mailbox.waitFor(email)
    assert.include(mail.subject, dossier.code)
    assert.include(mail.text, 'đã được tiếp nhận')
    assert.include(mail.text, expected.setZone('Asia/Ho_Chi_Minh').toFormat('dd/MM/yyyy'))
    assert.include(mail.text, `/tra-cuu?ma=${encodeURIComponent(dossier.code)}`)
  })

  test('OS-5.2 the completeness check names the missing required components, and accepting without them is refused', async ({ client, assert }) => {
    const setting = await counterSetting()
    const check = await postIntake(client, setting, { '_components[]': componentIds(setting, 0), '_decision': 'check' })
    check.assertStatus(200)
    assert.include(check.text(), 'Còn thiếu 1 thành phần bắt buộc')
    assert.match(check.text(), /<li>Giấy chứng sinh<\/li>/)

    const fragment = await client
      .get('/mot-cua/tiep-nhan/thanh-phan')
      .qs({ 'thu-tuc': setting.procedure.id, '_components[]': componentIds(setting, 0, 1) })
      .header('host', setting.host)
      .header('HX-Request', 'true')
      .loginAs(setting.receptionist)
    assert.include(fragment.text(), 'Đã đủ các thành phần bắt buộc')

    const accept = await postIntake(client, setting, { '_components[]': componentIds(setting, 2), '_decision': 'accept' })
    accept.assertStatus(422)
    assert.include(accept.text(), 'hồ sơ còn thiếu thành phần bắt buộc: Tờ khai đăng ký khai sinh; Giấy chứng sinh')
    assert.equal(await dossierCount(setting), 0)
  })

  test('ST-3 a supplement request registers the dossier with a code, the reason and the papers, and tells the applicant', async ({ client, assert }) => {
    const setting = await counterSetting()
    const mailbox = await testMailbox()
    const email = freshEmail()
    const response = await postIntake(client, setting, {
      '_applicant[email]': email,
      '_components[]': componentIds(setting, 0),
      '_missing[]': componentIds(setting, 1),
      '_other_papers': 'Bản sao giấy đăng ký kết hôn của cha mẹ',
      '_reason': 'Thiếu giấy chứng sinh',
      'noi_dung': '',
      '_decision': 'supplement',
    })
    response.assertStatus(303)
    const dossier = await latestDossier(setting)
    assert.match(dossier.code, CODE_PATTERN)
    assert.equal(dossier.statusCode, 'yeu_cau_bo_sung_giay_to')
    assert.equal(dossier.statusDetail, 'Thiếu giấy chứng sinh. Cần bổ sung: Giấy chứng sinh; Bản sao giấy đăng ký kết hôn của cha mẹ')
    assert.isNull(dossier.appointmentAt)
    const request = await withTenant(setting.tenant, () => SupplementRequest.query().where('dossier_id', dossier.id).firstOrFail())
    assert.deepEqual(request.papers, ['Giấy chứng sinh', 'Bản sao giấy đăng ký kết hôn của cha mẹ'])
    assert.equal(request.reason, 'Thiếu giấy chứng sinh')
    const [event] = await trailOf(setting, dossier)
    assert.include(event.$attributes, { action: 'request_supplement', toStatus: 'yeu_cau_bo_sung_giay_to', public: true })

    const mail = await mailbox.waitFor(email)
    assert.include(mail.subject, 'cần bổ sung giấy tờ')
    assert.include(mail.text, 'Lý do: Thiếu giấy chứng sinh')
    assert.include(mail.text, '- Giấy chứng sinh')
    assert.include(mail.text, '- Bản sao giấy đăng ký kết hôn của cha mẹ')
  })

  test('ST-3 a supplement request needs a reason and at least one paper', async ({ client, assert }) => {
    const setting = await counterSetting()
    const response = await postIntake(client, setting, { '_decision': 'supplement' })
    response.assertStatus(422)
    assert.include(response.text(), 'Vui lòng ghi lý do yêu cầu bổ sung hoặc từ chối tiếp nhận.')
    assert.include(response.text(), 'Vui lòng chọn hoặc ghi ít nhất một giấy tờ cần bổ sung.')
    assert.equal(await dossierCount(setting), 0)
  })

  test('ST-4 a refusal registers the dossier with the reason and tells the applicant', async ({ client, assert }) => {
    const setting = await counterSetting()
    const mailbox = await testMailbox()
    const email = freshEmail()
    const response = await postIntake(client, setting, {
      '_applicant[email]': email,
      '_reason': 'Thủ tục không thuộc thẩm quyền của UBND xã',
      '_decision': 'refuse',
    })
    response.assertStatus(303)
    const dossier = await latestDossier(setting)
    assert.equal(dossier.statusCode, 'khong_duoc_tiep_nhan')
    assert.equal(dossier.statusDetail, 'Thủ tục không thuộc thẩm quyền của UBND xã')
    const [event] = await trailOf(setting, dossier)
    assert.include(event.$attributes, { action: 'refuse', comment: 'Thủ tục không thuộc thẩm quyền của UBND xã', public: true })
    const mail = await mailbox.waitFor(email)
    assert.include(mail.subject, 'không được tiếp nhận')
    assert.include(mail.text, 'Lý do: Thủ tục không thuộc thẩm quyền của UBND xã')
  })

  test('OS-6.6 a dossier received by post enters the same way, marked as postal', async ({ client, assert }) => {
    const setting = await counterSetting()
    const response = await postIntake(client, setting, {
      '_channel': 'postal',
      '_components[]': componentIds(setting, 0, 1),
      '_decision': 'accept',
    })
    response.assertStatus(303)
    const dossier = await latestDossier(setting)
    assert.equal(dossier.channel, 'postal')
    assert.equal(dossier.currentStepKey, 'tiep_nhan')
    const [event] = await trailOf(setting, dossier)
    assert.include(event.comment ?? '', 'bưu chính')
    const page = await client.get(`/mot-cua/tiep-nhan/ho-so/${dossier.id}`).header('host', setting.host).loginAs(setting.receptionist)
    assert.include(page.text(), 'class="channel-badge channel-postal">Bưu chính<')
  })

  test('OS-5.7 OS-5.9 an applicant is found by ID number, phone or name, among accounts and earlier dossiers, and reused', async ({ client, assert }) => {
    const setting = await counterSetting()
    const citizen = await createCitizen(setting.tenant, '001085054321')
    const earlier = await portalDossier(setting, clockAt('2026-03-02T09:00:00'), {
      applicantId: null,
      applicant: { fullName: 'Lê Văn Cường', nationalId: '001080011122', phone: '0911222333', address: '12 Hàng Bài, Hà Nội' },
    })
    const search = (term: string) =>
      client
        .get('/mot-cua/tiep-nhan/moi')
        .qs({ 'thu-tuc': setting.procedure.id, 'tim': term })
        .header('host', setting.host)
        .loginAs(setting.receptionist)

    assert.include((await search('001085054321')).text(), `nguoi-nop=account-${citizen.id}`)
    assert.include((await search('0911 222 333')).text(), `nguoi-nop=dossier-${earlier.id}`)
    const byName = await search('le van cuong')
    assert.include(byName.text(), 'Lê Văn Cường')
    assert.include(byName.text(), `Hồ sơ gần nhất: ${earlier.code}`)
    const fragment = await client
      .get('/mot-cua/tiep-nhan/moi')
      .qs({ 'thu-tuc': setting.procedure.id, 'tim': 'Lê Văn' })
      .header('host', setting.host)
      .header('HX-Request', 'true')
      .loginAs(setting.receptionist)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), 'Lê Văn Cường')

    const reused = await client
      .get('/mot-cua/tiep-nhan/moi')
      .qs({ 'thu-tuc': setting.procedure.id, 'nguoi-nop': `dossier-${earlier.id}` })
      .header('host', setting.host)
      .loginAs(setting.receptionist)
    for (const value of ['value="Lê Văn Cường"', 'value="001080011122"', 'value="0911222333"', 'value="12 Hàng Bài, Hà Nội"']) {
      assert.include(reused.text(), value)
    }
    // The e-form's field that asks for the applicant's name is filled too.
    assert.match(reused.text(), /name="ho_ten"[^>]*value="Lê Văn Cường"|value="Lê Văn Cường"[^>]*name="ho_ten"/)

    const fromAccount = await client
      .get('/mot-cua/tiep-nhan/moi')
      .qs({ 'thu-tuc': setting.procedure.id, 'nguoi-nop': `account-${citizen.id}` })
      .header('host', setting.host)
      .loginAs(setting.receptionist)
    assert.include(fromAccount.text(), `name="_applicant[account]" value="${citizen.id}"`)
    const accepted = await postIntake(client, setting, {
      '_applicant[account]': String(citizen.id),
      '_applicant[full_name]': citizen.fullName,
      '_applicant[national_id]': citizen.nationalId,
      '_components[]': componentIds(setting, 0, 1),
      '_decision': 'accept',
    })
    accepted.assertStatus(303)
    const dossier = await latestDossier(setting)
    assert.equal(dossier.applicantId, citizen.id)
  })

  test('OS-5.2 an invalid identification number is refused with a Vietnamese message and nothing is stored', async ({ client, assert }) => {
    const setting = await counterSetting()
    const response = await postIntake(client, setting, {
      '_applicant[national_id]': '99912345',
      '_components[]': componentIds(setting, 0, 1),
      '_decision': 'accept',
    })
    response.assertStatus(422)
    assert.include(response.text(), 'Số định danh cá nhân phải gồm đúng 12 chữ số.')
    assert.include(response.text(), 'value="Trần Thị Bình"')
    assert.equal(await dossierCount(setting), 0)
  })

  test('OS-5.2 PT-1.2 a missing e-form field is named at the field and nothing is stored', async ({ client, assert }) => {
    const setting = await counterSetting()
    const response = await postIntake(client, setting, {
      'noi_dung': '',
      '_components[]': componentIds(setting, 0, 1),
      '_decision': 'accept',
    })
    response.assertStatus(422)
    assert.include(response.text(), 'Tờ khai còn mục chưa đúng')
    assert.match(response.text(), /id="eform-noi_dung-error"[^>]*>[^<]*Nội dung yêu cầu/)
    assert.equal(await dossierCount(setting), 0)
  })

  test('NF-17 several scans are attached at once and kept when the form is refused', async ({ client, assert }) => {
    const setting = await counterSetting()
    const folder = mkdtempSync(join(tmpdir(), 'scans-'))
    const pdf = (name: string) => {
      const path = join(folder, name)
      writeFileSync(path, `%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF ${name}\n`)
      return path
    }
    const refused = await client
      .post('/mot-cua/tiep-nhan/moi')
      .header('host', setting.host)
      .loginAs(setting.receptionist)
      .withCsrfToken()
      .redirects(0)
      .fields({
        '_procedure': String(setting.procedure.id),
        '_channel': 'counter',
        '_applicant[full_name]': 'Trần Thị Bình',
        '_applicant[national_id]': '12',
        '_components[]': componentIds(setting, 0, 1),
        'ho_ten': 'Trần Thị Bình',
        'noi_dung': 'Đăng ký khai sinh cho con',
        '_decision': 'accept',
      })
      .file('_scans', pdf('to-khai.pdf'))
      .file('_scans', pdf('giay-chung-sinh.pdf'))
    refused.assertStatus(422)
    const kept = [...refused.text().matchAll(/name="_kept_scans\[\]" value="(\d+)"/g)].map((match) => match[1])
    assert.lengthOf(kept, 2)
    assert.include(refused.text(), 'giay-chung-sinh.pdf')

    const accepted = await postIntake(client, setting, {
      '_kept_scans[]': kept,
      '_components[]': componentIds(setting, 0, 1),
      '_decision': 'accept',
    })
    accepted.assertStatus(303)
    const dossier = await latestDossier(setting)
    const files = await withTenant(setting.tenant, () => DossierFile.query().where('dossier_id', dossier.id).preload('storedFile').orderBy('id'))
    assert.deepEqual(files.map((file) => [file.kind, file.storedFile.originalName]), [
      ['scan', 'to-khai.pdf'],
      ['scan', 'giay-chung-sinh.pdf'],
    ])
  })

  test('OS-17.2 an officer without the receptionist role gets 403 and nothing is stored', async ({ client, assert }) => {
    const setting = await counterSetting()
    const handler = await createOfficer(setting.tenant, ['handler'])
    for (const path of ['/mot-cua/tiep-nhan', '/mot-cua/tiep-nhan/moi', `/mot-cua/tiep-nhan/moi?thu-tuc=${setting.procedure.id}`]) {
      const response = await client.get(path).header('host', setting.host).loginAs(handler)
      response.assertStatus(403)
    }
    const post = await client
      .post('/mot-cua/tiep-nhan/moi')
      .header('host', setting.host)
      .loginAs(handler)
      .withCsrfToken()
      .redirects(0)
      .form({ '_procedure': String(setting.procedure.id), '_decision': 'refuse', '_reason': 'Không hợp lệ' })
    post.assertStatus(403)
    assert.equal(await dossierCount(setting), 0)
  })
})
