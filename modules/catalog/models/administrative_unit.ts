import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type AdministrativeLevel = 'province' | 'commune'

/**
 * A province-level unit or a commune/ward (two tiers since 1 July 2025). Platform-wide: the same
 * for every tenant, so a plain BaseModel on a table without tenant_id, like Tenant.
 */
export default class AdministrativeUnit extends BaseModel {
  static table = 'administrative_units'

  @column({ isPrimary: true })
  declare code: string

  @column()
  declare name: string

  @column()
  declare level: AdministrativeLevel

  @column()
  declare parentCode: string | null

  @column.date()
  declare validFrom: DateTime

  @column.dateTime({ autoCreate: true, serializeAs: null })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true, serializeAs: null })
  declare updatedAt: DateTime
}
