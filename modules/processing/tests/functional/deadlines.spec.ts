import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import { withTenant } from '#tenancy/tenant_context'
import DossierEvent from '#intake/models/dossier_event'
import { recordSupplement } from '#intake/counter/services/intake_decisions'
import { openSupplementRequestOf } from '#intake/applicant/submit_supplement'
import { testMailbox } from '#tests/helpers/mailbox'
import DossierStep from '#processing/models/dossier_step'
import Reminder from '#processing/models/reminder'
import SweepDeadlines from '#processing/commands/sweep_deadlines'
import { overdueText } from '#processing/services/deadlines'
import { availableActions } from '#processing/services/engine'
import { sweepDeadlines } from '#processing/services/deadline_sweep'
import { setSupplementClock } from '#processing/services/supplement_clock'
import { acceptedDossier, act, clockOf, engineSetting, reload, vn, type EngineSetting } from '#processing/tests/engine_fixtures'

/*
 * Dates: Monday 1 June 2026 08:00 on the default calendar (Monday–Friday, 07:30–11:30 and
 * 13:00–17:00, 480 minutes a day; no holiday in June). The procedure takes 10 working days, so a
 * dossier accepted then is due Monday 15 June 08:00; its "thụ lý" step has 2400 minutes (5 days).
 */
const accepted = vn('2026-06-01T08:00:00')

function openStep(setting: EngineSetting, dossierId: number) {
  return withTenant(setting.tenant, () => DossierStep.query().where('dossier_id', dossierId).whereNull('finished_at').firstOrFail())
}

/** Accepted, forwarded at 09:00 and assigned at 10:00 on 1 June: at "thụ lý", due 8 June 10:00. */
async function atHandler(setting: EngineSetting, email: string | null = null) {
  const dossier = await acceptedDossier(setting, accepted, email)
  await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', vn('2026-06-01T09:00:00'))
  await act(setting, dossier.id, setting.deptHead, 'Phân công thụ lý', vn('2026-06-01T10:00:00'), { assigneeId: setting.handler.id })
  return dossier
}

/** ST-12 on Wednesday 3 June 10:00, the papers handed in at the counter on Friday 5 June 14:00 (ST-17). */
async function supplementLoop(setting: EngineSetting, dossierId: number) {
  await act(setting, dossierId, setting.handler, 'Yêu cầu bổ sung', vn('2026-06-03T10:00:00'), {
    reason: 'Thiếu bản sao giấy chứng sinh',
    papers: ['Bản sao giấy chứng sinh'],
  })
  const waiting = await reload(setting, dossierId)
  await withTenant(setting.tenant, () =>
    recordSupplement(
      waiting,
      waiting.lockVersion,
      { receivedComponentIds: [], byPost: false, note: null },
      { officer: setting.receptionist, lookupUrl: () => '', clock: clockOf(vn('2026-06-05T14:00:00')) }
    )
  )
}

