/*
 * The working calendar (issue 3, item 6): which days are worked, the office hours of a working
 * day, and arithmetic on working time — add working minutes or days to a moment, count working
 * minutes between two moments — in Vietnam's time zone. The one-stop desk computes appointment
 * dates and overdue time with it (OS-3.2 step limits, OS-5 appointment dates).
 *
 * What makes a day off, strongest first:
 *  1. an admin override of the day ('day_off' or 'working_day');
 *  2. a public holiday of the Labour Code 2019 (art. 112) as the `date-holidays` library gives
 *     it for VN: 1/1, Tết (the last day of the old lunar year and the next four), Hùng Kings
 *     (10/3 lunar), 30/4, 1/5, 2/9;
 *  3. a compensatory day off (art. 111(3)): a holiday that falls on a weekly rest day moves to
 *     the next working day;
 *  4. the weekly pattern (Monday to Friday unless the tenant says otherwise).
 * The library does not know the day next to 2 September nor the government's yearly Tết
 * arrangement: admins add them as overrides.
 *
 * WorkingCalendar is pure (calendar data in, answer out); loadWorkingCalendar() reads the
 * current tenant's settings and overrides.
 */
import { DateTime } from 'luxon'
import Holidays from 'date-holidays'
import { VIETNAM_ZONE } from '#services/vietnamese_format'
import WorkingCalendarSettings, { type WorkingPeriod } from '#catalog/models/working_calendar'
import CalendarOverride, { type OverrideKind } from '#catalog/models/calendar_override'

export type { WorkingPeriod } from '#catalog/models/working_calendar'
export type { OverrideKind } from '#catalog/models/calendar_override'

export interface CalendarSettings {
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  workingWeekdays: number[]
  /** Office hours of every working day, in order, not overlapping ('HH:mm', local time). */
  workingPeriods: WorkingPeriod[]
}

export interface CalendarOverrideEntry {
  /** ISO date, yyyy-MM-dd. */
  date: string
  kind: OverrideKind
  note?: string | null
}

export interface PublicHoliday {
  /** ISO date, yyyy-MM-dd. */
  date: string
  name: string
}

export type DayOffReason = 'weekly_rest' | 'public_holiday' | 'compensatory' | 'override'

/** Why a day is or is not worked, for the admin screen and for tests. */
export interface DayStatus {
  date: string
  working: boolean
  reason: DayOffReason | 'weekly_pattern' | 'override'
  /** Holiday name, override note, or for a compensatory day the holiday it compensates. */
  label?: string
}

export interface WorkingCalendarData {
  settings: CalendarSettings
  overrides: CalendarOverrideEntry[]
  /** Public holidays of a year; the Vietnamese ones from `date-holidays` when absent. */
  publicHolidays?: (year: number) => PublicHoliday[]
}

/** Vietnamese state office hours (Decision 188/1999/QĐ-TTg practice): Monday–Friday. */
export const DEFAULT_CALENDAR_SETTINGS: Readonly<CalendarSettings> = Object.freeze({
  workingWeekdays: [1, 2, 3, 4, 5],
  workingPeriods: [
    { start: '07:30', end: '11:30' },
    { start: '13:00', end: '17:00' },
  ],
})

export type Moment = DateTime | Date | string

const MINUTE = 60_000
/** Twenty years of days: a safety stop for a calendar with no working day at all. */
const MAX_DAYS_SCANNED = 366 * 20

/* ------------------------------------------------------------- public holidays */

const vietnamHolidays = new Holidays('VN', { types: ['public'], timezone: VIETNAM_ZONE })
const holidayCache = new Map<number, PublicHoliday[]>()

/**
 * The public holidays of Vietnam in `year` from `date-holidays`, one entry per day: Tết comes as
 * a five-day span from the last day of the old lunar year.
 */
