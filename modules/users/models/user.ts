import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'
import Department from '#users/models/department'

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

  @column()
  declare organisationName: string | null

  @column()
  declare taxCode: string | null

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

  /** Set when an admin deactivates the account; a pending account (never activated) has none. */
  @column.dateTime()
  declare deactivatedAt: DateTime | null

  @column.dateTime()
  declare emailVerifiedAt: DateTime | null

  @column.dateTime()
  declare lastLoginAt: DateTime | null

  /** Contact address, the e-forms' prefill source (PT-1.1); applicants edit it on /tai-khoan. */
  @column()
  declare address: string | null

  /** Channels for dossier notices (PT-5.2). */
  @column()
  declare notifyByEmail: boolean

  @column()
  declare notifyBySms: boolean

  /** Public trail events of the applicant's dossiers up to here were shown on the portal (PT-5.2a). */
  @column.dateTime()
  declare notificationsSeenAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /**
   * The account named by its email or personal identification number, inside the current
   * tenant. The conditions are grouped: a bare orWhere would escape the tenant filter.
   */
  static findForAuth<T extends LucidModel>(this: T, _uids: string[], value: string): Promise<InstanceType<T> | null> {
    const accountName = value.trim().toLowerCase()
    return this.query()
      .where((named) => named.where('email', accountName).orWhere('national_id', accountName))
      .first()
  }

  static byEmail(email: string) {
    return this.query().whereRaw('lower(email) = ?', [email.trim().toLowerCase()]).first()
  }

  @belongsTo(() => Department)
  declare department: BelongsTo<typeof Department>

  get isOfficer() {
    return this.kind === 'officer'
  }

  get isApplicant() {
    return this.kind === 'citizen' || this.kind === 'organisation'
  }

  /** Waiting for its email to be verified or for an admin to activate it. */
  get isPending() {
    return !this.isActive && this.deactivatedAt === null
  }

  get hasVerifiedEmail() {
    return this.emailVerifiedAt !== null
  }

  hasRole(role: OfficerRole) {
    return this.isOfficer && this.isActive && this.roles.includes(role)
  }
}
