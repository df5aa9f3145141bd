import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

export const DOSSIER_CHANNELS = ['counter', 'online', 'postal'] as const
export type DossierChannel = (typeof DOSSIER_CHANNELS)[number]

/** PT-15.2: who sends the papers by post and who receives the result, as the applicant gave them. */
export interface PostalContact {
  fullName: string
  phone: string
  /** Administrative unit codes, with their names as they were when the dossier was filed. */
  provinceCode: string
  provinceName: string
  communeCode: string
  communeName: string
  detail: string
}

export interface PostalService {
  /** PT-15.1: the papers are sent by post, the result is sent by post, or both. */
  submitByPost: boolean
  resultByPost: boolean
  /** PT-15.2 a: the pick-up address and what is sent. */
  sender?: PostalContact & { description: string }
  /** PT-15.2 b: where the result goes. */
  recipient?: PostalContact
  /** PT-15.2 c: the postman collects the procedure's fee. */
  collectFeeByPost?: boolean
  /** PT-15.2 c: the postage quoted to the applicant on submitting; absent when none could be had. */
  postage?: PostageQuote
}

/** The public postal company's quote for the legs chosen, in đồng (an estimate: the company announces the final price). */
export interface PostageQuote {
  legs: { leg: 'submit' | 'result'; postage: number; collectionFee: number; days: { min: number; max: number } }[]
  /** The sum of the legs' postage. */
  postage: number
  /** The procedure's fees the postman collects for the agency, and what collecting them costs. */
  collectedAmount: number
  collectionFee: number
  total: number
  /** ISO 8601. */
  quotedAt: string
}

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

  /** The portal's one-time token of the submission: the same application sent twice makes one dossier. */
  @column()
  declare submissionToken: string | null

  /** PT-15: the public postal service choice with sender and recipient; null when not used. */
  @column({
    prepare: (value: unknown) => (value ? JSON.stringify(value) : null),
    consume: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? null)),
  })
  declare postalService: PostalService | null

  /** OS-5.8: when the applicant withdrew it before acceptance (status da_rut_ho_so); null otherwise. */
  @column.dateTime()
  declare withdrawnAt: DateTime | null

  /** OS-5.9: when the applicant's identity was verified against a national database at intake; null otherwise. */
  @column.dateTime()
  declare applicantVerifiedAt: DateTime | null

  /** OS-5.9: which database verified it (`population_registry`); null when not verified. */
  @column()
  declare applicantVerifiedSource: string | null

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
