import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

export const OUTBOX_CHANNELS = ['email', 'sms', 'webhook'] as const
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number]

/** A message waiting to leave the process, or the record that it left (or could not). */
export default class OutboxMessage extends TenantOwnedModel {
  static table = 'outbox_messages'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare channel: OutboxChannel

  @column()
  declare recipient: string

  @column()
  declare subject: string

  @column()
  declare bodyText: string

  @column()
  declare bodyHtml: string | null

  @column()
  declare attempts: number

  @column.dateTime()
  declare nextAttemptAt: DateTime

  @column.dateTime()
  declare deliveredAt: DateTime | null

  @column.dateTime()
  declare failedAt: DateTime | null

  @column()
  declare lastError: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
