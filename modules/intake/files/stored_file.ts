import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/** One uploaded file, its type read from its content; the bytes live on the `files` Drive disk. */
export default class StoredFile extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare originalName: string

  /** The accepted type by its usual extension: pdf, jpg, png, doc, docx, xls, xlsx, odt, rtf. */
  @column()
  declare fileType: string

  @column()
  declare mediaType: string

  @column()
  declare sizeBytes: number

  @column({ columnName: 'sha256' })
  declare sha256: string

  @column({ serializeAs: null })
  declare storageKey: string

  @column()
  declare uploadedBy: number | null

  /** The applicant's account the file belongs to; null for files officers scanned. */
  @column()
  declare ownerUserId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
