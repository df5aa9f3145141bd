import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/** A dossier's processing clock: stopped while a supplement is awaited (see migration 0502). */
export default class DossierClock extends TenantOwnedModel {
  static table = 'dossier_clocks'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare dossierId: number

  @column.dateTime()
  declare stoppedAt: DateTime | null

  @column()
  declare dossierRemainingMinutes: number | null

  @column()
  declare returnStepKey: string | null

  @column()
  declare returnStepRemainingMinutes: number | null

  @column.dateTime()
  declare supplementReceivedAt: DateTime | null

  @column()
  declare stoppedMinutesTotal: number

  @column.dateTime()
  declare overdueRecordedFor: DateTime | null

  /** The last trail event the clock has accounted for. */
  @column()
  declare trailSequence: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get isStopped() {
    return this.stoppedAt !== null
  }
}
