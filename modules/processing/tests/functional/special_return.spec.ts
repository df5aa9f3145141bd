/*
 * The return of results (OS-10, OS-11, ST-19, ST-20): "Đã xử lý xong" back at the counter; the
 * receptionist records who collected it (the applicant, a proxy or an authorised person, with
 * their ID number) and the fee receipt, or sends it by post to the recipient of the postal form,
 * or delivers the electronic result into the applicant's account for level-4 services; or
 * records that the result is ready but not returned for want of the originals. The applicant is
 * emailed each time; the dossier ends "Đã trả kết quả" with the date.
 */
import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import { formatDate } from '#services/vietnamese_format'
import Procedure from '#catalog/models/procedure'
import Dossier from '#intake/models/dossier'
import DossierFile from '#intake/files/dossier_file'
import ResultReturn from '#processing/special/models/result_return'
import ResultDocument from '#processing/special/models/result_document'
import { attachResultDocument } from '#processing/special/services/result_documents'
import { act, reload } from '#processing/tests/engine_fixtures'
import { assertNotFoundAcrossTenants, createIntruder } from '#tests/helpers/cross_tenant'
import { createCitizen } from '#tests/helpers/tenants'
import {
  atHandler,
  atReturn,
  freshEmail,
  get,
  getBytes,
  mailTo,
  now,
  post,
  specialSetting,
  trailOf,
  type SpecialSetting,
} from '#processing/tests/special_fixtures'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

function returnsOf(setting: SpecialSetting, dossierId: number) {
  return withTenant(setting.tenant, () => ResultReturn.query().where('dossier_id', dossierId).orderBy('id'))
}

const RECIPIENT = {
  fullName: 'Trần Văn Nhận',
  phone: '0987654321',
  provinceCode: '01',
  provinceName: 'Thành phố Hà Nội',
  communeCode: '00004',
  communeName: 'Phường Ba Đình',
  detail: '12 Phố Đội Cấn',
}

