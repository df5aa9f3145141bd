import { DateTime } from 'luxon'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'
import { StoredFile } from '#intake/index'

export const RESULT_SOURCES = ['upload', 'template'] as const
export type ResultSource = (typeof RESULT_SOURCES)[number]

/** A dossier's result document, uploaded or generated from the result template (migration 0514). */
export default class ResultDocument extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare dossierId: number

  @column()
  declare storedFileId: number

  @column()
  declare source: ResultSource

  @column()
  declare title: string

  @column()
  declare createdBy: number

  @column.dateTime()
  declare deliveredAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => StoredFile)
  declare storedFile: BelongsTo<typeof StoredFile>
}
