import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

export const APPROVAL_DECISIONS = ['approved', 'sent_back', 'refused'] as const
export type ApprovalDecisionKind = (typeof APPROVAL_DECISIONS)[number]

/** One decision of an approval round (OS-9; migration 0515). */
export default class ApprovalDecision extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare dossierId: number

  @column()
  declare dossierStepId: number | null

  @column()
  declare stepKey: string

  @column()
  declare stepName: string

  @column()
  declare round: number

  @column()
  declare decision: ApprovalDecisionKind

  @column()
  declare directions: string | null

  @column()
  declare decidedBy: number

  @column.dateTime()
  declare decidedAt: DateTime

  @column()
  declare resultDocumentId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
