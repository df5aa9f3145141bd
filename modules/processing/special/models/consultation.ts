import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/** One request for an opinion sent to one department (OS-8.6, ST-14; migration 0510). */
export default class Consultation extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare dossierId: number

  @column()
  declare dossierStepId: number | null

  @column()
  declare departmentId: number

  @column()
  declare question: string

  @column.dateTime()
  declare dueAt: DateTime

  @column()
  declare requestedBy: number

  @column.dateTime()
  declare requestedAt: DateTime

  @column()
  declare answer: string | null

  @column()
  declare answeredBy: number | null

  @column.dateTime()
  declare answeredAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
