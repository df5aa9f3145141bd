import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

export const DOSSIER_CHANNELS = ['counter', 'online', 'postal'] as const
export type DossierChannel = (typeof DOSSIER_CHANNELS)[number]

const asJson = {
  prepare: (value: unknown) => JSON.stringify(value ?? {}),
  consume: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? {})),
}

/** One application by one applicant for one procedure, from the moment it entered the one-stop system. */
export default class Dossier extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  /** Issued by issueDossierCode(); never changes. */
  @column()
  declare code: string

  @column()
  declare procedureId: number

  /** Workflow version the dossier runs on (catalog workflows; no foreign key yet). */
  @column()
  declare workflowId: number | null

  @column()
  declare channel: DossierChannel

  @column()
  declare receivingAgencyId: number

  @column()
  declare applicantId: number | null

  @column()
  declare applicantFullName: string

  @column()
  declare applicantNationalId: string | null

  @column()
  declare applicantOrganisationName: string | null

  @column()
  declare applicantTaxCode: string | null

  @column()
  declare applicantPhone: string | null

  @column()
  declare applicantEmail: string | null

  @column()
  declare applicantAddress: string | null

  /** Stable Appendix I status code of the catalog's statuses, e.g. duoc_tiep_nhan. */
  @column()
  declare statusCode: string

  @column()
  declare statusDetail: string

  @column.dateTime()
  declare receivedAt: DateTime

  @column.dateTime()
  declare appointmentAt: DateTime | null

  @column()
  declare currentStepKey: string | null

  @column()
  declare lockVersion: number

  @column()
  declare eformId: number | null

  @column()
  declare eformVersion: number | null

  @column(asJson)
  declare formValues: Record<string, unknown>

  /** Head of the trail's hash chain; written by the trail service only. */
  @column()
  declare trailLength: number

  @column()
  declare trailHeadHash: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
