import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { VIETNAM_ZONE } from '#services/vietnamese_format'
import {
  DEFAULT_CALENDAR_SETTINGS,
  WorkingCalendar,
  periodProblems,
  vietnamesePublicHolidays,
  type CalendarOverrideEntry,
} from '#catalog/services/working_calendar'

/** A moment in Vietnam: at('2026-03-06 16:30'). */
function at(text: string) {
  return DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone: VIETNAM_ZONE })
}

function show(moment: DateTime) {
  return moment.setZone(VIETNAM_ZONE).toFormat('yyyy-MM-dd HH:mm')
}

function calendar(overrides: CalendarOverrideEntry[] = []) {
  return new WorkingCalendar({ settings: DEFAULT_CALENDAR_SETTINGS, overrides })
}

test.group('OS-3.2 working calendar: the Vietnamese public holidays', () => {
  test('OS-3.2 date-holidays gives 1/1, Tết (five days from the last day of the old year), Hùng Kings, 30/4, 1/5, 2/9', ({
    assert,
  }) => {
    assert.deepEqual(
      vietnamesePublicHolidays(2026).map((holiday) => holiday.date),
      ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-26', '2026-04-30', '2026-05-01', '2026-09-02']
    )
    assert.deepEqual(
      vietnamesePublicHolidays(2027).map((holiday) => holiday.date),
      ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-04-16', '2027-04-30', '2027-05-01', '2027-09-02']
    )
    const names = Object.fromEntries(vietnamesePublicHolidays(2027).map((holiday) => [holiday.date, holiday.name]))
    assert.equal(names['2027-02-05'], 'Giao thừa Tết Nguyên Đán')
    assert.equal(names['2027-02-06'], 'Tết Nguyên Đán')
    assert.equal(names['2027-02-09'], 'Tết Nguyên Đán')
    assert.equal(names['2027-04-16'], 'Giỗ tổ Hùng Vương')
  })

  test('OS-3.2 a holiday on a weekly rest day gives the next working day off (Labour Code art. 111(3))', ({ assert }) => {
    const days = calendar()
    // Hùng Kings day 2026 is a Sunday; 1 May 2027 is a Saturday.
    assert.deepInclude(days.dayStatus('2026-04-26'), { working: false, reason: 'public_holiday' })
    assert.deepEqual(days.dayStatus('2026-04-27'), {
      date: '2026-04-27',
      working: false,
      reason: 'compensatory',
      label: 'Giỗ tổ Hùng Vương',
    })
    assert.isTrue(days.isWorkingDay('2026-04-28'))
    assert.deepInclude(days.dayStatus('2027-05-03'), { working: false, reason: 'compensatory' })
    assert.isTrue(days.isWorkingDay('2027-05-04'))
  })
})

