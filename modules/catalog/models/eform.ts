import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'
import type { EformField } from '#catalog/services/eform_definition'

/**
 * One version of a procedure's e-form (PT-1.1, PT-1.2). Versions are written once: saving makes
 * a new version and moves `isCurrent` to it; a dossier keeps the id of the version it was filed with.
 */
export default class Eform extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare procedureId: number

  @column()
  declare version: number

  @column()
  declare isCurrent: boolean

  @column({ prepare: (value: EformField[]) => JSON.stringify(value) })
  declare fields: EformField[]

  @column()
  declare createdBy: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
