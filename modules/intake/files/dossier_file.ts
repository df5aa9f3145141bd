import { DateTime } from 'luxon'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'
import StoredFile from '#intake/files/stored_file'

export const DOSSIER_FILE_KINDS = ['component', 'supplement', 'scan', 'result', 'other'] as const
export type DossierFileKind = (typeof DOSSIER_FILE_KINDS)[number]

/** A stored file as part of a dossier: a component's paper, a supplement, a scan, the result, … */
export default class DossierFile extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare dossierId: number

  @column()
  declare storedFileId: number

  @column()
  declare kind: DossierFileKind

  @column()
  declare procedureComponentId: number | null

  @column()
  declare label: string

  @column()
  declare addedBy: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => StoredFile)
  declare storedFile: BelongsTo<typeof StoredFile>
}
