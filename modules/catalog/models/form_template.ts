import { DateTime } from 'luxon'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'
import Procedure from '#catalog/models/procedure'
import ProcedureComponent from '#catalog/models/procedure_component'

/** A downloadable application form or declaration of a procedure (OS-2.5, OL-7). */
export default class FormTemplate extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare procedureId: number

  @column()
  declare procedureComponentId: number | null

  @column()
  declare name: string

  @column()
  declare legalBasis: string

  /** Key on the `files` Drive disk; never shown to visitors. */
  @column({ serializeAs: null })
  declare fileKey: string

  @column()
  declare originalName: string

  @column()
  declare mimeType: string

  @column({ consume: (value: string | number) => Number(value) })
  declare sizeBytes: number

  @column({ columnName: 'checksum_sha256' })
  declare checksumSha256: string

  @column()
  declare uploadedBy: number | null

  @belongsTo(() => Procedure)
  declare procedure: BelongsTo<typeof Procedure>

  @belongsTo(() => ProcedureComponent)
  declare component: BelongsTo<typeof ProcedureComponent>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
