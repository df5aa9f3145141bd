import { DateTime } from 'luxon'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'
import Procedure from '#catalog/models/procedure'

/** The two sets of official slips: Circular 01/2018/TT-VPCP and Circular 03/2025/TT-VPCP. */
export const SLIP_SETS = ['2018', '2025'] as const
export type SlipSet = (typeof SLIP_SETS)[number]

/** Stable keys of the official slips; `result` is a result-document template. */
export const SLIP_KINDS = [
  'receipt',
  'supplement_request',
  'refusal',
  'apology',
  'stop_notice',
  'process_control',
  'tracking_book',
] as const
export type SlipKind = (typeof SLIP_KINDS)[number]
export type SlipTemplateKind = SlipKind | 'result'

/** One official slip of a set, or a result template (OS-2.5), editable per tenant. */
export default class SlipTemplate extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  /** '2018' | '2025'; null for result templates. */
  @column()
  declare slipSet: SlipSet | null

  @column()
  declare kind: SlipTemplateKind

  /** The procedure of a result template; null for the official slips and the tenant-wide result. */
  @column()
  declare procedureId: number | null

  @column()
  declare title: string

  /** Restricted placeholder text (see services/slip_rendering.ts). */
  @column()
  declare body: string

  @column()
  declare isDefault: boolean

  @column()
  declare updatedBy: number | null

  @belongsTo(() => Procedure)
  declare procedure: BelongsTo<typeof Procedure>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