test.group('OS-3.2 OS-5 working calendar: adding working time', () => {
  test('OS-3.2 a working day is 480 minutes with the default office hours', ({ assert }) => {
    assert.equal(calendar().minutesPerWorkingDay, 480)
    const short = new WorkingCalendar({
      settings: { workingWeekdays: [1, 2, 3, 4, 5], workingPeriods: [{ start: '08:00', end: '12:00' }] },
      overrides: [],
    })
    assert.equal(short.minutesPerWorkingDay, 240)
  })

  test('OS-3.2 counting across a weekend resumes on Monday at 07:30', ({ assert }) => {
    const days = calendar()
    // Friday 6 March 2026, 16:00: one hour left that day, one more on Monday.
    assert.equal(show(days.addWorkingMinutes(at('2026-03-06 16:00'), 120)), '2026-03-09 08:30')
    assert.isFalse(days.isWorkingDay('2026-03-07'))
    assert.isFalse(days.isWorkingDay('2026-03-08'))
    assert.equal(show(days.addWorkingDays(at('2026-03-06 10:00'), 1)), '2026-03-09 10:00')
  })

  test('OS-3.2 a step that starts after office hours starts counting at the next working period', ({ assert }) => {
    const days = calendar()
    // Friday 16:30 leaves 30 minutes that day: 60 working minutes end on Monday at 08:00.
    assert.equal(show(days.addWorkingMinutes(at('2026-03-06 16:30'), 60)), '2026-03-09 08:00')
    // Friday evening, Saturday and early Monday all start at Monday 07:30.
    assert.equal(show(days.addWorkingMinutes(at('2026-03-06 18:45'), 60)), '2026-03-09 08:30')
    assert.equal(show(days.addWorkingMinutes(at('2026-03-07 10:00'), 30)), '2026-03-09 08:00')
    assert.equal(show(days.addWorkingMinutes(at('2026-03-09 06:00'), 30)), '2026-03-09 08:00')
    // The lunch break is not working time; a step may end at the end of a period.
    assert.equal(show(days.addWorkingMinutes(at('2026-03-09 12:00'), 30)), '2026-03-09 13:30')
    assert.equal(show(days.addWorkingMinutes(at('2026-03-09 11:00'), 30)), '2026-03-09 11:30')
    assert.equal(show(days.addWorkingMinutes(at('2026-03-09 11:00'), 31)), '2026-03-09 13:01')
    // Zero minutes leave the moment as it is.
    assert.equal(show(days.addWorkingMinutes(at('2026-03-07 10:00'), 0)), '2026-03-07 10:00')
  })

  test('OS-3.2 moments in another zone are read in Vietnam time', ({ assert }) => {
    const days = calendar()
    // 09:30 UTC is 16:30 in Hà Nội.
    const result = days.addWorkingMinutes('2026-03-06T09:30:00Z', 60)
    assert.equal(result.zoneName, VIETNAM_ZONE)
    assert.equal(show(result), '2026-03-09 08:00')
    assert.equal(show(days.addWorkingMinutes(new Date('2026-03-06T09:30:00Z'), 60)), '2026-03-09 08:00')
  })

  test('OS-3.2 OS-5 across Tết 2027: 5 to 9 February off, and 10 and 11 February for the weekend inside it', ({
    assert,
  }) => {
    const days = calendar()
    for (const date of ['2027-02-05', '2027-02-08', '2027-02-09']) {
      assert.deepInclude(days.dayStatus(date), { working: false, reason: 'public_holiday' }, date)
    }
    for (const date of ['2027-02-06', '2027-02-07']) assert.isFalse(days.isWorkingDay(date), date)
    for (const date of ['2027-02-10', '2027-02-11']) {
      assert.deepInclude(days.dayStatus(date), { working: false, reason: 'compensatory' }, date)
    }
    assert.isTrue(days.isWorkingDay('2027-02-04'))
    assert.isTrue(days.isWorkingDay('2027-02-12'))

    // Thursday 4 February 16:00 + 2 hours: one before Tết, one on Friday 12 February.
    assert.equal(show(days.addWorkingMinutes(at('2027-02-04 16:00'), 120)), '2027-02-12 08:30')
    // An appointment three working days after a dossier received on 3 February 2027 at 09:00.
    assert.equal(show(days.addWorkingDays(at('2027-02-03 09:00'), 3)), '2027-02-15 09:00')
    assert.equal(days.workingMinutesBetween(at('2027-02-04 17:00'), at('2027-02-12 07:30')), 0)
  })

  test('OS-3.2 OS-5 across Tết 2026: 16 to 20 February off', ({ assert }) => {
    const days = calendar()
    assert.isTrue(days.isWorkingDay('2026-02-13'))
    for (const date of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      assert.isFalse(days.isWorkingDay(date), date)
    }
    assert.equal(show(days.addWorkingDays(at('2026-02-13 16:00'), 1)), '2026-02-23 16:00')
  })

  test('OS-3.2 an override working Saturday is worked with the usual office hours', ({ assert }) => {
    const days = calendar([{ date: '2026-03-07', kind: 'working_day', note: 'Làm bù cho ngày 30/04' }])
    assert.deepEqual(days.dayStatus('2026-03-07'), {
      date: '2026-03-07',
      working: true,
      reason: 'override',
      label: 'Làm bù cho ngày 30/04',
    })
    assert.equal(show(days.addWorkingMinutes(at('2026-03-06 16:30'), 60)), '2026-03-07 08:00')
    assert.equal(days.workingMinutesBetween(at('2026-03-06 17:00'), at('2026-03-09 07:30')), 480)
  })

  test('OS-3.2 an override day off is skipped, and overrides beat holidays', ({ assert }) => {
    const days = calendar([
      { date: '2026-03-09', kind: 'day_off', note: 'Nghỉ bù' },
      { date: '2026-09-01', kind: 'day_off', note: 'Nghỉ Quốc khánh (ngày liền kề)' },
      { date: '2026-04-27', kind: 'working_day' },
    ])
    assert.equal(show(days.addWorkingMinutes(at('2026-03-06 16:30'), 60)), '2026-03-10 08:00')
    assert.isFalse(days.isWorkingDay('2026-09-01'))
    assert.isFalse(days.isWorkingDay('2026-09-02'))
    // The compensatory day of Hùng Kings day, taken back by the admin.
    assert.isTrue(days.isWorkingDay('2026-04-27'))

    const exceptions = days.exceptionsOf(2026)
    assert.deepInclude(exceptions, { date: '2026-09-01', working: false, reason: 'override', label: 'Nghỉ Quốc khánh (ngày liền kề)' })
    assert.deepInclude(exceptions, { date: '2026-09-02', working: false, reason: 'public_holiday', label: 'Quốc khánh' })
    assert.deepInclude(exceptions, { date: '2026-04-27', working: true, reason: 'override', label: undefined })
    assert.deepEqual(
      exceptions.map((day) => day.date),
      [...exceptions.map((day) => day.date)].sort()
    )
  })

  test('OS-3.2 OS-5 fractional working days', ({ assert }) => {
    const days = calendar()
    assert.equal(show(days.addWorkingDays(at('2026-03-09 07:30'), 0.5)), '2026-03-09 11:30')
    assert.equal(show(days.addWorkingDays(at('2026-03-09 09:30'), 0.5)), '2026-03-09 15:00')
    assert.equal(show(days.addWorkingDays(at('2026-03-09 07:30'), 1.5)), '2026-03-10 11:30')
    assert.equal(show(days.addWorkingDays(at('2026-03-06 15:00'), 0.25)), '2026-03-06 17:00')
    assert.equal(show(days.addWorkingDays(at('2026-03-06 15:00'), 0.375)), '2026-03-09 08:30')
  })

  test('OS-3.2 workingMinutesBetween agrees with addWorkingMinutes, both ways', ({ assert }) => {
    const days = calendar([{ date: '2027-02-13', kind: 'working_day' }])
    const starts = ['2026-03-06 16:30', '2026-03-07 09:00', '2026-03-09 12:15', '2027-02-04 10:10', '2026-12-31 16:59']
    for (const start of starts) {
      for (const minutes of [1, 30, 59, 240, 479, 480, 1000, 4321]) {
        const end = days.addWorkingMinutes(at(start), minutes)
        assert.equal(days.workingMinutesBetween(at(start), end), minutes, `${start} + ${minutes}`)
        assert.equal(days.workingMinutesBetween(end, at(start)), -minutes, `${start} + ${minutes} backwards`)
      }
    }
    assert.equal(days.workingMinutesBetween(at('2026-03-06 16:30'), at('2026-03-09 08:00')), 60)
    assert.equal(days.workingMinutesBetween(at('2026-03-07 08:00'), at('2026-03-08 20:00')), 0)
    assert.equal(days.workingMinutesBetween(at('2026-03-09 10:00'), at('2026-03-09 10:00')), 0)
  })
})

