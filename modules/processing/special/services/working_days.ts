/*
 * Dates officers type (DD/MM/YYYY) read against the tenant's working calendar: a due date or a
 * new appointment date must be a working day, and it stands for the end of that day's office
 * hours, as appointment dates do.
 */
import type { DateTime } from 'luxon'
import type { WorkingCalendar } from '#catalog/index'
import { formatDate } from '#services/vietnamese_format'
import { parseVietnameseDate } from '#users/index'

export type DayReading = { moment: DateTime; error: null } | { moment: null; error: string }

/** The end of office hours on the working day typed in `text`, or why it cannot be used. */
export function workingDayEnd(calendar: WorkingCalendar, text: unknown): DayReading {
  const typed = typeof text === 'string' ? text.trim() : ''
  if (!typed) return { moment: null, error: 'Hãy nhập ngày theo dạng NN/TT/NNNN.' }
  const day = parseVietnameseDate(typed)
  if (!day) return { moment: null, error: 'Ngày không hợp lệ; hãy nhập theo dạng NN/TT/NNNN.' }
  const status = calendar.dayStatus(day)
  if (!status.working) {
    const why = status.label ? ` (${status.label})` : status.reason === 'weekly_rest' ? ' (ngày nghỉ hằng tuần)' : ''
    return { moment: null, error: `Ngày ${formatDate(day)} là ngày nghỉ${why}; hãy chọn một ngày làm việc.` }
  }
  const periods = calendar.periodsOn(day)
  return { moment: periods[periods.length - 1].end, error: null }
}

/** "02 ngày làm việc": the working days between two moments, rounded up, as the apology slip writes it. */
export function workingDaysText(calendar: WorkingCalendar, from: DateTime, to: DateTime) {
  const days = Math.max(1, Math.ceil(calendar.workingMinutesBetween(from, to) / calendar.minutesPerWorkingDay))
  return `${String(days).padStart(2, '0')} ngày làm việc`
}
