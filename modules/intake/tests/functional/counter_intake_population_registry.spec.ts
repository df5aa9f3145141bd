/*
 * OS-5.7, OS-5.9 at the counter: the applicant's identification number verified with the
 * National Population Database (the local stand-in, started here on a free port). The registry's
 * name, date of birth and residence fill the form with everything typed kept; an unknown number
 * or a registry down or slow is said at the number and changes nothing; a dossier received with
 * the verified number and name records when its applicant was verified (column, trail, sheet),
 * and one whose number or name changed since, or that was never verified, does not.
 */
import { test } from '@japa/runner'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { withTenant } from '#tenancy/tenant_context'
import { saveEformVersion } from '#catalog/actions/save_eform_version'
import type { EformField } from '#catalog/services/eform_definition'
import Dossier from '#intake/models/dossier'
import DossierEvent from '#intake/models/dossier_event'
import StoredFile from '#intake/files/stored_file'
import { counterSetting, dossierCount, EFORM_FIELDS, postIntake, type CounterSetting } from '#intake/tests/counter_fixtures'
import { usePopulationRegistry } from '#tests/helpers/population_registry'

const VERIFIED_AT = /Đã xác thực với CSDL quốc gia về dân cư lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/

/** The counter's e-form plus a date of birth and an address filled from the applicant's profile. */
const EFORM_WITH_PROFILE: EformField[] = [
  ...EFORM_FIELDS,
  { key: 'ngay_sinh', label: 'Ngày sinh', kind: 'date', required: false, prefill: 'date_of_birth' },
  { key: 'noi_cu_tru', label: 'Nơi cư trú', kind: 'address', required: false, prefill: 'address' },
]

async function settingWithProfileFields() {
  const setting = await counterSetting()
  await withTenant(setting.tenant, () => saveEformVersion(setting.procedure, EFORM_WITH_PROFILE, null))
  return setting
}

function componentIds(setting: CounterSetting) {
  return setting.components.slice(0, 2).map((component) => String(component.id))
}

function inputValue(html: string, name: string) {
  const tag = new RegExp(`<input[^>]*name="${name.replace(/[[\]]/g, '\\$&')}"[^>]*>`).exec(html)?.[0]
  return tag ? /value="([^"]*)"/.exec(tag)?.[1] : undefined
}

async function latestDossier(setting: CounterSetting) {
  return withTenant(setting.tenant, () => Dossier.query().orderBy('id', 'desc').firstOrFail())
}

async function receiptOf(setting: CounterSetting, dossier: Dossier) {
  return withTenant(setting.tenant, () => DossierEvent.query().where('dossier_id', dossier.id).orderBy('sequence').firstOrFail())
}