export function vietnamesePublicHolidays(year: number): PublicHoliday[] {
  const cached = holidayCache.get(year)
  if (cached) return cached

  const entries = vietnamHolidays.getHolidays(year, 'vi')
  const singleDays = entries.filter((entry) => entry.end.getTime() - entry.start.getTime() <= 86_400_000)
  const byDate = new Map<string, string>()
  for (const entry of entries) {
    const first = DateTime.fromJSDate(entry.start, { zone: VIETNAM_ZONE }).startOf('day')
    const end = DateTime.fromJSDate(entry.end, { zone: VIETNAM_ZONE })
    // A span's later days take the name of the single-day holiday inside it (Tết Nguyên Đán).
    const inner = singleDays.find((other) => other !== entry && other.start > entry.start && other.start < entry.end)
    for (let day = first, index = 0; day < end; day = day.plus({ days: 1 }), index++) {
      const date = day.toISODate()!
      if (byDate.has(date) && index > 0) continue
      byDate.set(date, index === 0 ? entry.name : (inner?.name ?? entry.name))
    }
  }
  const holidays = [...byDate.entries()]
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => a.date.localeCompare(b.date))
  holidayCache.set(year, holidays)
  return holidays
}

/* ------------------------------------------------------------- helpers */

function toVietnamTime(moment: Moment): DateTime {
  const value =
    moment instanceof DateTime
      ? moment
      : moment instanceof Date
        ? DateTime.fromJSDate(moment)
        : DateTime.fromISO(moment, { zone: VIETNAM_ZONE })
  if (!value.isValid) throw new RangeError(`Not a valid moment: ${String(moment)}`)
  return value.setZone(VIETNAM_ZONE)
}

/** 'HH:mm' → minutes after midnight, or null when it is not a time of day. */
export function minutesOfDay(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time)
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

/** Problems with a list of periods, in words a caller can map to messages; empty when fine. */
export function periodProblems(periods: WorkingPeriod[]): Array<{ index: number; problem: 'format' | 'order' | 'overlap' }> {
  const problems: Array<{ index: number; problem: 'format' | 'order' | 'overlap' }> = []
  let previousEnd = -1
  periods.forEach((period, index) => {
    const start = minutesOfDay(period.start)
    const end = minutesOfDay(period.end)
    if (start === null || end === null) problems.push({ index, problem: 'format' })
    else if (end <= start) problems.push({ index, problem: 'order' })
    else if (start < previousEnd) problems.push({ index, problem: 'overlap' })
    if (end !== null) previousEnd = Math.max(previousEnd, end)
  })
  return problems
}

/* ------------------------------------------------------------- the calendar */

export class WorkingCalendar {
  readonly settings: CalendarSettings
  readonly overrides: ReadonlyMap<string, CalendarOverrideEntry>
  readonly #periods: Array<[number, number]>
  readonly #weekdays: Set<number>
  readonly #publicHolidays: (year: number) => PublicHoliday[]
  readonly #offDays = new Map<number, Map<string, { reason: 'public_holiday' | 'compensatory'; label: string }>>()

  constructor(data: WorkingCalendarData) {
    const problems = periodProblems(data.settings.workingPeriods)
    if (problems.length) throw new RangeError(`Invalid working periods: ${JSON.stringify(problems)}`)
    this.settings = {
      workingWeekdays: [...new Set(data.settings.workingWeekdays)].sort((a, b) => a - b),
      workingPeriods: data.settings.workingPeriods.map((period) => ({ ...period })),
    }
    this.#weekdays = new Set(this.settings.workingWeekdays)
    this.#periods = this.settings.workingPeriods.map((period) => [minutesOfDay(period.start)!, minutesOfDay(period.end)!])
    this.overrides = new Map(data.overrides.map((entry) => [entry.date, entry]))
    this.#publicHolidays = data.publicHolidays ?? vietnamesePublicHolidays
  }

  /** Working minutes in one working day (480 with the default hours). */
  get minutesPerWorkingDay(): number {
    return this.#periods.reduce((total, [start, end]) => total + end - start, 0)
  }

  /** Whether the calendar day of `date` (in Vietnam) is worked. */
  isWorkingDay(date: Moment): boolean {
    return this.dayStatus(date).working
  }

  dayStatus(date: Moment): DayStatus {
    const day = toVietnamTime(date)
    const iso = day.toISODate()!
    const override = this.overrides.get(iso)
    if (override) {
      return { date: iso, working: override.kind === 'working_day', reason: 'override', label: override.note ?? undefined }
    }
    const off = this.#offDaysOf(day.year).get(iso) ?? this.#offDaysOf(day.year - 1).get(iso)
    if (off) return { date: iso, working: false, reason: off.reason, label: off.label }
    return this.#weekdays.has(day.weekday)
      ? { date: iso, working: true, reason: 'weekly_pattern' }
      : { date: iso, working: false, reason: 'weekly_rest' }
  }

