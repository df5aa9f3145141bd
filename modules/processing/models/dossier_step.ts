import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/**
 * One passage of a dossier through a step of its workflow (the step history): who held it,
 * when it started, when it was due and when and how it ended. Written by the engine only.
 */
export default class DossierStep extends TenantOwnedModel {
  static table = 'dossier_steps'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare dossierId: number

  @column()
  declare workflowStepId: number

  @column()
  declare stepKey: string

  @column()
  declare stepName: string

  @column()
  declare departmentId: number | null

  @column()
  declare assigneeId: number | null

  @column.dateTime()
  declare startedAt: DateTime

  /** Working minutes the step was given; null when the step has no limit. */
  @column()
  declare allowedMinutes: number | null

  @column.dateTime()
  declare dueAt: DateTime | null

  @column()
  declare clockStopped: boolean

  @column.dateTime()
  declare finishedAt: DateTime | null

  @column()
  declare finishedBy: number | null

  @column()
  declare transitionId: number | null

  @column()
  declare finishedStatus: string | null

  @column.dateTime()
  declare overdueAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get isOpen() {
    return this.finishedAt === null
  }
}