test.group('OS-5.9 counter intake verified with the National Population Database', (group) => {
  const population = usePopulationRegistry(group)

  test('OS-5.9 OS-5.7 verifying fills the registry\'s name, date of birth and residence, keeps everything typed and names what differed', async ({ client, assert }) => {
    const setting = await settingWithProfileFields()
    const response = await postIntake(client, setting, {
      '_applicant[full_name]': 'Tran Thi Binh',
      '_applicant[phone]': '0987 654 321',
      '_applicant[email]': 'binh.tran@example.vn',
      '_applicant[address]': '',
      '_components[]': componentIds(setting),
      '_reason': 'Ghi chú chưa gửi',
      'ho_ten': 'Tran Thi Binh',
      'ngay_sinh': '09/03/1990',
      'noi_dung': 'Đăng ký khai sinh cho con thứ hai',
      '_decision': 'verify',
    })
    response.assertStatus(200)
    const html = response.text()
    assert.match(html, VERIFIED_AT)
    assert.include(html, 'Theo CSDL: Trần Thị Bình, sinh ngày 08/03/1990, giới tính Nữ, thường trú tại Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội.')

    // The registry's data filled in…
    assert.equal(inputValue(html, '_applicant[full_name]'), 'Trần Thị Bình')
    assert.equal(inputValue(html, '_applicant[national_id]'), '001190012345')
    assert.equal(inputValue(html, '_applicant[address]'), 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội')
    assert.equal(inputValue(html, 'ho_ten'), 'Trần Thị Bình')
    assert.equal(inputValue(html, 'ngay_sinh'), '08/03/1990')
    assert.equal(inputValue(html, 'noi_cu_tru[province]'), 'Thành phố Hà Nội')
    assert.equal(inputValue(html, 'noi_cu_tru[commune]'), 'Phường Ba Đình')
    assert.equal(inputValue(html, 'noi_cu_tru[detail]'), 'Số 12 phố Đội Cấn')
    // …what differed named, with what had been typed…
    assert.include(html, 'Họ và tên: đã nhập “Tran Thi Binh”')
    assert.include(html, 'Ngày sinh: đã nhập “09/03/1990”')
    assert.notInclude(html, 'Địa chỉ: đã nhập')
    // …and everything else as the receptionist left it.
    assert.equal(inputValue(html, '_applicant[phone]'), '0987 654 321')
    assert.equal(inputValue(html, '_applicant[email]'), 'binh.tran@example.vn')
    assert.equal(inputValue(html, 'noi_dung'), 'Đăng ký khai sinh cho con thứ hai')
    for (const id of componentIds(setting)) assert.match(html, new RegExp(`name="_components\\[\\]" value="${id}" checked`))
    assert.include(html, 'Ghi chú chưa gửi</textarea>')
    assert.include(population.registry.requests, 'GET /api/v1/cong-dan/001190012345')
    assert.equal(await dossierCount(setting), 0, 'verifying receives nothing')
  })

  test('OS-5.9 with htmx the button answers the applicant\'s fields and the e-form only, and stores no scan', async ({ client, assert }) => {
    const setting = await settingWithProfileFields()
    const scan = join(mkdtempSync(join(tmpdir(), 'verify-scan-')), 'to-khai.pdf')
    writeFileSync(scan, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
    const filesBefore = await withTenant(setting.tenant, async () => Number((await StoredFile.query().count('* as total'))[0].$extras.total))

    const response = await client
      .post('/mot-cua/tiep-nhan/moi')
      .header('host', setting.host)
      .header('HX-Request', 'true')
      .header('HX-Request-Type', 'partial')
      .loginAs(setting.receptionist)
      .withCsrfToken()
      .fields({
        '_procedure': String(setting.procedure.id),
        '_channel': 'counter',
        '_applicant[full_name]': '',
        '_applicant[national_id]': '048088054321',
        'noi_dung': 'Giữ nguyên',
        '_decision': 'verify',
      })
      .file('_scans', scan)
    response.assertStatus(200)
    const html = response.text()
    assert.notInclude(html, '<html')
    assert.match(html, /^\s*<fieldset id="applicant-fields"/)
    assert.match(html, VERIFIED_AT)
    assert.equal(inputValue(html, '_applicant[full_name]'), 'Trần Văn Công')
    assert.include(html, '<hx-partial hx-target="#eform-fields" hx-swap="innerHTML">')
    assert.equal(inputValue(html, 'ngay_sinh'), '03/11/1988')
    assert.equal(inputValue(html, 'noi_dung'), 'Giữ nguyên')
    assert.notInclude(html, 'đã nhập “', 'nothing typed differed')
    const filesAfter = await withTenant(setting.tenant, async () => Number((await StoredFile.query().count('* as total'))[0].$extras.total))
    assert.equal(filesAfter, filesBefore, 'the scan stays in the page, not stored')
  })

  test('OS-5.9 an unknown number, a malformed one, and the registry down or slow are said at the number in Vietnamese; nothing typed is lost', async ({ client, assert }) => {
    const setting = await counterSetting()
    const typed = {
      '_applicant[full_name]': 'Trần Văn Nam',
      '_applicant[phone]': '0912345678',
      'noi_dung': 'Nội dung đã gõ',
      '_decision': 'verify',
    }
    const unknown = await postIntake(client, setting, { ...typed, '_applicant[national_id]': '001099999999' })
    unknown.assertStatus(422)
    assert.include(unknown.text(), 'Không tìm thấy số định danh cá nhân này trong CSDL quốc gia về dân cư.')

    const requestsBefore = population.registry.requests.length
    const malformed = await postIntake(client, setting, { ...typed, '_applicant[national_id]': '0011' })
    malformed.assertStatus(422)
    assert.include(malformed.text(), 'Số định danh cá nhân phải gồm đúng 12 chữ số.')
    assert.equal(population.registry.requests.length, requestsBefore, 'a malformed number is not sent')

    population.registry.fault = 'server_error'
    const down = await postIntake(client, setting, { ...typed, '_applicant[national_id]': '001190012345' })
    down.assertStatus(200)
    assert.include(down.text(), 'Chưa kết nối được CSDL quốc gia về dân cư')

    population.registry.fault = 'hang'
    process.env.POPULATION_REGISTRY_TIMEOUT_MS = '300'
    const slow = await postIntake(client, setting, { ...typed, '_applicant[national_id]': '001190012345' })
    slow.assertStatus(200)
    assert.include(slow.text(), 'Chưa kết nối được CSDL quốc gia về dân cư')

    for (const response of [unknown, malformed, down, slow]) {
      const html = response.text()
      assert.notMatch(html, VERIFIED_AT)
      assert.equal(inputValue(html, '_applicant[full_name]'), 'Trần Văn Nam')
      assert.equal(inputValue(html, '_applicant[phone]'), '0912345678')
      assert.equal(inputValue(html, 'noi_dung'), 'Nội dung đã gõ')
      // The message is tied to the number for screen readers.
      assert.match(html, /id="applicant-national_id"[^>]*aria-describedby="[^"]*applicant-verification/)
      assert.isUndefined(response.session('counter_applicant_verifications'))
    }
    assert.equal(await dossierCount(setting), 0)
  })

  test('OS-5.9 a dossier received with the verified number records when its applicant was verified: column, trail and sheet', async ({ client, assert }) => {
    const setting = await counterSetting()
    const verify = await postIntake(client, setting, { '_decision': 'verify' })
    verify.assertStatus(200)
    assert.match(verify.text(), VERIFIED_AT)
    const shown = VERIFIED_AT.exec(verify.text())![0].replace('Đã xác thực với CSDL quốc gia về dân cư lúc ', '')

    const accepted = await postIntake(client, setting, { '_components[]': componentIds(setting), '_decision': 'accept' }).withSession(verify.session())
    accepted.assertStatus(303)
    const dossier = await latestDossier(setting)
    assert.equal(dossier.statusCode, 'duoc_tiep_nhan')
    assert.isNotNull(dossier.applicantVerifiedAt)
    assert.equal(dossier.applicantVerifiedSource, 'population_registry')
    assert.equal(dossier.applicantVerifiedAt!.setZone('Asia/Ho_Chi_Minh').toFormat('HH:mm dd/MM/yyyy'), shown)

    const receipt = await receiptOf(setting, dossier)
    assert.equal(receipt.comment, `Đã xác thực danh tính người nộp với CSDL quốc gia về dân cư lúc ${shown}`)

    const sheet = await client.get(`/mot-cua/tiep-nhan/ho-so/${dossier.id}`).header('host', setting.host).loginAs(setting.receptionist)
    sheet.assertStatus(200)
    assert.include(sheet.text(), `Đã xác thực với CSDL quốc gia về dân cư lúc ${shown}`)
    assert.include(sheet.text(), 'Danh tính người nộp')
  })

  test('OS-5.9 a number or a name changed after verification, or no verification at all, is not recorded as verified', async ({ client, assert }) => {
    const setting = await counterSetting()
    const verify = await postIntake(client, setting, { '_decision': 'verify' })
    const session = verify.session()

    // Another (valid) number typed after verifying 001190012345.
    const otherNumber = await postIntake(client, setting, {
      '_applicant[national_id]': '001085004321',
      '_components[]': componentIds(setting),
      '_decision': 'refuse',
      '_reason': 'Không thuộc thẩm quyền',
    }).withSession(session)
    otherNumber.assertStatus(303)
    let dossier = await latestDossier(setting)
    assert.isNull(dossier.applicantVerifiedAt)
    assert.isNull(dossier.applicantVerifiedSource)
    assert.equal((await receiptOf(setting, dossier)).comment, 'Không thuộc thẩm quyền')

    // The verified number with a name that is not the registry's: the form warns first.
    const renamed = await postIntake(client, setting, { '_applicant[full_name]': 'Trần Thị Bình An', '_decision': 'check' }).withSession(session)
    assert.include(renamed.text(), 'Họ và tên đang nhập khác với CSDL (“Trần Thị Bình”)')
    const acceptedRenamed = await postIntake(client, setting, {
      '_applicant[full_name]': 'Trần Thị Bình An',
      '_components[]': componentIds(setting),
      '_decision': 'accept',
    }).withSession(session)
    acceptedRenamed.assertStatus(303)
    dossier = await latestDossier(setting)
    assert.isNull(dossier.applicantVerifiedAt)

    // No verification in the session: whatever the form posts, nothing is recorded.
    const forged = await postIntake(client, setting, {
      '_components[]': componentIds(setting),
      '_decision': 'accept',
      '_applicant[verified_at]': '2026-04-15T09:30:00+07:00',
      'applicant_verified_at': '2026-04-15T09:30:00+07:00',
    })
    forged.assertStatus(303)
    dossier = await latestDossier(setting)
    assert.isNull(dossier.applicantVerifiedAt)
    assert.notInclude((await receiptOf(setting, dossier)).comment ?? '', 'xác thực')
  })

  test('OS-5.9 a verification made in one tenant counts nowhere else, and the verified dossier stays its own tenant\'s', async ({ client, assert }) => {
    const home = await counterSetting()
    const other = await counterSetting()
    const verify = await postIntake(client, home, { '_decision': 'verify' })
    const session = verify.session()

    const form = await client.get('/mot-cua/tiep-nhan/moi').qs({ 'thu-tuc': other.procedure.id }).header('host', other.host).loginAs(other.receptionist).withSession(session)
    assert.notMatch(form.text(), VERIFIED_AT)
    const elsewhere = await postIntake(client, other, { '_components[]': componentIds(other), '_decision': 'accept' }).withSession(session)
    elsewhere.assertStatus(303)
    assert.isNull((await latestDossier(other)).applicantVerifiedAt)

    const accepted = await postIntake(client, home, { '_components[]': componentIds(home), '_decision': 'accept' }).withSession(session)
    accepted.assertStatus(303)
    const dossier = await latestDossier(home)
    assert.isNotNull(dossier.applicantVerifiedAt)
    const intruding = await client.get(`/mot-cua/tiep-nhan/ho-so/${dossier.id}`).header('host', other.host).loginAs(other.receptionist)
    intruding.assertStatus(404)
    assert.notInclude(intruding.text(), 'Đã xác thực')
  })
})
