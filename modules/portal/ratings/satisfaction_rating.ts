import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/** OL-12: the three levels of every satisfaction question, best first. */
export const SATISFACTION_LEVELS = ['very_satisfied', 'satisfied', 'not_satisfied'] as const
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number]

/** OL-12's optional detail questions. */
export const DETAIL_QUESTIONS = ['convenience', 'timeliness', 'staffAttitude'] as const

/**
 * The indicators of the electronic rating form of Circular 01/2018/TT-VPCP that the applicant
 * answers (Art. 13 items 1, 3, 4 and 7), each worth 0, 1 or 2 points; the other indicators are
 * measured by the system itself.
 */
export const EVALUATION_INDICATORS = ['evaluationTotalTime', 'evaluationContacts', 'evaluationAgencies', 'evaluationConduct'] as const

/** An applicant's rating of one dossier whose result is out (OL-12, PT-9.1). */
export default class SatisfactionRating extends TenantOwnedModel {
  static table = 'satisfaction_ratings'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare dossierId: number

  @column()
  declare procedureId: number

  @column()
  declare applicantId: number

  @column()
  declare overall: SatisfactionLevel

  @column()
  declare convenience: SatisfactionLevel | null

  @column()
  declare timeliness: SatisfactionLevel | null

  @column()
  declare staffAttitude: SatisfactionLevel | null

  @column()
  declare evaluationTotalTime: number | null

  @column()
  declare evaluationContacts: number | null

  @column()
  declare evaluationAgencies: number | null

  @column()
  declare evaluationConduct: number | null

  @column()
  declare comment: string | null

  @column.dateTime()
  declare firstRatedAt: DateTime

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
