import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { WorkingCalendar, DEFAULT_CALENDAR_SETTINGS } from '#catalog/services/working_calendar'
import DossierClock from '#processing/models/dossier_clock'
import { overdueLine, workingDaysLate } from '#processing/services/deadlines'
import { allowanceOnEntry, awaitsReturn, resumeClock, stopClock } from '#processing/services/supplement_clock'
import { trailActionOf } from '#processing/services/trail_actions'
import { noticeKindOf } from '#processing/services/applicant_notices'
import type { RuntimeStep, RuntimeTransition } from '#processing/services/workflow_runtime'

const calendar = new WorkingCalendar({ settings: DEFAULT_CALENDAR_SETTINGS, overrides: [] })
const vn = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Ho_Chi_Minh' })

function step(key: string, kind: RuntimeStep['kind'], position: number, timeLimitMinutes = 480): RuntimeStep {
  return { id: position + 1, key, name: key, kind, departmentId: null, role: 'handler', timeLimitMinutes, entryChannels: [], position }
}

function transition(fromKey: string, toKey: string | null, statusCode: string): RuntimeTransition {
  return { id: 1, fromKey, toKey, action: 'x', statusCode, requiresReason: false, requiresAttachment: false, position: 0 }
}

function freshClock() {
  return new DossierClock().merge({
    dossierId: 1,
    stoppedAt: null,
    dossierRemainingMinutes: null,
    returnStepKey: null,
    returnStepRemainingMinutes: null,
    supplementReceivedAt: null,
    stoppedMinutesTotal: 0,
    trailSequence: 0,
  })
}

test.group('ST-16 overdue in working days', () => {
  test('ST-16 every working day begun after the deadline counts, weekends and holidays do not', ({ assert }) => {
    const due = vn('2026-06-12T17:00:00') // a Friday evening
    assert.equal(workingDaysLate(calendar, due, vn('2026-06-12T17:00:00')), 0)
    assert.equal(workingDaysLate(calendar, due, vn('2026-06-13T10:00:00')), 1, 'the Saturday after: late, by less than a day')
    assert.equal(workingDaysLate(calendar, due, vn('2026-06-15T07:45:00')), 1)
    assert.equal(workingDaysLate(calendar, due, vn('2026-06-16T07:45:00')), 2)
    // 30 April and 1 May 2026 are public holidays (Thursday, Friday).
    assert.equal(workingDaysLate(calendar, vn('2026-04-29T17:00:00'), vn('2026-05-04T17:00:00')), 1)
  })

  test('ST-16 the text names the deadline day and the days; none while the clock is stopped or after processing', ({ assert }) => {
    const dossier = { appointmentAt: vn('2026-06-15T08:00:00'), currentStepKey: 'thu_ly', statusCode: 'dang_xu_ly' }
    const at = vn('2026-06-18T08:00:00')
    assert.equal(overdueLine(dossier, at, calendar, null), 'Hạn xử lý 15/06/2026 - Quá hạn 3 ngày')
    assert.isNull(overdueLine(dossier, at, calendar, { stoppedAt: vn('2026-06-10T08:00:00') }))
    assert.isNull(overdueLine({ ...dossier, statusCode: 'yeu_cau_bo_sung_giay_to' }, at, calendar, null))
    assert.isNull(overdueLine({ ...dossier, statusCode: 'da_xu_ly_xong' }, at, calendar, null))
    assert.isNull(overdueLine({ ...dossier, currentStepKey: null }, at, calendar, null))
  })
})

