import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

export const REMINDER_KINDS = ['overdue', 'new_work'] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

/** Something an officer should look at: new work that reached them, or work past its due time. */
export default class Reminder extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare officerId: number

  @column()
  declare dossierId: number

  @column()
  declare dossierStepId: number | null

  @column()
  declare kind: ReminderKind

  @column.dateTime()
  declare createdAt: DateTime

  @column.dateTime()
  declare seenAt: DateTime | null
}
