import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

export const HANDOVER_KINDS = ['delegation', 'transfer'] as const
export type HandoverKind = (typeof HANDOVER_KINDS)[number]

/** A dossier's step handed to another officer for a while: delegation or inter-agency transfer (migration 0511). */
export default class DossierHandover extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare dossierId: number

  @column()
  declare dossierStepId: number

  @column()
  declare kind: HandoverKind

  @column()
  declare fromOfficerId: number

  @column()
  declare toOfficerId: number

  @column()
  declare reason: string

  @column.date()
  declare until: DateTime | null

  @column.dateTime()
  declare startedAt: DateTime

  @column.dateTime()
  declare endedAt: DateTime | null

  @column()
  declare endedBy: number | null

  @column()
  declare outcome: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