test.group('OS-3.3 the supplement clock', () => {
  test('OS-3.3 stopping keeps what was left; resuming carries on with it; the asking step gets its time back once', ({ assert }) => {
    const clock = freshClock()
    const appointment = vn('2026-06-15T08:00:00')
    stopClock(clock, vn('2026-06-03T10:00:00'), calendar, appointment, { key: 'thu_ly', dueAt: vn('2026-06-08T10:00:00') })
    assert.equal(clock.dossierRemainingMinutes, 3720)
    assert.equal(clock.returnStepRemainingMinutes, 1440)
    assert.isTrue(awaitsReturn(clock, 'tiep_nhan'))
    // A second request while stopped changes nothing.
    stopClock(clock, vn('2026-06-04T10:00:00'), calendar, appointment, { key: 'kiem_tra', dueAt: null })
    assert.equal(clock.returnStepKey, 'thu_ly')

    const moved = resumeClock(clock, vn('2026-06-05T14:00:00'), calendar, 'resume', appointment, 4800)
    assert.equal(moved!.toMillis(), vn('2026-06-17T10:30:00').toMillis())
    assert.equal(clock.stoppedMinutesTotal, 1110)
    assert.equal(allowanceOnEntry(clock, step('phan_cong', 'assignment', 1, 240), 'resume'), 240)
    assert.equal(allowanceOnEntry(clock, step('thu_ly', 'processing', 2, 2400), 'resume'), 1440)
    assert.equal(allowanceOnEntry(clock, step('thu_ly', 'processing', 2, 2400), 'resume'), 2400, 'only the first return')
  })

  test('OS-3.3 restarting counts the whole legal deadline and gives the step its whole limit', ({ assert }) => {
    const clock = freshClock()
    stopClock(clock, vn('2026-06-03T10:00:00'), calendar, vn('2026-06-15T08:00:00'), { key: 'thu_ly', dueAt: vn('2026-06-08T10:00:00') })
    const moved = resumeClock(clock, vn('2026-06-05T14:00:00'), calendar, 'restart', vn('2026-06-15T08:00:00'), 4800)
    assert.equal(moved!.toMillis(), vn('2026-06-19T14:00:00').toMillis())
    assert.equal(allowanceOnEntry(clock, step('thu_ly', 'processing', 2, 2400), 'restart'), 2400)
  })
})

test.group('Trail codes and applicant notices', () => {
  test('OS-18 a transition is recorded by what it does', ({ assert }) => {
    const intake = step('tiep_nhan', 'intake', 0)
    const assignment = step('phan_cong', 'assignment', 1)
    const processing = step('thu_ly', 'processing', 2)
    const approval = step('phe_duyet', 'approval', 3)
    assert.equal(trailActionOf(transition('tiep_nhan', 'phan_cong', 'dang_xu_ly'), intake, assignment), 'forward')
    assert.equal(trailActionOf(transition('phan_cong', 'thu_ly', 'dang_xu_ly'), assignment, processing), 'assign')
    assert.equal(trailActionOf(transition('thu_ly', 'phe_duyet', 'dang_xu_ly'), processing, approval), 'submit_for_approval')
    assert.equal(trailActionOf(transition('phe_duyet', 'thu_ly', 'dang_xu_ly'), approval, processing), 'send_back')
    assert.equal(trailActionOf(transition('thu_ly', 'tiep_nhan', 'yeu_cau_bo_sung_giay_to'), processing, intake), 'request_supplement')
    assert.equal(trailActionOf(transition('thu_ly', null, 'dung_xu_ly'), processing, null), 'stop')
  })

  test('OL-9 OS-8.9 the applicant hears when handling starts and at the result, not of internal moves', ({ assert }) => {
    const intake = step('tiep_nhan', 'intake', 0)
    const processing = step('thu_ly', 'processing', 2)
    assert.equal(noticeKindOf({ fromStep: intake, fromStatus: 'duoc_tiep_nhan', toStatus: 'dang_xu_ly' }), 'handling_started')
    assert.isNull(noticeKindOf({ fromStep: processing, fromStatus: 'dang_xu_ly', toStatus: 'dang_xu_ly' }))
    assert.equal(noticeKindOf({ fromStep: processing, fromStatus: 'dang_xu_ly', toStatus: 'yeu_cau_bo_sung_giay_to' }), 'supplement_requested')
    assert.equal(noticeKindOf({ fromStep: processing, fromStatus: 'dang_xu_ly', toStatus: 'da_xu_ly_xong' }), 'result_ready')
    assert.isNull(noticeKindOf({ fromStep: processing, fromStatus: 'da_xu_ly_xong', toStatus: 'da_tra_ket_qua' }))
  })
})
