import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/** One line of a dossier's intake checklist: a component of the procedure and whether it was handed in. */
export default class ReceivedComponent extends TenantOwnedModel {
  static table = 'dossier_received_components'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare dossierId: number

  @column()
  declare procedureComponentId: number | null

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

  @column()
  declare received: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
