/*
 * PT-15.2 c, OS-11.2: the postage matching the postal choice on the apply form, quoted by the
 * local stand-in postal company started here on a free port: shown for each choice, with the
 * page (no JavaScript) and in the small htmx answer; a plain note when the company is down or
 * slow, and the application submitted all the same; the quote shown kept with the dossier's
 * postal details for the officers; the counter's end of the legs taken from the tenant.
 */
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import type User from '#users/models/user'
import Procedure from '#catalog/models/procedure'
import ProcedureFee from '#catalog/models/procedure_fee'
import { saveWorkflowVersion } from '#catalog/actions/save_workflow'
import { defaultWorkflowFor } from '#catalog/services/workflow_templates'
import { Dossier } from '#intake/index'
import { intakeSetting } from '#intake/tests/helpers'
import { createCitizen, createTenant, hostOf, createOfficer } from '#tests/helpers/tenants'
import { assertNotFoundAcrossTenants } from '#tests/helpers/cross_tenant'
import { counterAddress } from '#portal/apply/postage'
import { usePostalService } from '#tests/helpers/postal_service'

/** Phường Hoàn Kiếm (the counter) and Phường Ba Đình, Hà Nội; Phường Hải Châu, Đà Nẵng. */
const COUNTER = { province: '01', commune: '00070' }
const BA_DINH = { province: '01', commune: '00004' }
const HAI_CHAU = { province: '48', commune: '20242' }

interface Setting {
  tenant: Tenant
  host: string
  procedure: Procedure
  citizen: User
  base: string
}

/** A level-3 procedure of a tenant whose counter is in Hoàn Kiếm, with 50 000 đ + 25 000 đ of fees. */
async function postageSetting(): Promise<Setting> {
  const intake = await intakeSetting({ settings: { counterAddress: COUNTER } })
  const procedure = await withTenant(intake.tenant, async () => {
    const found = await Procedure.findOrFail(intake.procedureId)
    found.onlineLevel = 3
    await found.save()
    await ProcedureFee.createMany([
      { procedureId: found.id, kind: 'charge', description: 'Lệ phí', amount: 50_000 },
      { procedureId: found.id, kind: 'fee', description: 'Phí thẩm định', amount: 25_000 },
    ])
    const workflow = await saveWorkflowVersion(found, defaultWorkflowFor(found), { createdBy: null })
    if (!workflow.saved) throw new Error('workflow refused')
    return found
  })
  const citizen = await createCitizen(intake.tenant)
  return { tenant: intake.tenant, host: hostOf(intake.tenant), procedure, citizen, base: `/dich-vu-cong/${procedure.id}/nop-ho-so` }
}

/** The postal part of the form: a choice, the ends' addresses, the fee option. */
function postalFields(
  mode: 'none' | 'submit' | 'result' | 'both',
  ends: { sender?: { province: string; commune?: string }; recipient?: { province: string; commune?: string } } = {},
  collectFee = false
) {
  const fields: Record<string, string> = { '_postal[mode]': mode }
  for (const part of ['sender', 'recipient'] as const) {
    const address = ends[part]
    if (!address) continue
    Object.assign(fields, {
      [`_postal[${part}][full_name]`]: 'Công Dân Thử',
      [`_postal[${part}][phone]`]: '0912000111',
      [`_postal[${part}][address][province]`]: address.province,
      [`_postal[${part}][address][commune]`]: address.commune ?? '',
      [`_postal[${part}][address][detail]`]: '12 Tràng Tiền',
    })
  }
  if (ends.sender) fields['_postal[sender][description]'] = '1 tờ khai'
  if (collectFee) fields['_postal[collect_fee]'] = 'true'
  return fields
}

/** What htmx sends when the choice or an address changes: only the inputs the quote depends on. */
function askQuote(client: ApiClient, setting: Setting, fields: Record<string, string>) {
  const query = new URLSearchParams(
    Object.entries(fields).filter(([name]) => /\[(mode|collect_fee|province|commune)\]$/.test(name))
  )
  return client
    .get(`${setting.base}/cuoc-buu-chinh?${query}`)
    .header('host', setting.host)
    .header('hx-request', 'true')
    .loginAs(setting.citizen)
}

