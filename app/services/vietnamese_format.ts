/*
 * Dates and times as the circular wants them everywhere (NF-15): DD/MM/YYYY and hh:mm:ss,
 * in Vietnam's time zone whatever the server's zone is.
 */
import { DateTime } from 'luxon'

export const VIETNAM_ZONE = 'Asia/Ho_Chi_Minh'

type Moment = DateTime | Date | string | null | undefined

function toVietnamTime(moment: Moment): DateTime | null {
  if (!moment) return null
  const dateTime =
    moment instanceof DateTime
      ? moment
      : moment instanceof Date
        ? DateTime.fromJSDate(moment)
        : DateTime.fromISO(moment)
  return dateTime.isValid ? dateTime.setZone(VIETNAM_ZONE) : null
}

export function formatDate(moment: Moment): string {
  return toVietnamTime(moment)?.toFormat('dd/MM/yyyy') ?? ''
}

export function formatTime(moment: Moment): string {
  return toVietnamTime(moment)?.toFormat('HH:mm:ss') ?? ''
}

export function formatDateTime(moment: Moment): string {
  const time = toVietnamTime(moment)
  return time ? time.toFormat('HH:mm:ss dd/MM/yyyy') : ''
}
