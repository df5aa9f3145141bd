import { DateTime } from 'luxon'
import { column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'
import SharedCatalogueEntry from '#catalog/models/shared_catalogue_entry'

export const CATALOGUE_KINDS = ['document_types', 'internal', 'other'] as const
export type CatalogueKind = (typeof CATALOGUE_KINDS)[number]
export const CATALOGUE_SOURCES = ['local', 'national'] as const
export type CatalogueSource = (typeof CATALOGUE_SOURCES)[number]

/** A shared catalogue of the tenant (OS-16): document types, internal lists, … */
export default class SharedCatalogue extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare code: string

  @column()
  declare name: string

  @column()
  declare kind: CatalogueKind

  /** national: kept in step with the national shared catalogue system by catalogue_sync. */
  @column()
  declare source: CatalogueSource

  @column()
  declare description: string

  @column()
  declare syncVersion: number

  @column.dateTime()
  declare lastSyncedAt: DateTime | null

  @hasMany(() => SharedCatalogueEntry, { foreignKey: 'catalogueId' })
  declare entries: HasMany<typeof SharedCatalogueEntry>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get isNational() {
    return this.source === 'national'
  }
}