function post(client: ApiClient, setting: Setting, fields: Record<string, string>) {
  return client
    .post(setting.base)
    .header('host', setting.host)
    .header('referer', `http://${setting.host}${setting.base}`)
    .loginAs(setting.citizen)
    .withCsrfToken()
    .fields(fields)
    .redirects(0)
}

/** The page's text without tags and with single spaces, as a reader gets it. */
function textOf(html: string) {
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/ ([.,)])/g, '$1')
}

function dossiersOf(setting: Setting) {
  return withTenant(setting.tenant, () => Dossier.query().where('procedure_id', setting.procedure.id))
}

const UNAVAILABLE = 'Chưa tính được cước lúc này; doanh nghiệp bưu chính sẽ báo cước khi nhận hồ sơ.'

test.group('PT-15.2 the matching postage on the apply form', (group) => {
  const postal = usePostalService(group, { apiKey: 'khoa-cong', timeoutMs: 500 })

  test('PT-15.2 the quote for each postal choice: sender to counter, counter to recipient, fees collected on the first leg', async ({ client, assert }) => {
    const setting = await postageSetting()
    const shown = async (fields: Record<string, string>) => {
      const response = await askQuote(client, setting, fields)
      response.assertStatus(200)
      return textOf(response.text())
    }

    const submit = await shown(postalFields('submit', { sender: BA_DINH }))
    assert.include(submit, 'Cước bưu chính dự kiến: 16.000 đ (nhận hồ sơ 16.000 đ).')
    assert.deepEqual(postal.company.quoted.at(-1)!.question, {
      dich_vu: 'nhan_ho_so',
      tu: { tinh: '01', xa: '00004' },
      den: { tinh: '01', xa: '00070' },
      khoi_luong_gram: 250,
      thu_ho: 0,
    })

    const result = await shown(postalFields('result', { recipient: HAI_CHAU }))
    assert.include(result, 'Cước bưu chính dự kiến: 25.000 đ (trả kết quả 25.000 đ).')
    assert.deepEqual(postal.company.quoted.at(-1)!.question, {
      dich_vu: 'tra_ket_qua',
      tu: { tinh: '01', xa: '00070' },
      den: { tinh: '48', xa: '20242' },
      khoi_luong_gram: 100,
      thu_ho: 0,
    })

    const both = await shown(postalFields('both', { sender: BA_DINH, recipient: HAI_CHAU }))
    assert.include(both, 'Cước bưu chính dự kiến: 41.000 đ (nhận hồ sơ 16.000 đ, trả kết quả 25.000 đ).')
    assert.notInclude(both, 'phí thu hộ')

    const before = postal.company.quoted.length
    const collected = await shown(postalFields('both', { sender: BA_DINH, recipient: HAI_CHAU }, true))
    assert.include(collected, 'Cước bưu chính dự kiến: 41.000 đ (nhận hồ sơ 16.000 đ, trả kết quả 25.000 đ), phí thu hộ 10.000 đ.')
    assert.include(collected, 'Nhân viên bưu chính thu hộ 75.000 đ phí, lệ phí của thủ tục.')
    assert.include(collected, 'Khi nộp, cước bưu chính dự kiến 51.000 đ được ghi cùng hồ sơ.')
    assert.deepEqual(
      postal.company.quoted.slice(before).map((entry) => [entry.question.dich_vu, entry.question.thu_ho]).sort(),
      [['nhan_ho_so', 75_000], ['tra_ket_qua', 0]],
      'the fees are collected once, when the papers are picked up'
    )

    const resultCollected = await shown(postalFields('result', { recipient: BA_DINH }, true))
    assert.include(resultCollected, 'Cước bưu chính dự kiến: 16.000 đ (trả kết quả 16.000 đ), phí thu hộ 10.000 đ.')

    const none = await shown(postalFields('none'))
    assert.notInclude(none, 'Cước bưu chính')
  })

  test('PT-15.2 the htmx answer is a partial under 15 KB carrying the summary out of band; unchosen addresses are asked for', async ({ client, assert }) => {
    const setting = await postageSetting()
    const response = await askQuote(client, setting, postalFields('both', { sender: BA_DINH, recipient: HAI_CHAU }, true))
    response.assertStatus(200)
    const body = response.text()
    assert.isAtMost(Buffer.byteLength(body), 15 * 1024)
    assert.notInclude(body, '<html')
    assert.match(body, /<p id="postage-summary"[^>]*hx-swap-oob="true"/)

    const before = postal.company.quoted.length
    const noCommune = await askQuote(client, setting, postalFields('both', { sender: { province: '01' }, recipient: HAI_CHAU }))
    assert.include(textOf(noCommune.text()), 'Chọn tỉnh, thành phố và xã, phường ở địa chỉ bên trên để xem cước bưu chính dự kiến')
    // Phường Hải Châu is not a commune of Hà Nội.
    const wrongCommune = await askQuote(client, setting, postalFields('result', { recipient: { province: '01', commune: '20242' } }))
    assert.include(textOf(wrongCommune.text()), 'Chọn tỉnh, thành phố và xã, phường')
    assert.equal(postal.company.quoted.length, before, 'nothing asked of the company for an incomplete address')
  })

  test('PT-15.2 without JavaScript the quote comes with the page after "Lưu nháp", above the submit button too', async ({ client, assert }) => {
    const setting = await postageSetting()
    const saved = await post(client, setting, { _action: 'save', ...postalFields('both', { sender: BA_DINH, recipient: BA_DINH }) })
    saved.assertStatus(302)
    const page = await client.get(setting.base).header('host', setting.host).loginAs(setting.citizen)
    page.assertStatus(200)
    const text = textOf(page.text())
    assert.include(text, 'Cước bưu chính dự kiến: 32.000 đ (nhận hồ sơ 16.000 đ, trả kết quả 16.000 đ).')
    assert.include(text, 'Khi nộp, cước bưu chính dự kiến 32.000 đ được ghi cùng hồ sơ.')
    // The postal section asks htmx for the quote when its inputs change, and only those inputs.
    assert.match(page.text(), new RegExp(`hx-get="${setting.base}/cuoc-buu-chinh"`))
    assert.include(page.text(), 'hx-trigger="change delay:300ms target:&quot;')
  })

  test('PT-15.2 OS-11.2 the postal company down or slow: a plain note, and the application is submitted without a quote', async ({ client, assert }) => {
    const setting = await postageSetting()
    const fields = postalFields('both', { sender: BA_DINH, recipient: HAI_CHAU }, true)

    postal.company.fault = 'hang'
    const started = Date.now()
    const slow = await askQuote(client, setting, fields)
    slow.assertStatus(200)
    assert.isBelow(Date.now() - started, 3_000, 'the answer waits for the timeout only')
    assert.include(textOf(slow.text()), UNAVAILABLE)
    assert.include(textOf(slow.text()), 'Chưa tính được cước bưu chính, nhưng bạn vẫn nộp hồ sơ được')

    postal.company.fault = 'server_error'
    await post(client, setting, { _action: 'save', ...fields })
    const page = await client.get(setting.base).header('host', setting.host).loginAs(setting.citizen)
    assert.include(textOf(page.text()), UNAVAILABLE)

    const submitted = await post(client, setting, { _action: 'submit', ...fields })
    submitted.assertStatus(302)
    const [dossier] = await dossiersOf(setting)
    submitted.assertHeader('location', `/nop-ho-so/da-nop/${dossier.id}`)
    assert.isTrue(dossier.postalService!.submitByPost)
    assert.isTrue(dossier.postalService!.collectFeeByPost)
    assert.notProperty(dossier.postalService!, 'postage')

    const confirmation = await client.get(`/nop-ho-so/da-nop/${dossier.id}`).header('host', setting.host).loginAs(setting.citizen)
    assert.notInclude(confirmation.text(), 'Cước bưu chính dự kiến')
  })

  test('PT-15.2 OS-11.2 the quote is kept in the dossier\'s postal details for the officers, and shown after submitting', async ({ client, assert }) => {
    const setting = await postageSetting()
    const response = await post(client, setting, { _action: 'submit', ...postalFields('both', { sender: BA_DINH, recipient: HAI_CHAU }, true) })
    response.assertStatus(302)
    const [dossier] = await dossiersOf(setting)
    const { quotedAt, ...postage } = dossier.postalService!.postage!
    assert.deepEqual(postage, {
      legs: [
        { leg: 'submit', postage: 16_000, collectionFee: 10_000, days: { min: 1, max: 2 } },
        { leg: 'result', postage: 25_000, collectionFee: 0, days: { min: 2, max: 4 } },
      ],
      postage: 41_000,
      collectedAmount: 75_000,
      collectionFee: 10_000,
      total: 51_000,
    })
    assert.isBelow(Math.abs(Date.parse(quotedAt) - Date.now()), 60_000)
    assert.equal(dossier.postalService!.recipient!.communeName, 'Phường Hải Châu')

    const confirmation = await client.get(`/nop-ho-so/da-nop/${dossier.id}`).header('host', setting.host).loginAs(setting.citizen)
    assert.include(textOf(confirmation.text()), 'Cước bưu chính dự kiến 51.000 đ')

    // The counter, which takes the online dossier in, reads the postal choice and the quote.
    const receptionist = await createOfficer(setting.tenant, ['receptionist'])
    const sheet = await client.get(`/mot-cua/tiep-nhan/ho-so/${dossier.id}`).header('host', setting.host).loginAs(receptionist)
    sheet.assertStatus(200)
    assert.include(sheet.text(), '<dt>Dịch vụ bưu chính</dt>')
    assert.include(sheet.text(), '<li>Cước bưu chính dự kiến: 51.000 đ (báo cho người nộp ngày ')
  })

  test('PT-15.2 the counter\'s end: the tenant setting, else the province and commune the tenant\'s name and address give', async ({ client, assert }) => {
    const danang = await createTenant({ name: 'Thành phố Đà Nẵng' })
    danang.contact = { ...danang.contact, address: '24 Trần Phú, phường Hải Châu, Thành phố Đà Nẵng' }
    await danang.save()
    assert.deepEqual(await withTenant(danang, () => counterAddress()), { provinceCode: '48', communeCode: '20242' })

    const ministry = await createTenant({ name: 'Bộ Tư pháp', kind: 'ministry' })
    ministry.contact = { ...ministry.contact, address: '58–60 Trần Phú, phường Ba Đình, Thành phố Hà Nội' }
    await ministry.save()
    assert.deepEqual(await withTenant(ministry, () => counterAddress()), { provinceCode: '01', communeCode: '00004' })

    ministry.settings = { counterAddress: { province: '48', commune: '20242' } }
    await ministry.save()
    assert.deepEqual(await withTenant(ministry, () => counterAddress()), { provinceCode: '48', communeCode: '20242' })

    // A tenant whose address names no province gets no quote, only the postal company's note.
    const setting = await postageSetting()
    setting.tenant.settings = {}
    await setting.tenant.save()
    assert.isNull(await withTenant(setting.tenant, () => counterAddress()))
    const before = postal.company.quoted.length
    const answer = await askQuote(client, setting, postalFields('result', { recipient: BA_DINH }))
    assert.notInclude(answer.text(), 'Cước bưu chính dự kiến')
    assert.equal(postal.company.quoted.length, before)
  })
})

test.group('PT-15.2 isolation', () => {
  test('PT-15.2 cross-tenant: the postage of another tenant\'s procedure answers 404', async ({ client }) => {
    const setting = await postageSetting()
    await assertNotFoundAcrossTenants(client, {
      method: 'get',
      path: (procedure) => `/dich-vu-cong/${procedure}/nop-ho-so/cuoc-buu-chinh?_postal%5Bmode%5D=submit`,
      owner: setting.tenant,
      id: setting.procedure.id,
    })
  })
})
