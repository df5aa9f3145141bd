import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/** An appointment date moved later, with the reason (OS-8.4; migration 0512). */
export default class DeadlineExtension extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare dossierId: number

  @column.dateTime()
  declare previousAppointmentAt: DateTime

  @column.dateTime()
  declare newAppointmentAt: DateTime

  @column()
  declare reason: string

  @column()
  declare extendedBy: number

  @column.dateTime()
  declare extendedAt: DateTime

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
