import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { column } from '@adonisjs/lucid/orm'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/** The roles the circular names for officers (REQUIREMENTS.md). */
export const OFFICER_ROLES = [
  'admin',
  'editor',
  'receptionist',
  'handler',
  'dept_head',
  'approver',
  'archivist',
  'controller',
  'feedback_officer',
] as const
export type OfficerRole = (typeof OFFICER_ROLES)[number]

export type UserKind = 'officer' | 'citizen' | 'organisation'

const AuthFinder = withAuthFinder(() => hash.use('argon'), {
  uids: ['email', 'nationalId'],
  passwordColumnName: 'password',
})

export default class User extends compose(TenantOwnedModel, AuthFinder) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare kind: UserKind

  @column()
  declare email: string | null

  @column()
  declare phone: string | null

  @column()
  declare nationalId: string | null

  @column()
  declare fullName: string

  @column.date()
  declare dateOfBirth: DateTime | null

  @column({ serializeAs: null })
  declare password: string

  @column()
  declare agencyId: number | null

  @column()
  declare departmentId: number | null

  @column()
  declare position: string | null

  @column()
  declare roles: OfficerRole[]

  @column()
  declare isActive: boolean

  @column.dateTime()
  declare emailVerifiedAt: DateTime | null

  @column.dateTime()
  declare lastLoginAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get isOfficer() {
    return this.kind === 'officer'
  }

  hasRole(role: OfficerRole) {
    return this.isOfficer && this.roles.includes(role)
  }
}
