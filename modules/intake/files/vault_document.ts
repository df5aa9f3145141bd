import { DateTime } from 'luxon'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'
import StoredFile from '#intake/files/stored_file'

/** A paper kept in the applicant's document vault for reuse (NF-8); `verified` once an agency checked it. */
export default class VaultDocument extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare ownerUserId: number

  @column()
  declare storedFileId: number

  /** Document type code (shared catalogue of document types), '' when not given. */
  @column()
  declare documentType: string

  @column()
  declare label: string

  @column()
  declare verified: boolean

  @column()
  declare verifiedBy: number | null

  @column.dateTime()
  declare verifiedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => StoredFile)
  declare storedFile: BelongsTo<typeof StoredFile>
}
