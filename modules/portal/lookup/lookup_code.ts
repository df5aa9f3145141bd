import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

export type ContactKind = 'phone' | 'email'

/** A one-time code sent to a phone or email to look its dossiers up (PT-12.1). */
export default class LookupCode extends TenantOwnedModel {
  static table = 'lookup_codes'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare contactKind: ContactKind

  /** Normalised: 0xxxxxxxxx for a phone, lower case for an email. */
  @column()
  declare contact: string

  @column({ serializeAs: null })
  declare codeHash: string

  @column()
  declare attempts: number

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare usedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
