import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** A file attached to a trail event: its name and checksum at least. */
export type TrailAttachment = { [key: string]: JsonValue }

/**
 * One recorded action of a dossier's trail (OS-18.1). Read-only here: rows are written by
 * appendEvent() only, and the database refuses any change to them.
 */
export default class DossierEvent extends TenantOwnedModel {
  static table = 'dossier_events'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare dossierId: number

  @column()
  declare sequence: number

  @column.dateTime()
  declare occurredAt: DateTime

  @column()
  declare actorId: number | null

  @column()
  declare actorName: string | null

  @column()
  declare stepKey: string | null

  @column()
  declare action: string

  @column()
  declare fromStatus: string | null

  @column()
  declare toStatus: string | null

  @column()
  declare comment: string | null

  @column({ prepare: (value: unknown) => JSON.stringify(value ?? []) })
  declare attachments: TrailAttachment[]

  @column()
  declare public: boolean

  @column()
  declare previousHash: string | null

  @column()
  declare hash: string
}