test.group('OS-3.2 working calendar: settings', () => {
  test('OS-3.2 a tenant working Monday to Saturday with its own hours, on injected holidays', ({ assert }) => {
    const days = new WorkingCalendar({
      settings: {
        workingWeekdays: [6, 1, 2, 3, 4, 5],
        workingPeriods: [
          { start: '08:00', end: '12:00' },
          { start: '13:30', end: '17:30' },
        ],
      },
      overrides: [],
      publicHolidays: (year) => (year === 2026 ? [{ date: '2026-03-10', name: 'Ngày thử' }] : []),
    })
    assert.deepEqual(days.settings.workingWeekdays, [1, 2, 3, 4, 5, 6])
    assert.equal(show(days.addWorkingMinutes(at('2026-03-06 17:00'), 60)), '2026-03-07 08:30')
    assert.equal(show(days.addWorkingMinutes(at('2026-03-09 17:00'), 60)), '2026-03-11 08:30')
    // Only the injected holiday: 30 April is worked.
    assert.isTrue(days.isWorkingDay('2026-04-30'))
  })

  test('OS-3.2 bad office hours and impossible requests are refused', ({ assert }) => {
    assert.deepEqual(periodProblems([{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }]), [])
    assert.deepEqual(periodProblems([{ start: '7h30', end: '11:30' }]), [{ index: 0, problem: 'format' }])
    assert.deepEqual(periodProblems([{ start: '11:30', end: '07:30' }]), [{ index: 0, problem: 'order' }])
    assert.deepEqual(periodProblems([{ start: '07:30', end: '11:30' }, { start: '11:00', end: '17:00' }]), [
      { index: 1, problem: 'overlap' },
    ])
    assert.throws(() => new WorkingCalendar({ settings: { workingWeekdays: [1], workingPeriods: [{ start: '12:00', end: '08:00' }] }, overrides: [] }))
    assert.throws(() => calendar().addWorkingMinutes(at('2026-03-09 08:00'), -5))
    const never = new WorkingCalendar({ settings: { workingWeekdays: [], workingPeriods: DEFAULT_CALENDAR_SETTINGS.workingPeriods }, overrides: [] })
    assert.throws(() => never.addWorkingMinutes(at('2026-03-09 08:00'), 5), /no working time/)
  })
})
