/*
 * Financial obligation (ST-18, OS-10.3): "Yêu cầu thực hiện nghĩa vụ tài chính" with the amount
 * and what it is for; the applicant is emailed; the clock stops and no workflow action moves the
 * dossier until the payment is recorded from the receipt, which returns it to "Đang xử lý" with
 * its holder and moves the appointment date by the working time it waited.
 */
import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import { loadWorkingCalendar } from '#catalog/services/working_calendar'
import { availableActions } from '#processing/services/engine'
import DossierClock from '#processing/models/dossier_clock'
import DossierStep from '#processing/models/dossier_step'
import FinancialObligation from '#processing/special/models/financial_obligation'
import { recordPayment, requestFinancialObligation } from '#processing/special/services/financial_obligations'
import { acceptedDossier, act, clockOf, reload, transitionId, vn } from '#processing/tests/engine_fixtures'
import { assertNotFoundAcrossTenants } from '#tests/helpers/cross_tenant'
import {
  atHandler,
  freshEmail,
  mailTo,
  now,
  post,
  specialSetting,
  trailOf,
  workingDayAfter,
  type SpecialSetting,
} from '#processing/tests/special_fixtures'
import { formatDate } from '#services/vietnamese_format'

function obligationsOf(setting: SpecialSetting, dossierId: number) {
  return withTenant(setting.tenant, () => FinancialObligation.query().where('dossier_id', dossierId).orderBy('id'))
}

function openPassage(setting: SpecialSetting, dossierId: number) {
  return withTenant(setting.tenant, () => DossierStep.query().where('dossier_id', dossierId).whereNull('finished_at').firstOrFail())
}