/** A level-4 dossier filed from a citizen's account, its result document attached, approved and back at the counter. */
/** Filed by a citizen with an account: notices go to the account's email (PT-5.2). */
async function electronicDossier(setting: SpecialSetting) {
  const citizen = await createCitizen(setting.tenant)
  await withTenant(setting.tenant, async () => {
    const procedure = await Procedure.findOrFail(setting.procedureId)
    procedure.onlineLevel = 4
    await procedure.save()
  })
  const dossier = await atHandler(setting, { email: citizen.email! })
  await withTenant(setting.tenant, async () => {
    await Dossier.query().where('id', dossier.id).update({ applicant_id: citizen.id })
    const folder = mkdtempSync(join(tmpdir(), 'ket-qua-'))
    const path = join(folder, 'giay-phep.pdf')
    writeFileSync(path, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
    await attachResultDocument({
      dossierId: dossier.id,
      expectedLockVersion: dossier.lockVersion,
      actor: setting.handler,
      title: 'Giấy phép kinh doanh',
      upload: { tmpPath: path, clientName: 'giay-phep.pdf', size: 44 },
    })
  })
  await act(setting, dossier.id, setting.handler, 'Trình trưởng phòng', now().minus({ seconds: 20 }))
  await act(setting, dossier.id, setting.deptHead, 'Trình ký', now().minus({ seconds: 10 }))
  await act(setting, dossier.id, setting.approver, 'Phê duyệt', now().minus({ seconds: 5 }))
  return { dossier: await reload(setting, dossier.id), citizen }
}

test.group('Return of results', (group) => {
  // Each test builds a tenant with a workflow and walks a dossier through it: seconds, more on a busy machine.
  group.each.timeout(120_000)

  test('OS-10.1 OS-10.4 OS-10.5 ST-19 ST-20 the counter lists the resolved dossier and hands it to an authorised person with the fee receipt', async ({
    client,
    assert,
  }) => {
    const setting = await specialSetting()
    const email = freshEmail()
    const dossier = await atReturn(setting, { email })
    assert.equal(dossier.statusCode, 'da_xu_ly_xong')
    assert.equal(dossier.statusDetail, 'Đang trả kết quả')

    // OS-10.1: the resolved dossier, the time it finished and its timeliness.
    const list = await get(client, setting, setting.receptionist, '/mot-cua/tra-ket-qua')
    list.assertStatus(200)
    assert.include(list.text(), dossier.code)
    assert.include(list.text(), 'Trước hạn')
    assert.include(list.text(), 'Chờ trả')

    const page = await get(client, setting, setting.receptionist, `/mot-cua/ho-so/${dossier.id}/tra-ket-qua`)
    page.assertStatus(200)
    assert.include(page.text(), 'Ghi nhận trả kết quả')
    assert.notInclude(page.text(), 'Bản điện tử vào tài khoản của người nộp')

    const missingNote = await post(client, setting, setting.receptionist, `/mot-cua/ho-so/${dossier.id}/tra-ket-qua`, {
      lock_version: dossier.lockVersion,
      method: 'in_person',
      collector_kind: 'authorised',
      collector_name: 'Lê Thị Ủy',
      collector_id_number: '12345',
    })
    missingNote.assertStatus(422)
    assert.include(missingNote.text(), 'Hãy nhập số CCCD (12 chữ số) hoặc CMND (9 chữ số) của người nhận.')
    assert.include(missingNote.text(), 'Hãy ghi giấy tờ ủy quyền hoặc quan hệ với người nộp hồ sơ.')

    const returned = await post(client, setting, setting.receptionist, `/mot-cua/ho-so/${dossier.id}/tra-ket-qua`, {
      lock_version: dossier.lockVersion,
      method: 'in_person',
      collector_kind: 'authorised',
      collector_name: 'Lê Thị Ủy',
      collector_id_number: '001190012345',
      fee_receipt_number: 'BL-2026-0042',
      fee_amount: '50.000',
      note: 'Giấy ủy quyền có chứng thực ngày 10/11/2026',
    })
    returned.assertStatus(303)
    const after = await reload(setting, dossier.id)
    assert.equal(after.statusCode, 'da_tra_ket_qua')
    assert.equal(after.statusDetail, `Ngày trả kết quả: ${formatDate(now())}`)
    assert.isNull(after.currentStepKey)
    const [record] = await returnsOf(setting, dossier.id)
    assert.deepEqual(
      [record.outcome, record.method, record.collectorKind, record.collectorName, record.collectorIdNumber, record.feeReceiptNumber, record.feeAmount],
      ['returned', 'in_person', 'authorised', 'Lê Thị Ủy', '001190012345', 'BL-2026-0042', 50_000]
    )
    const event = (await trailOf(setting, dossier.id)).at(-1)!
    assert.deepEqual([event.action, event.fromStatus, event.toStatus, event.public], ['return_result', 'da_xu_ly_xong', 'da_tra_ket_qua', true])
    assert.include(event.comment!, 'Người nhận: Lê Thị Ủy (người được ủy quyền), số giấy tờ tùy thân 001190012345.')
    assert.include(event.comment!, 'Biên lai phí, lệ phí số BL-2026-0042: 50.000 đ.')

    // OS-10.2: the applicant is told at the result.
    const mail = await mailTo(email, 'đã trả kết quả')
    assert.include(mail.text, 'Kết quả đã được trao cho Lê Thị Ủy.')
    const done = await get(client, setting, setting.receptionist, '/mot-cua/tra-ket-qua?danh-sach=da-tra')
    assert.include(done.text(), dossier.code)
    assert.include(done.text(), 'Trực tiếp tại Bộ phận một cửa')
  })

  test('OS-10.6 the result is ready but not returned for want of the originals; it is returned later to the applicant', async ({ client, assert }) => {
    const setting = await specialSetting()
    const email = freshEmail()
    const dossier = await atReturn(setting, { email })
    const notYet = await post(client, setting, setting.receptionist, `/mot-cua/ho-so/${dossier.id}/tra-ket-qua/chua-tra`, {
      lock_version: dossier.lockVersion,
      missing_note: 'Bản chính Giấy chứng nhận quyền sử dụng đất',
    })
    notYet.assertStatus(303)
    let fresh = await reload(setting, dossier.id)
    assert.equal(fresh.statusCode, 'da_xu_ly_xong')
    assert.equal(fresh.statusDetail, 'Đang trả kết quả – Chưa trả được: Bản chính Giấy chứng nhận quyền sử dụng đất')
    const event = (await trailOf(setting, dossier.id)).at(-1)!
    assert.deepEqual([event.action, event.public], ['result_not_returned', true])
    const mail = await mailTo(email, 'mang bản chính để đối chiếu')
    assert.include(mail.text, 'Bản chính Giấy chứng nhận quyền sử dụng đất')
    const list = await get(client, setting, setting.receptionist, '/mot-cua/tra-ket-qua')
    assert.include(list.text(), 'Chưa trả được: Bản chính Giấy chứng nhận quyền sử dụng đất')

    const returned = await post(client, setting, setting.receptionist, `/mot-cua/ho-so/${dossier.id}/tra-ket-qua`, {
      lock_version: fresh.lockVersion,
      method: 'in_person',
      collector_kind: 'applicant',
    })
    returned.assertStatus(303)
    fresh = await reload(setting, dossier.id)
    assert.equal(fresh.statusCode, 'da_tra_ket_qua')
    const records = await returnsOf(setting, dossier.id)
    assert.deepEqual(
      records.map((row) => [row.outcome, row.collectorName, row.collectorIdNumber]),
      [
        ['not_returned', null, null],
        ['returned', 'Nguyễn Văn An', '001090012345'],
      ]
    )
  })

  test('OS-10.7 OS-11.1 OS-11.2 the result goes by post to the recipient the applicant chose', async ({ client, assert }) => {
    const setting = await specialSetting()
    const dossier = await atReturn(setting)
    await withTenant(setting.tenant, () =>
      Dossier.query()
        .where('id', dossier.id)
        .update({ postal_service: JSON.stringify({ submitByPost: false, resultByPost: true, recipient: RECIPIENT }) })
    )
    const page = await get(client, setting, setting.receptionist, `/mot-cua/ho-so/${dossier.id}/tra-ket-qua`)
    assert.include(page.text(), 'value="Trần Văn Nhận"')
    assert.include(page.text(), 'value="12 Phố Đội Cấn"')
    const badPhone = await post(client, setting, setting.receptionist, `/mot-cua/ho-so/${dossier.id}/tra-ket-qua`, {
      lock_version: dossier.lockVersion,
      method: 'post',
      recipient_name: 'Trần Văn Nhận',
      recipient_phone: '12345',
      recipient_province: '',
      recipient_commune: 'Phường Ba Đình',
      recipient_detail: '12 Phố Đội Cấn',
    })
    badPhone.assertStatus(422)
    assert.include(badPhone.text(), 'Hãy nhập số điện thoại 10 chữ số')
    assert.include(badPhone.text(), 'Hãy nhập tỉnh, thành phố.')
    const sent = await post(client, setting, setting.receptionist, `/mot-cua/ho-so/${dossier.id}/tra-ket-qua`, {
      lock_version: dossier.lockVersion,
      method: 'post',
      recipient_name: RECIPIENT.fullName,
      recipient_phone: RECIPIENT.phone,
      recipient_province: RECIPIENT.provinceName,
      recipient_commune: RECIPIENT.communeName,
      recipient_detail: RECIPIENT.detail,
      tracking_number: 'EB123456789VN',
    })
    sent.assertStatus(303)
    const [record] = await returnsOf(setting, dossier.id)
    assert.equal(record.method, 'post')
    assert.deepEqual(record.recipient, RECIPIENT)
    assert.equal(record.postalTrackingNumber, 'EB123456789VN')
    assert.equal((await reload(setting, dossier.id)).statusCode, 'da_tra_ket_qua')
  })

  test('OS-10 OL-9 level 4: the electronic result is delivered into the applicant’s account, who can open it', async ({ client, assert }) => {
    const setting = await specialSetting()
    const { dossier, citizen } = await electronicDossier(setting)
    const page = await get(client, setting, setting.receptionist, `/mot-cua/ho-so/${dossier.id}/tra-ket-qua`)
    assert.include(page.text(), 'Bản điện tử vào tài khoản của người nộp')
    const response = await post(client, setting, setting.receptionist, `/mot-cua/ho-so/${dossier.id}/tra-ket-qua`, {
      lock_version: dossier.lockVersion,
      method: 'electronic',
    })
    response.assertStatus(303)
    const [document] = await withTenant(setting.tenant, () => ResultDocument.query().where('dossier_id', dossier.id))
    assert.isNotNull(document.deliveredAt)
    const files = await withTenant(setting.tenant, () => DossierFile.query().where('dossier_id', dossier.id).where('kind', 'result'))
    assert.lengthOf(files, 1)
    assert.equal(files[0].storedFileId, document.storedFileId)
    assert.equal(files[0].label, 'Giấy phép kinh doanh')
    const download = await getBytes(client, setting, citizen, `/tep/${document.storedFileId}`)
    download.response.assertStatus(200)
    assert.isTrue(download.bytes.subarray(0, 5).equals(Buffer.from('%PDF-')))
    const mail = await mailTo(citizen.email!, 'đã trả kết quả')
    assert.include(mail.text, 'Kết quả điện tử đã được chuyển vào tài khoản của ông/bà')
    assert.equal((await reload(setting, dossier.id)).statusCode, 'da_tra_ket_qua')
  })

  test('OS-10 issue 5 item 7 refusals: not the counter, wrong step, electronic for a non-level-4 service, a stale page, another tenant', async ({
    client,
    assert,
  }) => {
    const setting = await specialSetting()
    const dossier = await atReturn(setting)
    const path = `/mot-cua/ho-so/${dossier.id}/tra-ket-qua`
    const form = { lock_version: dossier.lockVersion, method: 'in_person', collector_kind: 'applicant' }
    ;(await post(client, setting, setting.handler, path, form)).assertStatus(403)
    ;(await get(client, setting, setting.handler, '/mot-cua/tra-ket-qua')).assertStatus(403)
    const electronic = await post(client, setting, setting.receptionist, path, { ...form, method: 'electronic' })
    electronic.assertStatus(422)
    assert.include(electronic.text(), 'Chỉ trả kết quả điện tử cho dịch vụ công mức độ 4')
    const stale = await post(client, setting, setting.receptionist, path, { ...form, lock_version: dossier.lockVersion - 1 })
    stale.assertStatus(409)
    const early = await atHandler(setting)
    const wrongStep = await post(client, setting, setting.receptionist, `/mot-cua/ho-so/${early.id}/tra-ket-qua`, { ...form, lock_version: early.lockVersion })
    wrongStep.assertStatus(403)
    assert.include(wrongStep.text(), 'Hồ sơ chưa về Bộ phận một cửa để trả kết quả.')
    const intruder = await createIntruder()
    for (const route of [
      { method: 'get' as const, path: (id: number) => `/mot-cua/ho-so/${id}/tra-ket-qua` },
      { method: 'post' as const, path: (id: number) => `/mot-cua/ho-so/${id}/tra-ket-qua`, form },
      { method: 'post' as const, path: (id: number) => `/mot-cua/ho-so/${id}/tra-ket-qua/chua-tra`, form: { lock_version: dossier.lockVersion, missing_note: 'x' } },
    ]) {
      await assertNotFoundAcrossTenants(client, { ...route, id: dossier.id, owner: setting.tenant, intruder })
    }
    const after = await reload(setting, dossier.id)
    assert.equal(after.statusCode, 'da_xu_ly_xong')
    assert.equal(after.lockVersion, dossier.lockVersion)
    assert.lengthOf(await returnsOf(setting, dossier.id), 0)
  })
})