test.group('Deadlines: the supplement stops the clock (issue 5 item 4, OS-3.3)', () => {
  test('ST-12 ST-17 OS-3.3: the clock stops while papers are awaited and resumes with what was left when they arrive', async ({
    assert,
  }) => {
    const setting = await engineSetting()
    const dossier = await atHandler(setting)
    await supplementLoop(setting, dossier.id)

    const waiting = await reload(setting, dossier.id)
    assert.equal(waiting.statusCode, 'da_bo_sung_ho_so')
    assert.equal(waiting.currentStepKey, 'tiep_nhan')

    const back = await act(setting, dossier.id, setting.receptionist, 'Chuyển hồ sơ đã bổ sung', vn('2026-06-08T09:00:00'))
    assert.equal(back.dossier.statusCode, 'da_bo_sung_ho_so')
    assert.equal(back.dossier.currentStepKey, 'thu_ly')
    // The same handler holds it again, with the 3 working days (1440 minutes) the step had left.
    assert.equal(back.startedStep!.assigneeId, setting.handler.id)
    assert.equal(back.startedStep!.allowedMinutes, 1440)
    assert.equal(back.startedStep!.dueAt!.toMillis(), vn('2026-06-11T09:00:00').toMillis())
    // 3720 working minutes were left to the appointment on 3 June 10:00; from 5 June 14:00 that is 17 June 10:30.
    assert.equal(back.dossier.appointmentAt!.toMillis(), vn('2026-06-17T10:30:00').toMillis())
  })

  test('ST-12 ST-17 OS-3.3: a procedure that restarts the clock counts the whole legal deadline again from the supplement', async ({
    assert,
  }) => {
    const setting = await engineSetting()
    await withTenant(setting.tenant, () => setSupplementClock(setting.procedureId, 'restart'))
    const dossier = await atHandler(setting)
    await supplementLoop(setting, dossier.id)
    const back = await act(setting, dossier.id, setting.receptionist, 'Chuyển hồ sơ đã bổ sung', vn('2026-06-08T09:00:00'))
    assert.equal(back.startedStep!.allowedMinutes, 2400)
    assert.equal(back.startedStep!.dueAt!.toMillis(), vn('2026-06-15T09:00:00').toMillis())
    // 10 working days from Friday 5 June 14:00.
    assert.equal(back.dossier.appointmentAt!.toMillis(), vn('2026-06-19T14:00:00').toMillis())
  })

  test('OS-3.3: while papers are awaited the passage has no due time and the receptionist is offered nothing by the engine', async ({
    assert,
  }) => {
    const setting = await engineSetting()
    const dossier = await atHandler(setting)
    await act(setting, dossier.id, setting.handler, 'Yêu cầu bổ sung', vn('2026-06-03T10:00:00'), {
      reason: 'Thiếu tờ khai',
      papers: [' Tờ khai đăng ký khai sinh ', 'Tờ khai đăng ký khai sinh', ''],
    })
    const waiting = await reload(setting, dossier.id)
    assert.equal(waiting.statusCode, 'yeu_cau_bo_sung_giay_to')
    assert.equal(waiting.statusDetail, 'Thiếu tờ khai. Cần bổ sung: Tờ khai đăng ký khai sinh')
    const request = await withTenant(setting.tenant, () => openSupplementRequestOf(waiting))
    assert.equal(request!.reason, 'Thiếu tờ khai')
    assert.deepEqual(request!.papers, ['Tờ khai đăng ký khai sinh'])
    assert.equal(request!.stepKey, 'thu_ly')
    assert.equal(request!.requestedBy, setting.handler.id)
    const passage = await openStep(setting, dossier.id)
    assert.isTrue(passage.clockStopped)
    assert.isNull(passage.dueAt)
    // Long after the appointment date the dossier is still not overdue: its clock is stopped.
    assert.isNull(await withTenant(setting.tenant, () => overdueText(waiting, { clock: clockOf(vn('2026-07-01T10:00:00')) })))
    // The counter records the papers with its own screen; until then the engine offers nothing.
    assert.deepEqual(await withTenant(setting.tenant, () => availableActions(waiting, setting.receptionist)), [])
  })
})