  /**
   * Every day of `year` that differs from the weekly pattern or is a holiday: public holidays,
   * compensatory days off and overrides, in date order (for the admin screen).
   */
  exceptionsOf(year: number): DayStatus[] {
    const dates = new Set<string>()
    for (const [date] of this.#offDaysOf(year)) dates.add(date)
    for (const [date] of this.#offDaysOf(year - 1)) if (date.startsWith(`${year}-`)) dates.add(date)
    for (const holiday of this.#publicHolidays(year)) dates.add(holiday.date)
    for (const date of this.overrides.keys()) if (date.startsWith(`${year}-`)) dates.add(date)
    return [...dates]
      .filter((date) => date.startsWith(`${year}-`))
      .sort()
      .map((date) => {
        const status = this.dayStatus(DateTime.fromISO(date, { zone: VIETNAM_ZONE }))
        const holiday = this.#publicHolidays(year).find((entry) => entry.date === date)
        return status.reason === 'override' && holiday && !status.label ? { ...status, label: holiday.name } : status
      })
  }

  /** The working periods of the calendar day of `date` as moments (none on a day off). */
  periodsOn(date: Moment): Array<{ start: DateTime; end: DateTime }> {
    const day = toVietnamTime(date).startOf('day')
    if (!this.isWorkingDay(day)) return []
    return this.#periods.map(([start, end]) => ({ start: day.plus({ minutes: start }), end: day.plus({ minutes: end }) }))
  }

  /**
   * The moment `minutes` working minutes after `moment`. Counting starts at `moment` if it is in
   * office hours, otherwise at the next working period; the answer may be the end of a period
   * (adding 30 minutes at 11:00 gives 11:30, not 13:00).
   */
  addWorkingMinutes(moment: Moment, minutes: number): DateTime {
    if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Cannot add ${minutes} working minutes`)
    const from = toVietnamTime(moment)
    if (minutes === 0) return from
    let remaining = minutes * MINUTE
    let day = from.startOf('day')
    for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++, day = day.plus({ days: 1 })) {
      for (const period of this.periodsOn(day)) {
        if (period.end <= from) continue
        const start = period.start < from ? from : period.start
        const available = period.end.toMillis() - start.toMillis()
        if (remaining <= available) return start.plus({ milliseconds: remaining })
        remaining -= available
      }
    }
    throw new RangeError('The working calendar has no working time within twenty years')
  }

  /** `days` working days after `moment`, a working day being minutesPerWorkingDay (0.5 allowed). */
  addWorkingDays(moment: Moment, days: number): DateTime {
    if (!Number.isFinite(days) || days < 0) throw new RangeError(`Cannot add ${days} working days`)
    return this.addWorkingMinutes(moment, days * this.minutesPerWorkingDay)
  }

  /** Working minutes between two moments; negative when `to` is before `from`. */
  workingMinutesBetween(from: Moment, to: Moment): number {
    const start = toVietnamTime(from)
    const end = toVietnamTime(to)
    if (end < start) return -this.workingMinutesBetween(end, start)
    let total = 0
    for (let day = start.startOf('day'); day <= end; day = day.plus({ days: 1 })) {
      for (const period of this.periodsOn(day)) {
        const overlapStart = Math.max(period.start.toMillis(), start.toMillis())
        const overlapEnd = Math.min(period.end.toMillis(), end.toMillis())
        if (overlapEnd > overlapStart) total += overlapEnd - overlapStart
      }
    }
    return total / MINUTE
  }

  /**
   * Public holidays of `year` and the compensatory days off they give (art. 111(3): a holiday on
   * a weekly rest day moves to the next day that is worked by the weekly pattern and not itself
   * a holiday). A compensatory day may fall in the next year.
   */
  #offDaysOf(year: number) {
    const cached = this.#offDays.get(year)
    if (cached) return cached
    const offDays = new Map<string, { reason: 'public_holiday' | 'compensatory'; label: string }>()
    const holidays = this.#publicHolidays(year)
    const holidayDates = new Set([...holidays, ...this.#publicHolidays(year + 1)].map((holiday) => holiday.date))
    for (const holiday of holidays) offDays.set(holiday.date, { reason: 'public_holiday', label: holiday.name })
    if (this.#weekdays.size > 0) {
      for (const holiday of holidays) {
        const date = DateTime.fromISO(holiday.date, { zone: VIETNAM_ZONE })
        if (this.#weekdays.has(date.weekday)) continue
        let next = date.plus({ days: 1 })
        while (!this.#weekdays.has(next.weekday) || holidayDates.has(next.toISODate()!) || offDays.has(next.toISODate()!)) {
          next = next.plus({ days: 1 })
        }
        offDays.set(next.toISODate()!, { reason: 'compensatory', label: holiday.name })
      }
    }
    this.#offDays.set(year, offDays)
    return offDays
  }
}

/* ------------------------------------------------------------- the tenant's calendar */

/** The current tenant's settings, or the defaults when it has none (runs in the tenant scope). */
export async function loadCalendarSettings(): Promise<CalendarSettings> {
  const row = await WorkingCalendarSettings.query().first()
  if (!row) return { ...DEFAULT_CALENDAR_SETTINGS }
  return { workingWeekdays: row.workingWeekdays, workingPeriods: row.workingPeriods }
}

/** The current tenant's overrides, in date order. */
export function listCalendarOverrides() {
  return CalendarOverride.query().orderBy('date')
}

/** The current tenant's working calendar: its settings (or the defaults) and its overrides. */
export async function loadWorkingCalendar(): Promise<WorkingCalendar> {
  // One after the other: a request's queries share its transaction's single connection.
  const settings = await loadCalendarSettings()
  return calendarOf(settings, await listCalendarOverrides())
}

function calendarOf(settings: CalendarSettings, overrides: CalendarOverride[]) {
  return new WorkingCalendar({
    settings,
    overrides: overrides.map((override) => ({
      date: override.date.toISODate()!,
      kind: override.kind,
      note: override.note || null,
    })),
  })
}

/** Saves the current tenant's working weekdays and office hours. */
export async function saveCalendarSettings(settings: CalendarSettings) {
  const row = (await WorkingCalendarSettings.query().first()) ?? new WorkingCalendarSettings()
  row.workingWeekdays = [...new Set(settings.workingWeekdays)].sort((a, b) => a - b)
  row.workingPeriods = settings.workingPeriods.map(({ start, end }) => ({ start, end }))
  await row.save()
  return row
}

/** Declares a day off or a working day for the current tenant (replacing one on the same date). */
export async function addCalendarOverride(details: { date: DateTime; kind: OverrideKind; note?: string | null }) {
  const override =
    (await CalendarOverride.query().where('date', details.date.toISODate()!).first()) ?? new CalendarOverride()
  override.merge({ date: details.date, kind: details.kind, note: details.note?.trim() ?? '' })
  await override.save()
  return override
}

/** The override with this id in the current tenant, or a 404. */
export function findCalendarOverride(id: number) {
  return CalendarOverride.query().where('id', id).firstOrFail()
}

export async function removeCalendarOverride(override: CalendarOverride) {
  await override.delete()
}

/** One line of the admin screen's list of a year's days off and worked exceptions. */
export interface CalendarYearDay extends DayStatus {
  day: DateTime
  /** The admin override that decides the day, when there is one (it can be deleted). */
  overrideId: number | null
}

/** The current tenant's calendar and the exceptional days of `year`, for the admin screen. */
export async function calendarYear(year: number) {
  const settings = await loadCalendarSettings()
  const overrides = await listCalendarOverrides()
  const calendar = calendarOf(settings, overrides)
  const idsByDate = new Map(overrides.map((override) => [override.date.toISODate()!, override.id]))
  const days: CalendarYearDay[] = calendar.exceptionsOf(year).map((status) => ({
    ...status,
    day: DateTime.fromISO(status.date, { zone: VIETNAM_ZONE }),
    overrideId: status.reason === 'override' ? (idsByDate.get(status.date) ?? null) : null,
  }))
  return { calendar, days }
}
