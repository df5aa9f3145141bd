import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'
import type { ProcedureDiff } from '#catalog/services/procedure_sync'

export type ProcedureImportStatus = 'pending' | 'applied' | 'discarded'

/** OS-1.3: a difference report fetched from the national procedure database, for an admin to accept. */
export default class ProcedureImport extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare status: ProcedureImportStatus

  @column()
  declare agencyCode: string

  @column.dateTime()
  declare fetchedAt: DateTime

  @column({ prepare: (value: ProcedureDiff) => JSON.stringify(value) })
  declare diff: ProcedureDiff

  @column({ prepare: (value: string[]) => JSON.stringify(value) })
  declare appliedCodes: string[]

  @column()
  declare createdBy: number | null

  @column()
  declare appliedBy: number | null

  @column.dateTime()
  declare appliedAt: DateTime | null

  @column()
  declare discardedBy: number | null

  @column.dateTime()
  declare discardedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get isPending() {
    return this.status === 'pending'
  }

  get itemCount() {
    return this.diff.added.length + this.diff.changed.length + this.diff.withdrawn.length
  }
}
