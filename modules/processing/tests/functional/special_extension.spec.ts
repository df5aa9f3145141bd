/*
 * Deadline extension (OS-8.4): a new appointment date on a working day after the current one,
 * with the reason; the apology slip (form 04) prints both dates and the reason; the applicant
 * is emailed; the trail records it for the applicant to see.
 */
import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import { formatDate } from '#services/vietnamese_format'
import { pdfText } from '#intake/tests/document_readers'
import DeadlineExtension from '#processing/special/models/deadline_extension'
import { reload } from '#processing/tests/engine_fixtures'
import { assertNotFoundAcrossTenants } from '#tests/helpers/cross_tenant'
import {
  atHandler,
  dayOffAfter,
  freshEmail,
  get,
  getBytes,
  mailTo,
  post,
  specialSetting,
  trailOf,
  workingDayAfter,
  type SpecialSetting,
} from '#processing/tests/special_fixtures'

function extensionsOf(setting: SpecialSetting, dossierId: number) {
  return withTenant(setting.tenant, () => DeadlineExtension.query().where('dossier_id', dossierId))
}

test.group('Deadline extension', (group) => {
  // Each test builds a tenant with a workflow and walks a dossier through it: seconds, more on a busy machine.
  group.each.timeout(120_000)

  test('OS-8.4 the handler extends to a later working day; the apology slip prints both dates and the reason; the applicant is emailed', async ({
    client,
    assert,
  }) => {
    const setting = await specialSetting()
    const email = freshEmail()
    const dossier = await atHandler(setting, { email })
    const previous = dossier.appointmentAt!
    const newDate = await workingDayAfter(setting, 3, previous)

    const page = await get(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/gia-han`)
    page.assertStatus(200)
    assert.include(page.text(), 'Hồ sơ chưa được gia hạn.')

    const response = await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/gia-han`, {
      lock_version: dossier.lockVersion,
      new_date: newDate,
      reason: 'Cần xác minh thực địa',
    })
    response.assertStatus(303)
    const fresh = await reload(setting, dossier.id)
    assert.equal(formatDate(fresh.appointmentAt), newDate)
    assert.equal(fresh.lockVersion, dossier.lockVersion + 1)
    assert.equal(fresh.statusCode, 'dang_xu_ly')
    const [extension] = await extensionsOf(setting, dossier.id)
    assert.equal(extension.previousAppointmentAt.toMillis(), previous.toMillis())
    assert.equal(extension.reason, 'Cần xác minh thực địa')

    const event = (await trailOf(setting, dossier.id)).find((row) => row.action === 'extend')!
    assert.isTrue(event.public)
    assert.equal(event.comment, 'Cần xác minh thực địa')
    assert.equal(event.attachments[0].kind, 'extension')
    assert.equal(event.attachments[0].extension, '03 ngày làm việc')

    // The apology slip (form 04 of the tenant's set) is offered and prints what was decided.
    const after = await get(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/gia-han`)
    assert.include(after.text(), `/mot-cua/ho-so/${dossier.id}/phieu/xin-loi.pdf`)
    const slip = await getBytes(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/phieu/xin-loi.pdf`)
    slip.response.assertStatus(200)
    const text = (await pdfText(slip.bytes)).replace(/\s+/g, ' ')
    assert.include(text, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ')
    assert.include(text, 'Cần xác minh thực địa')
    assert.include(text, newDate)
    assert.include(text, formatDate(previous))

    const mail = await mailTo(email, 'gia hạn thời gian giải quyết')
    assert.include(mail.text, 'Cần xác minh thực địa')
    assert.include(mail.text, `ngày hẹn trả kết quả mới là ${newDate}`)
    assert.include(mail.text, '03 ngày làm việc')
  })

  test('OS-8.4 a date not after the appointment, a day off or no reason is answered at the field and nothing changes', async ({ client, assert }) => {
    const setting = await specialSetting()
    const dossier = await atHandler(setting)
    const earlier = await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/gia-han`, {
      lock_version: dossier.lockVersion,
      new_date: await workingDayAfter(setting, 1),
      reason: '',
    })
    earlier.assertStatus(422)
    assert.include(earlier.text(), 'Ngày hẹn mới phải sau ngày hẹn hiện tại')
    assert.include(earlier.text(), 'Hãy nêu lý do gia hạn.')
    const dayOff = await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/gia-han`, {
      lock_version: dossier.lockVersion,
      new_date: await dayOffAfter(setting, dossier.appointmentAt!),
      reason: 'Chờ kết quả đo đạc',
    })
    dayOff.assertStatus(422)
    assert.include(dayOff.text(), 'là ngày nghỉ')
    assert.lengthOf(await extensionsOf(setting, dossier.id), 0)
    assert.equal((await reload(setting, dossier.id)).appointmentAt!.toMillis(), dossier.appointmentAt!.toMillis())
  })

  test('OS-8.4 issue 5 item 7 wrong officer, stale page and another tenant are refused; nothing changes', async ({ client, assert }) => {
    const setting = await specialSetting()
    const dossier = await atHandler(setting)
    const form = { lock_version: dossier.lockVersion, new_date: await workingDayAfter(setting, 2, dossier.appointmentAt!), reason: 'Xác minh' }
    const wrongOfficer = await post(client, setting, setting.approver, `/mot-cua/ho-so/${dossier.id}/gia-han`, form)
    wrongOfficer.assertStatus(403)
    const stale = await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/gia-han`, { ...form, lock_version: dossier.lockVersion - 1 })
    stale.assertStatus(409)
    assert.include(stale.text(), 'Hồ sơ vừa được người khác cập nhật')
    for (const route of [
      { method: 'get' as const, path: (id: number) => `/mot-cua/ho-so/${id}/gia-han` },
      { method: 'post' as const, path: (id: number) => `/mot-cua/ho-so/${id}/gia-han`, form },
    ]) {
      await assertNotFoundAcrossTenants(client, { ...route, id: dossier.id, owner: setting.tenant })
    }
    assert.lengthOf(await extensionsOf(setting, dossier.id), 0)
    assert.equal((await reload(setting, dossier.id)).lockVersion, dossier.lockVersion)
  })
})
