/*
 * OS-5.9: the applicant's identification number verified with the National Population Database
 * at the counter. The registry's answer is kept server-side, in the receptionist's session, by
 * tenant and number, never in the form: a dossier counts as verified only when it is received
 * with the number the registry confirmed and the registry's name, whatever the form posts.
 */
import { DateTime } from 'luxon'
import type { Session } from '@adonisjs/session'
import { VIETNAM_ZONE } from '#services/vietnamese_format'
import {
  CitizenNotFoundError,
  lookUpCitizen,
  POPULATION_REGISTRY_SOURCE,
  PopulationRegistryUnavailableError,
  type RegisteredCitizen,
} from '#integration/index'
import { residenceLine, type RegistryDifference } from '#intake/counter/services/intake_form'

export type RegistryOutcome =
  | { status: 'verified'; citizen: RegisteredCitizen; at: DateTime }
  | { status: 'not_found' }
  | { status: 'unavailable' }

/** The registry's answer for a number already checked as a personal identification number. */
export async function askPopulationRegistry(nationalId: string): Promise<RegistryOutcome> {
  try {
    const citizen = await lookUpCitizen(nationalId)
    return { status: 'verified', citizen, at: DateTime.now() }
  } catch (failure) {
    if (failure instanceof CitizenNotFoundError) return { status: 'not_found' }
    if (failure instanceof PopulationRegistryUnavailableError) return { status: 'unavailable' }
    throw failure
  }
}

const SESSION_KEY = 'counter_applicant_verifications'
/** A receptionist verifies a handful of applicants a day; the oldest go first. */
const KEPT = 20
/** A verification counts for the dossiers received within a working day of it. */
const VALID_FOR = { hours: 10 }

interface StoredVerification {
  nationalId: string
  fullName: string
  /** ISO 8601. */
  verifiedAt: string
}

export interface Verification {
  nationalId: string
  /** The name the registry holds. */
  fullName: string
  verifiedAt: DateTime
  source: string
}

function stored(session: Session): Record<string, StoredVerification> {
  const value = session.get(SESSION_KEY)
  return value && typeof value === 'object' ? value : {}
}

function keyOf(tenantId: number, nationalId: string) {
  return `${tenantId}:${nationalId}`
}

/** When a verification was made, as the counter says it: HH:mm DD/MM/YYYY in Vietnam's time. */
export function verificationMoment(at: DateTime) {
  return at.setZone(VIETNAM_ZONE).toFormat('HH:mm dd/MM/yyyy')
}

/**
 * The sentence the receipt's trail event carries (stored text, so in the language of the record,
 * like the rest of the trail's comments).
 */
export function verificationNote(verifiedAt: DateTime, source: string) {
  const database = source === POPULATION_REGISTRY_SOURCE ? 'CSDL quốc gia về dân cư' : source
  return `Đã xác thực danh tính người nộp với ${database} lúc ${verificationMoment(verifiedAt)}`
}

/** Names compared as a person reads them: Unicode form, spacing and case do not count. */
export function sameName(a: string | null | undefined, b: string | null | undefined) {
  const plain = (name: string | null | undefined) => (name ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi')
  return plain(a) !== '' && plain(a) === plain(b)
}

export function rememberVerification(session: Session, tenantId: number, citizen: RegisteredCitizen, at: DateTime) {
  const entries = Object.entries(stored(session)).filter(([key]) => key !== keyOf(tenantId, citizen.nationalId))
  entries.push([keyOf(tenantId, citizen.nationalId), { nationalId: citizen.nationalId, fullName: citizen.fullName, verifiedAt: at.toISO()! }])
  session.put(SESSION_KEY, Object.fromEntries(entries.slice(-KEPT)))
}

/** The verification of this number in this tenant, while it is still valid; null otherwise. */
export function verificationOf(session: Session, tenantId: number, nationalId: string | null | undefined): Verification | null {
  const number = (nationalId ?? '').trim()
  if (!number) return null
  const entry = stored(session)[keyOf(tenantId, number)]
  if (!entry) return null
  const verifiedAt = DateTime.fromISO(entry.verifiedAt)
  if (!verifiedAt.isValid || verifiedAt.plus(VALID_FOR) < DateTime.now()) return null
  return { nationalId: entry.nationalId, fullName: entry.fullName, verifiedAt, source: POPULATION_REGISTRY_SOURCE }
}

/**
 * The verification a dossier received with these applicant data may record: the number the
 * registry confirmed, and still the registry's name (a name changed after the lookup is not what
 * was verified).
 */
export function verifiedApplicant(
  session: Session,
  tenantId: number,
  applicant: { national_id?: string | null; full_name?: string | null }
): Verification | null {
  const verification = verificationOf(session, tenantId, applicant.national_id)
  return verification && sameName(verification.fullName, applicant.full_name) ? verification : null
}

/** What the registry answered to the lookup just made, and what it replaced in the form. */
export interface RegistryAnswer {
  citizen: RegisteredCitizen
  differences: RegistryDifference[]
}

/**
 * What the intake form says about the number it now holds: verified when, the registry's details
 * and what they replaced right after a lookup, and whether the name typed since is still the
 * registry's (otherwise the dossier will not be recorded as verified). Null when not verified.
 */
export function verificationShown(
  session: Session,
  tenantId: number,
  applicant: { national_id?: string | null; full_name?: string | null },
  answer: RegistryAnswer | null
) {
  const verification = verificationOf(session, tenantId, applicant.national_id)
  if (!verification) return null
  return {
    at: verificationMoment(verification.verifiedAt),
    registryName: verification.fullName,
    nameDiffers: !sameName(verification.fullName, applicant.full_name),
    registry: answer
      ? {
          name: answer.citizen.fullName,
          dateOfBirth: answer.citizen.dateOfBirth.split('-').reverse().join('/'),
          sex: answer.citizen.sex,
          residence: residenceLine(answer.citizen),
        }
      : null,
    differences: answer?.differences ?? [],
  }
}
