import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'
import type { PostalContact } from '#intake/index'

export const RETURN_METHODS = ['in_person', 'post', 'electronic'] as const
export type ReturnMethod = (typeof RETURN_METHODS)[number]
export const COLLECTOR_KINDS = ['applicant', 'proxy', 'authorised'] as const
export type CollectorKind = (typeof COLLECTOR_KINDS)[number]

const asJson = {
  prepare: (value: unknown) => (value ? JSON.stringify(value) : null),
  consume: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? null)),
}

/** The result handed over (or not, for want of originals) at the counter (OS-10, OS-11; migration 0516). */
export default class ResultReturn extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare dossierId: number

  @column()
  declare outcome: 'returned' | 'not_returned'

  @column()
  declare method: ReturnMethod | null

  @column()
  declare collectorKind: CollectorKind | null

  @column()
  declare collectorName: string | null

  @column()
  declare collectorIdNumber: string | null

  @column(asJson)
  declare recipient: PostalContact | null

  @column()
  declare postalTrackingNumber: string | null

  @column()
  declare feeReceiptNumber: string | null

  @column()
  declare feeAmount: number | null

  @column()
  declare note: string | null

  @column()
  declare recordedBy: number

  @column.dateTime()
  declare recordedAt: DateTime

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
