import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/** An action on a step: where the dossier goes next (null ends processing) and the status it takes. */
export default class WorkflowTransition extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare workflowId: number

  @column()
  declare fromStepId: number

  @column()
  declare toStepId: number | null

  @column()
  declare action: string

  @column()
  declare statusCode: string

  @column()
  declare requiresReason: boolean

  @column()
  declare requiresAttachment: boolean

  @column()
  declare position: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
