import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/** One paper or file a dossier of the procedure must contain (OS-1.2 c). */
export default class ProcedureComponent extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare procedureId: number

  @column()
  declare position: number

  @column()
  declare name: string

  @column()
  declare originalCopies: number

  @column()
  declare photocopies: number

  @column()
  declare isRequired: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
