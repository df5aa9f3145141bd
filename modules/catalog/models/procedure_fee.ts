import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/** A fee (phí) or charge (lệ phí) of a procedure, in đồng (OS-1.2 h). */
export default class ProcedureFee extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare procedureId: number

  @column()
  declare kind: 'fee' | 'charge'

  @column()
  declare description: string

  @column()
  declare amount: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
