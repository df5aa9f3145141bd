import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'
import type { OfficerRole } from '#users/models/user'
import type { EntryChannel, StepKind } from '#catalog/services/workflow_rules'

/** A step of one workflow version: who acts, of what kind, within how many working minutes. */
export default class WorkflowStep extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare workflowId: number

  @column()
  declare key: string

  @column()
  declare name: string

  @column()
  declare kind: StepKind

  @column()
  declare departmentId: number | null

  @column()
  declare role: OfficerRole | null

  @column()
  declare timeLimitMinutes: number

  @column()
  declare entryChannels: EntryChannel[]

  @column()
  declare position: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
