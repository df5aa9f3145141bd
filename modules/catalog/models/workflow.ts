import { DateTime } from 'luxon'
import { belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'
import Procedure from '#catalog/models/procedure'
import WorkflowStep from '#catalog/models/workflow_step'
import WorkflowTransition from '#catalog/models/workflow_transition'
import User from '#users/models/user'

/** One version of a procedure's workflow (or of a library template); versions are never edited. */
export default class Workflow extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare procedureId: number | null

  @column()
  declare templateKey: string | null

  @column()
  declare name: string

  @column()
  declare version: number

  @column()
  declare isCurrent: boolean

  @column()
  declare createdBy: number | null

  @belongsTo(() => Procedure)
  declare procedure: BelongsTo<typeof Procedure>

  @belongsTo(() => User, { foreignKey: 'createdBy' })
  declare author: BelongsTo<typeof User>

  @hasMany(() => WorkflowStep, { onQuery: (query) => query.orderBy('position') })
  declare steps: HasMany<typeof WorkflowStep>

  @hasMany(() => WorkflowTransition, { onQuery: (query) => query.orderBy('position') })
  declare transitions: HasMany<typeof WorkflowTransition>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