test.group('Deadlines: overdue (ST-16) and the sweep (issue 5 item 4)', () => {
  test('ST-16: past its appointment date the dossier reads "Hạn xử lý 15/06/2026 - Quá hạn N ngày", in working days', async ({ assert }) => {
    const setting = await engineSetting()
    const dossier = await atHandler(setting)
    const fresh = await reload(setting, dossier.id)
    const at = (iso: string) => withTenant(setting.tenant, () => overdueText(fresh, { clock: clockOf(vn(iso)) }))
    assert.isNull(await at('2026-06-15T08:00:00'))
    assert.equal(await at('2026-06-15T08:01:00'), 'Hạn xử lý 15/06/2026 - Quá hạn 1 ngày')
    // Friday evening to Monday morning adds no working day.
    assert.equal(await at('2026-06-18T08:00:00'), 'Hạn xử lý 15/06/2026 - Quá hạn 3 ngày')
    assert.equal(await at('2026-06-22T07:00:00'), 'Hạn xử lý 15/06/2026 - Quá hạn 5 ngày')
  })

  test('ST-16 issue 5 item 4: the sweep marks late steps and dossiers once, records the trail event and reminds the officers', async ({
    assert,
  }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, accepted)
    // At "phân công" from Monday 09:00: due 14:30 that day (240 working minutes).
    await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', vn('2026-06-01T09:00:00'))
    const reminders = () =>
      withTenant(setting.tenant, () => Reminder.query().where('dossier_id', dossier.id).orderBy('id'))
    assert.deepEqual(
      (await reminders()).map((reminder) => [reminder.officerId, reminder.kind]),
      [[setting.deptHead.id, 'new_work']]
    )

    const first = await withTenant(setting.tenant, () => sweepDeadlines({ clock: clockOf(vn('2026-06-02T09:00:00')) }))
    assert.deepEqual(first, { overdueSteps: 1, overdueDossiers: 0, reminders: 1, settledClocks: 0, tasks: { 'delegation(s) ended': 0 } })
    const passage = await openStep(setting, dossier.id)
    assert.equal(passage.overdueAt!.toMillis(), vn('2026-06-02T09:00:00').toMillis())
    assert.deepEqual(
      (await reminders()).map((reminder) => [reminder.officerId, reminder.kind]),
      [
        [setting.deptHead.id, 'new_work'],
        [setting.deptHead.id, 'overdue'],
      ]
    )
    const again = await withTenant(setting.tenant, () => sweepDeadlines({ clock: clockOf(vn('2026-06-02T10:00:00')) }))
    assert.deepEqual(again, { overdueSteps: 0, overdueDossiers: 0, reminders: 0, settledClocks: 0, tasks: { 'delegation(s) ended': 0 } })

    const late = await withTenant(setting.tenant, () => sweepDeadlines({ clock: clockOf(vn('2026-06-18T08:00:00')) }))
    assert.equal(late.overdueDossiers, 1)
    await withTenant(setting.tenant, () => sweepDeadlines({ clock: clockOf(vn('2026-06-19T08:00:00')) }))
    const events = await withTenant(setting.tenant, () => DossierEvent.query().where('dossier_id', dossier.id).where('action', 'overdue'))
    assert.lengthOf(events, 1)
    assert.equal(events[0].comment, 'Hạn xử lý 15/06/2026 - Quá hạn 3 ngày')
    assert.isTrue(events[0].public)
    assert.equal(events[0].actorName, 'Hệ thống')
    // The sweep leaves officers' open forms valid.
    assert.equal((await reload(setting, dossier.id)).lockVersion, 2)
  })

  test('issue 5 item 4: `node ace processing:sweep-deadlines --tenant=…` sweeps the tenant', async ({ assert }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, vn('2020-06-01T08:00:00'))
    await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', vn('2020-06-01T09:00:00'))
    ace.ui.switchMode('raw')
    const command = await ace.create(SweepDeadlines, [`--tenant=${setting.tenant.code}`])
    await command.exec()
    command.assertSucceeded()
    assert.include(command.logger.getLogs().map((log) => log.message).join('\n'), `${setting.tenant.code}: 1 overdue step(s), 1 overdue dossier(s)`)
    ace.ui.switchMode('normal')
    const passage = await openStep(setting, dossier.id)
    assert.isNotNull(passage.overdueAt)
  })
})

test.group('Applicant notices (OL-9, OS-8.9)', () => {
  test('OL-9 OS-8.9 ST-19: the applicant is emailed when handling starts and when the result is ready', async ({ assert }) => {
    const setting = await engineSetting()
    const mailbox = await testMailbox()
    const email = `nguoinop-${setting.tenant.id}@example.vn`
    const dossier = await acceptedDossier(setting, accepted, email)

    await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', vn('2026-06-01T09:00:00'))
    const started = await mailbox.waitFor(email)
    assert.equal(started.subject, `Hồ sơ ${dossier.code} đang được giải quyết`)
    assert.include(started.text, 'Kính gửi ông/bà Nguyễn Văn An,')
    assert.include(started.text, 'Trạng thái: Đang xử lý')
    assert.include(started.text, 'Ngày hẹn trả kết quả: 15/06/2026')

    await act(setting, dossier.id, setting.deptHead, 'Phân công thụ lý', vn('2026-06-01T10:00:00'), { assigneeId: setting.handler.id })
    await act(setting, dossier.id, setting.handler, 'Trình trưởng phòng', vn('2026-06-02T10:00:00'))
    await act(setting, dossier.id, setting.deptHead, 'Trình ký', vn('2026-06-03T10:00:00'))
    await act(setting, dossier.id, setting.approver, 'Phê duyệt', vn('2026-06-04T10:00:00'))
    for (let wait = 0; mailbox.sentTo(email).length < 2 && wait < 100; wait++) await new Promise((resolve) => setTimeout(resolve, 50))
    const ready = mailbox.sentTo(email)[1]
    assert.equal(ready.subject, `Hồ sơ ${dossier.code} đã có kết quả`)
    assert.include(ready.text, 'Trạng thái: Đã xử lý xong')
    assert.include(ready.text, 'Chi tiết: Đang trả kết quả')
    // Assignment and internal steps send nothing: two emails in all.
    assert.lengthOf(mailbox.sentTo(email), 2)
  })
})
