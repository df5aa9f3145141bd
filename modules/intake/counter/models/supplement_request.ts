import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/** A "Yêu cầu bổ sung giấy tờ" (ST-3, ST-6, ST-12): why, which papers, and when they arrived. */
export default class SupplementRequest extends TenantOwnedModel {
  static table = 'dossier_supplement_requests'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare dossierId: number

  @column()
  declare reason: string

  @column({ prepare: (value: string[]) => JSON.stringify(value ?? []) })
  declare papers: string[]

  @column()
  declare stepKey: string | null

  @column()
  declare requestedBy: number | null

  @column.dateTime()
  declare requestedAt: DateTime

  @column.dateTime()
  declare fulfilledAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