test.group('Financial obligation', (group) => {
  // Each test builds a tenant with a workflow and walks a dossier through it: seconds, more on a busy machine.
  group.each.timeout(120_000)

  test('ST-18 OS-10.3 the handler asks for a payment; the applicant is emailed; the workflow waits; the counter records the receipt and processing goes on', async ({
    client,
    assert,
  }) => {
    const setting = await specialSetting()
    const email = freshEmail()
    const dossier = await atHandler(setting, { email })
    const due = await workingDayAfter(setting, 5)

    const asked = await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/nghia-vu-tai-chinh`, {
      lock_version: dossier.lockVersion,
      amount: '1.500.000',
      content: 'Lệ phí trước bạ',
      due_date: due,
    })
    asked.assertStatus(303)
    let fresh = await reload(setting, dossier.id)
    assert.equal(fresh.statusCode, 'yeu_cau_thuc_hien_nghia_vu_tai_chinh')
    assert.equal(fresh.statusDetail, `Số tiền phải nộp: 1.500.000 đ – Lệ phí trước bạ – Hạn nộp: ${due}`)
    assert.equal(fresh.currentStepKey, 'thu_ly')
    const clock = await withTenant(setting.tenant, () => DossierClock.findByOrFail('dossierId', dossier.id))
    assert.isNotNull(clock.stoppedAt)
    const passage = await openPassage(setting, dossier.id)
    assert.isNull(passage.dueAt)
    assert.isTrue(passage.clockStopped)
    const event = (await trailOf(setting, dossier.id)).find((row) => row.action === 'request_financial_obligation')!
    assert.isTrue(event.public)
    assert.equal(event.toStatus, 'yeu_cau_thuc_hien_nghia_vu_tai_chinh')

    const mail = await mailTo(email, 'yêu cầu thực hiện nghĩa vụ tài chính')
    assert.include(mail.text, '1.500.000 đ: Lệ phí trước bạ.')
    assert.include(mail.text, `Hạn nộp: ${due}.`)

    // The workflow waits: no action offered, and the engine's own form is refused with the reason.
    const offered = await withTenant(setting.tenant, async () => availableActions(await reload(setting, dossier.id), setting.handler))
    assert.lengthOf(offered, 0)
    const direct = await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/hanh-dong`, {
      lock_version: fresh.lockVersion,
      transition_id: await transitionId(setting, 'thu_ly', 'Trình trưởng phòng'),
    })
    direct.assertStatus(403)
    assert.include(direct.text(), 'Hồ sơ đang chờ người nộp thực hiện nghĩa vụ tài chính')

    // Less than due is refused at the field; then the counter records the receipt.
    const short = await post(client, setting, setting.receptionist, `/mot-cua/ho-so/${dossier.id}/nghia-vu-tai-chinh/nop`, {
      lock_version: fresh.lockVersion,
      receipt_number: 'BL-000123',
      paid_amount: '1.000.000',
      paid_on: formatDate(now()),
    })
    short.assertStatus(422)
    assert.include(short.text(), 'Số tiền đã nộp ít hơn số tiền phải nộp (1.500.000 đ).')
    const paid = await post(client, setting, setting.receptionist, `/mot-cua/ho-so/${dossier.id}/nghia-vu-tai-chinh/nop`, {
      lock_version: fresh.lockVersion,
      receipt_number: 'BL-000123',
      paid_amount: '1.500.000',
      paid_on: formatDate(now()),
    })
    paid.assertStatus(303)
    fresh = await reload(setting, dossier.id)
    assert.equal(fresh.statusCode, 'dang_xu_ly')
    assert.include(fresh.statusDetail, 'Chuyên viên Lê Văn Thụ, Phòng Tư pháp')
    const [obligation] = await obligationsOf(setting, dossier.id)
    assert.equal(obligation.receiptNumber, 'BL-000123')
    assert.equal(obligation.paidAmount, 1_500_000)
    assert.equal(obligation.recordedBy, setting.receptionist.id)
    assert.isNotNull((await openPassage(setting, dossier.id)).dueAt)
    const payment = (await trailOf(setting, dossier.id)).find((row) => row.action === 'record_payment')!
    assert.deepEqual([payment.fromStatus, payment.toStatus, payment.public], ['yeu_cau_thuc_hien_nghia_vu_tai_chinh', 'dang_xu_ly', true])
    assert.include(payment.comment!, 'biên lai số BL-000123')
    await mailTo(email, 'đã ghi nhận nộp nghĩa vụ tài chính')

    const after = await withTenant(setting.tenant, async () => availableActions(await reload(setting, dossier.id), setting.handler))
    assert.include(
      after.map((action) => action.transition.action),
      'Trình trưởng phòng'
    )
  })

  test('ST-18 OS-10.3 at the workflow\u2019s own financial obligation step the counter asks for the payment and records it before the dossier goes on', async ({
    client,
    assert,
  }) => {
    const setting = await specialSetting({ template: 'inter_agency' })
    const dossier = await atHandler(setting)
    await act(setting, dossier.id, setting.handler, 'Trình ký', now().minus({ minutes: 3 }))
    await act(setting, dossier.id, setting.approver, 'Chuyển liên thông', now().minus({ minutes: 2 }))
    await act(setting, dossier.id, setting.otherHandler, 'Chuyển thu nghĩa vụ tài chính', now().minus({ minutes: 1 }))
    let fresh = await reload(setting, dossier.id)
    assert.equal(fresh.currentStepKey, 'nghia_vu_tai_chinh')
    assert.equal(fresh.statusCode, 'dang_xu_ly')

    // Nothing paid yet: the way on is not offered, and forcing it is refused with the reason.
    const offered = async () =>
      withTenant(setting.tenant, async () => (await availableActions(await reload(setting, dossier.id), setting.receptionist)).map((action) => action.transition.action))
    assert.notInclude(await offered(), 'Chuyển trả kết quả')
    const forced = await post(client, setting, setting.receptionist, `/mot-cua/ho-so/${dossier.id}/hanh-dong`, {
      lock_version: fresh.lockVersion,
      transition_id: await transitionId(setting, 'nghia_vu_tai_chinh', 'Chuyển trả kết quả'),
    })
    forced.assertStatus(403)
    assert.include(forced.text(), 'ghi nhận biên lai nộp tiền trước khi chuyển tiếp')

    // The counter's page links to the obligation form at this step; asked, then paid.
    const page = await client.get(`/mot-cua/ho-so/${dossier.id}`).header('host', setting.host).loginAs(setting.receptionist)
    assert.include(page.text(), `href="/mot-cua/ho-so/${dossier.id}/nghia-vu-tai-chinh"`)
    ;(await post(client, setting, setting.receptionist, `/mot-cua/ho-so/${dossier.id}/nghia-vu-tai-chinh`, {
      lock_version: fresh.lockVersion,
      amount: '750.000',
      content: 'Lệ phí cấp giấy chứng nhận',
    })).assertStatus(303)
    fresh = await reload(setting, dossier.id)
    assert.equal(fresh.statusCode, 'yeu_cau_thuc_hien_nghia_vu_tai_chinh')
    assert.notInclude(await offered(), 'Chuyển trả kết quả')
    ;(await post(client, setting, setting.receptionist, `/mot-cua/ho-so/${dossier.id}/nghia-vu-tai-chinh/nop`, {
      lock_version: fresh.lockVersion,
      receipt_number: 'BL-000777',
      paid_amount: '750.000',
      paid_on: formatDate(now()),
    })).assertStatus(303)
    assert.include(await offered(), 'Chuyển trả kết quả')
    await act(setting, dossier.id, setting.receptionist, 'Chuyển trả kết quả', now())
    fresh = await reload(setting, dossier.id)
    assert.equal(fresh.currentStepKey, 'tra_ket_qua')
    assert.equal(fresh.statusCode, 'da_xu_ly_xong')
  })

  test('ST-18 the time waiting for the payment does not count: the appointment date and the step due time move by it', async ({ assert }) => {
    const setting = await specialSetting()
    const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
    await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', vn('2026-06-01T09:00:00'))
    await act(setting, dossier.id, setting.deptHead, 'Phân công thụ lý', vn('2026-06-01T10:00:00'), { assigneeId: setting.handler.id })
    const before = await reload(setting, dossier.id)
    const stepDueBefore = (await openPassage(setting, dossier.id)).dueAt!

    await withTenant(setting.tenant, () =>
      requestFinancialObligation(
        { dossierId: dossier.id, expectedLockVersion: before.lockVersion, actor: setting.handler, amount: 200000, content: 'Phí thẩm định' },
        { clock: clockOf(vn('2026-06-02T08:00:00')) }
      )
    )
    // Paid two working days later (Wednesday 08:00 to Friday 08:00).
    const waiting = await reload(setting, dossier.id)
    await withTenant(setting.tenant, () =>
      recordPayment(
        { dossierId: dossier.id, expectedLockVersion: waiting.lockVersion, actor: setting.receptionist, receiptNumber: 'BL-7', paidAmount: '200.000', paidOn: '04/06/2026' },
        { clock: clockOf(vn('2026-06-04T08:00:00')) }
      )
    )
    const after = await reload(setting, dossier.id)
    const calendar = await withTenant(setting.tenant, () => loadWorkingCalendar())
    assert.equal(after.appointmentAt!.toMillis(), calendar.addWorkingDays(before.appointmentAt!, 2).toMillis())
    assert.equal((await openPassage(setting, dossier.id)).dueAt!.toMillis(), calendar.addWorkingDays(stepDueBefore, 2).toMillis())
    const clock = await withTenant(setting.tenant, () => DossierClock.findByOrFail('dossierId', dossier.id))
    assert.isNull(clock.stoppedAt)
    assert.equal(clock.stoppedMinutesTotal, 2 * calendar.minutesPerWorkingDay)
  })

  test('ST-18 issue 5 item 7 refusals: bad amount, wrong officer, wrong step, stale page, another tenant', async ({ client, assert }) => {
    const setting = await specialSetting()
    const dossier = await atHandler(setting)
    const path = `/mot-cua/ho-so/${dossier.id}/nghia-vu-tai-chinh`
    const bad = await post(client, setting, setting.handler, path, { lock_version: dossier.lockVersion, amount: 'một triệu', content: '' })
    bad.assertStatus(422)
    assert.include(bad.text(), 'Hãy nhập số tiền bằng số, ví dụ 1.500.000.')
    assert.include(bad.text(), 'Hãy nêu nội dung nghĩa vụ tài chính')
    const form = { lock_version: dossier.lockVersion, amount: '50000', content: 'Lệ phí' }
    ;(await post(client, setting, setting.otherHandler, path, form)).assertStatus(403)
    ;(await post(client, setting, setting.handler, path, { ...form, lock_version: dossier.lockVersion + 1 })).assertStatus(409)
    const counterDossier = await acceptedDossier(setting, now())
    const wrongStep = await post(client, setting, setting.receptionist, `/mot-cua/ho-so/${counterDossier.id}/nghia-vu-tai-chinh`, {
      ...form,
      lock_version: counterDossier.lockVersion,
    })
    wrongStep.assertStatus(403)
    // Recording a payment nobody asked for.
    const nothingDue = await post(client, setting, setting.receptionist, `${path}/nop`, {
      lock_version: dossier.lockVersion,
      receipt_number: 'BL-1',
      paid_amount: '50000',
      paid_on: formatDate(now()),
    })
    nothingDue.assertStatus(403)
    assert.include(nothingDue.text(), 'Hồ sơ không chờ thực hiện nghĩa vụ tài chính.')

    await post(client, setting, setting.handler, path, form).then((response) => response.assertStatus(303))
    const waiting = await reload(setting, dossier.id)
    const outsider = await post(client, setting, setting.outsider, `${path}/nop`, {
      lock_version: waiting.lockVersion,
      receipt_number: 'BL-1',
      paid_amount: '50000',
      paid_on: formatDate(now()),
    })
    outsider.assertStatus(403)
    for (const route of [
      { method: 'get' as const, path: (id: number) => `/mot-cua/ho-so/${id}/nghia-vu-tai-chinh` },
      { method: 'post' as const, path: (id: number) => `/mot-cua/ho-so/${id}/nghia-vu-tai-chinh`, form },
      { method: 'post' as const, path: (id: number) => `/mot-cua/ho-so/${id}/nghia-vu-tai-chinh/nop`, form: { lock_version: waiting.lockVersion } },
    ]) {
      await assertNotFoundAcrossTenants(client, { ...route, id: dossier.id, owner: setting.tenant })
    }
    const [obligation] = await obligationsOf(setting, dossier.id)
    assert.isNull(obligation.recordedAt)
    assert.equal((await reload(setting, dossier.id)).statusCode, 'yeu_cau_thuc_hien_nghia_vu_tai_chinh')
  })
})
