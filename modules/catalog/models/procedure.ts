import { DateTime } from 'luxon'
import { belongsTo, column, hasMany, manyToMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'
import Sector from '#catalog/models/sector'
import ProcedureGroup from '#catalog/models/procedure_group'
import ProcedureComponent from '#catalog/models/procedure_component'
import ProcedureFee from '#catalog/models/procedure_fee'
import Agency from '#users/models/agency'

export const SUPPLEMENT_CLOCKS = ['resume', 'restart'] as const
export type SupplementClock = (typeof SUPPLEMENT_CLOCKS)[number]

export const CHANNELS = ['in_person', 'online', 'postal'] as const
export type Channel = (typeof CHANNELS)[number]
export const APPLICANT_TYPES = ['citizen', 'organisation'] as const
export type ApplicantType = (typeof APPLICANT_TYPES)[number]
export const ADMINISTRATIVE_LEVELS = ['central', 'province', 'commune'] as const
export type AdministrativeLevel = (typeof ADMINISTRATIVE_LEVELS)[number]
export type ProcedureStatus = 'draft' | 'published'

/** An administrative procedure the tenant offers, with every OS-1.2 attribute. */
export default class Procedure extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare sectorId: number

  @column()
  declare procedureGroupId: number | null

  @column()
  declare nationalCode: string | null

  @column()
  declare isSampleCode: boolean

  @column()
  declare name: string

  @column()
  declare stepsDescription: string

  @column()
  declare channels: Channel[]

  @column({ consume: (value: string | number) => Number(value) })
  declare legalDeadlineDays: number

  @column()
  declare resultType: string

  @column()
  declare conditions: string

  @column()
  declare legalBasis: string

  @column()
  declare onlineLevel: 1 | 2 | 3 | 4

  @column()
  declare applicantTypes: ApplicantType[]

  @column()
  declare administrativeLevel: AdministrativeLevel

  /** After a supplement (ST-8): the deadline resumes where it stopped, or restarts in full. */
  @column()
  declare supplementClock: SupplementClock

  @column()
  declare resultByPost: boolean

  @column()
  declare resultOnline: boolean

  @column()
  declare status: ProcedureStatus

  @column.dateTime()
  declare publishedAt: DateTime | null

  @belongsTo(() => Sector)
  declare sector: BelongsTo<typeof Sector>

  @belongsTo(() => ProcedureGroup)
  declare group: BelongsTo<typeof ProcedureGroup>

  @hasMany(() => ProcedureComponent, { onQuery: (query) => query.orderBy('position') })
  declare components: HasMany<typeof ProcedureComponent>

  @hasMany(() => ProcedureFee)
  declare fees: HasMany<typeof ProcedureFee>

  @manyToMany(() => Agency, { pivotTable: 'procedure_agencies', pivotColumns: ['tenant_id'] })
  declare agencies: ManyToMany<typeof Agency>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get isPublished() {
    return this.status === 'published'
  }
}
