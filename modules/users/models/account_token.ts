import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

export type AccountTokenPurpose = 'verify_email' | 'reset_password'

export default class AccountToken extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare purpose: AccountTokenPurpose

  @column({ serializeAs: null })
  declare digest: string

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare usedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  get isUsable() {
    return this.usedAt === null && this.expiresAt > DateTime.now()
  }
}
