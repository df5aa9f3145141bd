/*
 * Finding an applicant the tenant already knows (OS-5.7, OS-5.9): citizen and organisation
 * accounts, and the applicants of earlier dossiers, by identification number, tax code, phone,
 * email or name (with or without diacritics). The receptionist picks one and its data fills the
 * intake form, so nobody types it (or gets it wrong) twice.
 */
import { User, normalisePhone } from '#users/index'
import Dossier from '#intake/models/dossier'

export interface ApplicantCandidate {
  /** `account-<id>` or `dossier-<id>`: what the intake form is given back to reuse it. */
  ref: string
  accountId: number | null
  fullName: string
  nationalId: string | null
  organisationName: string | null
  taxCode: string | null
  phone: string | null
  email: string | null
  address: string | null
  /** The latest dossier this applicant filed, when the data comes from (or was completed by) one. */
  lastDossierCode: string | null
}

const SUGGESTIONS = 10

/** `term%` or `%term%` for LIKE, with the wildcards a person may type taken literally. */
function like(term: string, anywhere = false) {
  const escaped = term.replace(/[\\%_]/g, (character) => `\\${character}`)
  return anywhere ? `%${escaped}%` : `${escaped}%`
}

interface Criteria {
  digits: string | null
  phone: string | null
  email: string | null
  words: string[]
}

function criteriaOf(term: string): Criteria | null {
  const trimmed = term.normalize('NFC').trim().slice(0, 100)
  if (trimmed.length < 2) return null
  const compact = trimmed.replace(/[\s.()-]/g, '')
  if (/^\+?\d{3,}$/.test(compact)) return { digits: compact.replace(/^\+/, ''), phone: normalisePhone(compact), email: null, words: [] }
  if (trimmed.includes('@')) return { digits: null, phone: null, email: trimmed.toLowerCase(), words: [] }
  return { digits: null, phone: null, email: null, words: trimmed.split(/[\s,.;:()/–-]+/).filter(Boolean).slice(0, 8) }
}

/**
 * The conditions on a query over a table with the applicant columns under these names; grouped
 * in one callback, so the OR stays inside the tenant's scope.
 */
function whereMatches(query: any, criteria: Criteria, columns: { name: string; nationalId: string; phone: string; email: string; taxCode: string }) {
  query.where((matching: any) => {
    if (criteria.digits) {
      matching
        .whereILike(columns.nationalId, like(criteria.digits))
        .orWhereILike(columns.taxCode, like(criteria.digits))
        .orWhereILike(columns.phone, like(criteria.phone!))
    } else if (criteria.email) {
      matching.whereRaw(`lower(${columns.email}) = ?`, [criteria.email])
    } else {
      for (const word of criteria.words) {
        matching.whereRaw(`lower(immutable_unaccent(${columns.name})) like lower(immutable_unaccent(?))`, [like(word, true)])
      }
    }
  })
}

function fromAccount(user: User, latest?: Dossier): ApplicantCandidate {
  return {
    ref: `account-${user.id}`,
    accountId: user.id,
    fullName: user.fullName,
    nationalId: user.nationalId,
    organisationName: user.organisationName,
    taxCode: user.taxCode,
    phone: user.phone ?? latest?.applicantPhone ?? null,
    email: user.email ?? latest?.applicantEmail ?? null,
    address: latest?.applicantAddress ?? null,
    lastDossierCode: latest?.code ?? null,
  }
}

function fromDossier(dossier: Dossier): ApplicantCandidate {
  return {
    ref: `dossier-${dossier.id}`,
    accountId: dossier.applicantId,
    fullName: dossier.applicantFullName,
    nationalId: dossier.applicantNationalId,
    organisationName: dossier.applicantOrganisationName,
    taxCode: dossier.applicantTaxCode,
    phone: dossier.applicantPhone,
    email: dossier.applicantEmail,
    address: dossier.applicantAddress,
    lastDossierCode: dossier.code,
  }
}

/** One person or organisation once, however many dossiers they filed. */
function identityOf(candidate: ApplicantCandidate) {
  if (candidate.accountId) return `account:${candidate.accountId}`
  if (candidate.nationalId) return `id:${candidate.nationalId}`
  if (candidate.taxCode) return `tax:${candidate.taxCode}`
  return `name:${candidate.fullName.toLowerCase()}|${candidate.phone ?? ''}`
}

/** Known applicants matching `term`, accounts first, at most ten. */
export async function findApplicants(term: string): Promise<ApplicantCandidate[]> {
  const criteria = criteriaOf(term)
  if (!criteria) return []

  const accounts = User.query().whereIn('kind', ['citizen', 'organisation']).orderBy('full_name').limit(SUGGESTIONS)
  whereMatches(accounts, criteria, {
    name: 'full_name',
    nationalId: 'national_id',
    phone: 'phone',
    email: 'email',
    taxCode: 'tax_code',
  })
  const dossiers = Dossier.query().orderBy('received_at', 'desc').limit(SUGGESTIONS * 5)
  whereMatches(dossiers, criteria, {
    name: 'applicant_full_name',
    nationalId: 'applicant_national_id',
    phone: 'applicant_phone',
    email: 'applicant_email',
    taxCode: 'applicant_tax_code',
  })
  const users = await accounts
  const filed = await dossiers

  const latestByAccount = new Map<number, Dossier>()
  for (const dossier of filed) {
    if (dossier.applicantId && !latestByAccount.has(dossier.applicantId)) latestByAccount.set(dossier.applicantId, dossier)
  }
  const seen = new Set<string>()
  const candidates: ApplicantCandidate[] = []
  for (const candidate of [
    ...users.map((user) => fromAccount(user, latestByAccount.get(user.id))),
    ...filed.map(fromDossier),
  ]) {
    const identity = identityOf(candidate)
    const byNumber = candidate.nationalId ? `id:${candidate.nationalId}` : null
    if (seen.has(identity) || (byNumber && seen.has(byNumber))) continue
    seen.add(identity)
    if (byNumber) seen.add(byNumber)
    candidates.push(candidate)
    if (candidates.length === SUGGESTIONS) break
  }
  return candidates
}

/** The applicant a suggestion named (`account-12`, `dossier-34`), in the current tenant; null otherwise. */
export async function applicantByRef(ref: unknown): Promise<ApplicantCandidate | null> {
  const match = typeof ref === 'string' ? /^(account|dossier)-(\d{1,15})$/.exec(ref) : null
  if (!match) return null
  const id = Number(match[2])
  if (match[1] === 'account') {
    const user = await User.query().where('id', id).whereIn('kind', ['citizen', 'organisation']).first()
    if (!user) return null
    const latest = await Dossier.query().where('applicant_id', user.id).orderBy('received_at', 'desc').first()
    return fromAccount(user, latest ?? undefined)
  }
  const dossier = await Dossier.find(id)
  return dossier ? fromDossier(dossier) : null
}

/** The applicant account with this identification number, so a counter dossier shows in its owner's account. */
export async function accountWithNationalId(nationalId: string | null | undefined) {
  if (!nationalId) return null
  return User.query().where('national_id', nationalId).whereIn('kind', ['citizen', 'organisation']).first()
}

/** An applicant account of the current tenant by id, or null. */
export function applicantAccount(id: number) {
  return User.query().where('id', id).whereIn('kind', ['citizen', 'organisation']).first()
}
