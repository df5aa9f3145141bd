import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/** One value of a shared catalogue. Never deleted: a removed entry is deactivated. */
export default class SharedCatalogueEntry extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare catalogueId: number

  @column()
  declare code: string

  @column()
  declare name: string

  @column()
  declare isActive: boolean

  @column()
  declare sourceVersion: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
