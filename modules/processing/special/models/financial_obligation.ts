import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/** A fee, charge or tax the applicant must pay, and its payment once recorded (ST-18; migration 0513). */
export default class FinancialObligation extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare dossierId: number

  @column()
  declare dossierStepId: number

  @column()
  declare amount: number

  @column()
  declare content: string

  @column.date()
  declare dueDate: DateTime | null

  @column()
  declare requestedBy: number

  @column.dateTime()
  declare requestedAt: DateTime

  @column()
  declare dossierRemainingMinutes: number | null

  @column()
  declare stepRemainingMinutes: number | null

  @column()
  declare receiptNumber: string | null

  @column()
  declare paidAmount: number | null

  @column.date()
  declare paidOn: DateTime | null

  @column()
  declare recordedBy: number | null

  @column.dateTime()
  declare recordedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get isPaid() {
    return this.recordedAt !== null
  }
}
