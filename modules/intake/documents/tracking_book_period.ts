/*
 * The period of a tracking book printout, from the query string (?tu=DD/MM/YYYY&den=DD/MM/YYYY):
 * both dates, in order, at most 366 days apart (one printout, one request). Errors are message
 * keys by field, shown at the field on the tracking book page.
 */
import type { DateTime } from 'luxon'
import { parseVietnameseDate } from '#users/index'

export const MAX_PERIOD_DAYS = 366

export type PeriodField = 'tu' | 'den'
export type PeriodError = 'required' | 'format' | 'order' | 'span'

export type PeriodResult =
  | { valid: true; from: DateTime; to: DateTime }
  | { valid: false; errors: Partial<Record<PeriodField, PeriodError>> }

function dateOf(value: unknown): DateTime | PeriodError {
  if (typeof value !== 'string' || !value.trim()) return 'required'
  if (!/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(value.trim())) return 'format'
  return parseVietnameseDate(value) ?? 'format'
}

export function trackingBookPeriod(query: Record<string, unknown>): PeriodResult {
  const from = dateOf(query.tu)
  const to = dateOf(query.den)
  const errors: Partial<Record<PeriodField, PeriodError>> = {}
  if (typeof from === 'string') errors.tu = from
  if (typeof to === 'string') errors.den = to
  if (typeof from !== 'string' && typeof to !== 'string') {
    if (to < from) errors.den = 'order'
    else if (to.diff(from, 'days').days >= MAX_PERIOD_DAYS) errors.den = 'span'
    else return { valid: true, from, to }
  }
  return { valid: false, errors }
}
