/*
 * The working-calendar forms of the admin screen: the weekly pattern with its office hours, and
 * a day declared off or worked. Messages come from resources/lang/<locale>/validator.json; the
 * ones that only make sense here from calendar.json under `validation.<field>.<rule>`.
 */
import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import { parseVietnameseDate, vietnameseDate } from '#users/validators/rules'
import { OVERRIDE_KINDS } from '#catalog/models/calendar_override'
import { minutesOfDay, periodProblems } from '#catalog/services/working_calendar'

/** The form shows one row per period plus empty ones; at most this many are read. */
export const MAX_WORKING_PERIODS = 4

/** 7:30, 07:30, 7h30 or 07:30:00 (a time input may add seconds) as HH:mm; null if not a time. */
export function normaliseTime(value: string): string | null {
  const match = /^(\d{1,2})[:hH.](\d{2})(?::00)?$/.exec(value.trim())
  const time = match ? `${match[1].padStart(2, '0')}:${match[2]}` : null
  return time && minutesOfDay(time) !== null ? time : null
}

/** A time of day, stored as HH:mm. */
const timeOfDay = vine.createRule((value: unknown, _options, field: FieldContext) => {
  if (typeof value !== 'string') return
  const time = normaliseTime(value)
  if (!time) {
    field.report('The {{ field }} must be written as hh:mm', 'timeOfDay', field)
    return
  }
  field.mutate(time, field)
})

/** After timeOfDay on end_time: the period ends after it starts. */
const afterStart = vine.createRule((value: unknown, _options, field: FieldContext) => {
  if (typeof value !== 'string' || !field.isValid) return
  const start = normaliseTime(String(field.parent?.start_time ?? ''))
  const end = normaliseTime(value)
  if (start && end && minutesOfDay(end)! <= minutesOfDay(start)!) {
    field.report('The {{ field }} must be after the start time', 'afterStart', field)
  }
})

/** The periods follow each other in the day without overlapping. */
const periodsInOrder = vine.createRule((value: unknown, _options, field: FieldContext) => {
  if (!Array.isArray(value) || !field.isValid) return
  const periods = value.map((row) => ({
    start: normaliseTime(String(row?.start_time ?? '')) ?? '',
    end: normaliseTime(String(row?.end_time ?? '')) ?? '',
  }))
  if (periodProblems(periods).some((problem) => problem.problem === 'overlap')) {
    field.report('The periods must follow each other without overlapping', 'periodsInOrder', field)
  }
})

/** Rows left empty at the end of the form are not periods. */
function withoutTrailingBlankRows(value: unknown) {
  if (!Array.isArray(value)) return value
  const rows = [...value]
  const blank = (row: any) => !row || (!String(row.start_time ?? '').trim() && !String(row.end_time ?? '').trim())
  while (rows.length && blank(rows[rows.length - 1])) rows.pop()
  return rows
}

export const calendarSettingsValidator = vine.create(
  vine.object({
    // One ticked box may arrive as a plain value rather than a list.
    working_weekdays: vine
      .array(vine.number().withoutDecimals().range([1, 7]))
      .parse((value) => (typeof value === 'string' ? [value] : value))
      .minLength(1)
      .distinct(),
    working_periods: vine
      .array(
        vine.object({
          start_time: vine.string().trim().use(timeOfDay()),
          end_time: vine.string().trim().use(timeOfDay()).use(afterStart()),
        })
      )
      .parse(withoutTrailingBlankRows)
      .minLength(1)
      .maxLength(MAX_WORKING_PERIODS)
      .use(periodsInOrder()),
  })
)

export const calendarOverrideValidator = vine.create(
  vine.object({
    date: vine
      .string()
      .trim()
      .use(vietnameseDate())
      .transform((value) => parseVietnameseDate(value)!),
    kind: vine.enum(OVERRIDE_KINDS),
    note: vine.string().trim().maxLength(255).optional(),
  })
)

/** The shared i18n messages, preceded by this screen's own: `calendar.validation.<field>.<rule>`. */
export function calendarFormMessages(i18n: I18n): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage, rule, field, meta) {
      const own = `calendar.validation.${field.wildCardPath}.${rule}`
      if (i18n.hasMessage(own)) return i18n.t(own)
      return shared.getMessage(defaultMessage, rule, field, meta)
    },
  }
}
