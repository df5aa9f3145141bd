import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/**
 * One logged-in session of an account (NF-23), written by the user sessions middleware. The
 * session id itself is never stored, only its SHA-256 digest.
 */
export default class UserSession extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column({ serializeAs: null })
  declare sessionDigest: string

  @column()
  declare userAgent: string

  @column()
  declare ipAddress: string

  @column.dateTime()
  declare createdAt: DateTime

  @column.dateTime()
  declare lastSeenAt: DateTime

  /** Logged out here, or ended from another session of the account. */
  @column.dateTime()
  declare endedAt: DateTime | null
}
