import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'
import { VIETNAM_ZONE } from '#services/vietnamese_format'

export const OVERRIDE_KINDS = ['day_off', 'working_day'] as const
export type OverrideKind = (typeof OVERRIDE_KINDS)[number]

/** A calendar day as a date in Vietnam, whatever the server's time zone (pg gives local midnight). */
function consumeDay(value: Date | string | null) {
  if (!value) return value
  if (typeof value === 'string') return DateTime.fromISO(value.slice(0, 10), { zone: VIETNAM_ZONE })
  return DateTime.fromObject(
    { year: value.getFullYear(), month: value.getMonth() + 1, day: value.getDate() },
    { zone: VIETNAM_ZONE }
  )
}

/**
 * A day an admin declares off (compensatory day off, the day next to 2 September, the
 * government's Tết arrangement) or worked (a working Saturday), against the usual pattern.
 */
export default class CalendarOverride extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column({ consume: consumeDay, prepare: (value: DateTime) => value.toISODate() })
  declare date: DateTime

  @column()
  declare kind: OverrideKind

  @column()
  declare note: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
