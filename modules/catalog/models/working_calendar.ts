import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/** Office hours of a working day, local time in Vietnam: { start: '07:30', end: '11:30' }. */
export interface WorkingPeriod {
  start: string
  end: string
}

/**
 * A tenant's working pattern (one row at most per tenant). A tenant without a row works the
 * defaults of the working-calendar service: Monday to Friday, 07:30–11:30 and 13:00–17:00.
 */
export default class WorkingCalendarSettings extends TenantOwnedModel {
  static table = 'working_calendars'

  @column({ isPrimary: true })
  declare id: number

  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  @column({ consume: (value: number[]) => value.map(Number) })
  declare workingWeekdays: number[]

  @column({ prepare: (value: WorkingPeriod[]) => JSON.stringify(value) })
  declare workingPeriods: WorkingPeriod[]

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
