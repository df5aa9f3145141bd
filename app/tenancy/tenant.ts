import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type TenantKind = 'ministry' | 'province'

export interface TenantBranding {
  /** Path of the logo under /public, or absent for the national emblem. */
  logoPath?: string
  primaryColor?: string
}

/** The footer block required on every portal page (OL-15). */
export interface TenantContact {
  agencyName: string
  personResponsible: string
  address: string
  phone: string
  email: string
}

/** A ministry or province. Not itself tenant-owned: it is what the Host header resolves to. */
export default class Tenant extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  /** Identifier code in the style of Decision 20/2020/QĐ-TTg, e.g. H26 for Hà Nội. */
  @column()
  declare code: string

  @column()
  declare name: string

  @column()
  declare kind: TenantKind

  @column()
  declare hostNames: string[]

  @column()
  declare branding: TenantBranding

  @column()
  declare contact: TenantContact

  @column()
  declare settings: Record<string, unknown>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
