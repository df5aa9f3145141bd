/*
 * PT-12.1: looking dossiers up by the applicant's phone or email. Whoever asks gets a 6-digit
 * one-time code sent to that phone or email (10 minutes, 5 tries); typing it back proves they
 * hold the contact, and shows its dossiers: code, procedure and status, never personal data.
 *
 * No enumeration: a code is issued and the visitor sees the same page whether or not the contact
 * has dossiers; the message is only sent when it has some, so nobody's phone can be flooded
 * through a contact that never filed anything, and the answer to the visitor does not tell.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import { DateTime } from 'luxon'
import type { I18n } from '@adonisjs/i18n'
import limiter from '@adonisjs/limiter/services/main'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import { requireTenantScope } from '#tenancy/tenant_context'
import { appKey } from '#config/app'
import { queueEmail, queueSms } from '#integration/index'
import { Dossier, dossierStatusLabels } from '#intake/index'
import { Procedure } from '#catalog/index'
import { normalisePhone } from '#users/index'
import LookupCode, { type ContactKind } from '#portal/lookup/lookup_code'

export const CODE_LIFETIME_MINUTES = 10
export const MAX_ATTEMPTS = 5
/** Dossiers shown for one contact, newest first. */
export const MAX_LISTED = 50

export interface Contact {
  kind: ContactKind
  /** 0xxxxxxxxx for a phone, lower case for an email. */
  value: string
}

export interface ContactDossier {
  code: string
  procedureName: string
  statusLabel: string
}

export type CodeCheck =
  | { outcome: 'found'; contact: Contact }
  | { outcome: 'wrong'; attemptsLeft: number }
  | { outcome: 'expired' }
  | { outcome: 'exhausted' }

/** The same normalisation as the expression indexes of migration 0402. */
const PHONE_SQL = `regexp_replace(regexp_replace(applicant_phone, '[\\s.()-]', '', 'g'), '^\\+84', '0')`
const EMAIL_SQL = 'lower(applicant_email)'

/** Requests for codes: 10 an hour from one address, 3 an hour for one contact (SMS cost, flooding). */
export function codeRequestLimiters() {
  return {
    perAddress: limiter.use({ requests: 10, duration: '1 hour', blockDuration: '1 hour' }),
    perContact: limiter.use({ requests: 3, duration: '1 hour', blockDuration: '1 hour' }),
  }
}

/** Code checks: 30 per 10 minutes from one address, over every code it holds. */
export function codeCheckLimiter() {
  return limiter.use({ requests: 30, duration: '10 mins', blockDuration: '10 mins' })
}

/** A phone (10 digits from 0, or +84…) or an email, as typed; null when it is neither. */
export function parseContact(input: string): Contact | null {
  const typed = input.normalize('NFC').trim()
  if (typed.includes('@')) {
    const email = typed.toLowerCase()
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 255 ? { kind: 'email', value: email } : null
  }
  const phone = normalisePhone(typed)
  return /^0\d{9}$/.test(phone) ? { kind: 'phone', value: phone } : null
}

/** "09******11", "a***@example.vn": enough for the visitor to recognise what they typed. */
export function maskContact(contact: Contact) {
  if (contact.kind === 'phone') return `${contact.value.slice(0, 2)}******${contact.value.slice(-2)}`
  const [name, domain] = contact.value.split('@')
  return `${name.slice(0, 1)}***@${domain}`
}

function hashOf(tenantId: number, contact: Contact, code: string) {
  return createHmac('sha256', appKey.release())
    .update(`${tenantId}:${contact.kind}:${contact.value}:${code}`)
    .digest('hex')
}

function whereContact(query: ModelQueryBuilderContract<typeof Dossier>, contact: Contact) {
  return contact.kind === 'phone'
    ? query.whereNotNull('applicant_phone').whereRaw(`${PHONE_SQL} = ?`, [contact.value])
    : query.whereNotNull('applicant_email').whereRaw(`${EMAIL_SQL} = ?`, [contact.value])
}

async function hasDossiers(contact: Contact) {
  return (await whereContact(Dossier.query().select('id'), contact).first()) !== null
}

/**
 * Issues a code for the contact and, when the contact has dossiers, queues it by SMS or email
 * (sent after the request's transaction commits). Returns the code's record id, which the
 * visitor's session keeps for the next step.
 */
export async function issueLookupCode(contact: Contact, i18n: I18n): Promise<number> {
  const { tenant } = requireTenantScope()
  // Codes long dead are of no use to anyone: cleared as new ones are issued.
  await LookupCode.query().where('expires_at', '<', DateTime.now().minus({ days: 1 }).toSQL()!).delete()

  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const record = await LookupCode.create({
    contactKind: contact.kind,
    contact: contact.value,
    codeHash: hashOf(tenant.id, contact, code),
    attempts: 0,
    expiresAt: DateTime.now().plus({ minutes: CODE_LIFETIME_MINUTES }),
    usedAt: null,
  })

  if (await hasDossiers(contact)) {
    const texts = { code, minutes: CODE_LIFETIME_MINUTES, site: tenant.name }
    if (contact.kind === 'phone') {
      await queueSms({ to: contact.value, text: i18n.t('lookup.contact.sms_text', texts) })
    } else {
      await queueEmail({
        to: contact.value,
        subject: i18n.t('lookup.contact.email_subject', texts),
        text: i18n.t('lookup.contact.email_text', texts),
      })
    }
  }
  return record.id
}

/**
 * Checks a typed code against the record the visitor's session points at. A wrong code spends
 * a try (the row is locked, so parallel guesses cannot share one); the right one spends the code.
 */
export async function checkLookupCode(codeId: number, typed: string): Promise<CodeCheck> {
  const { tenant } = requireTenantScope()
  const record = await LookupCode.query().where('id', codeId).forUpdate().first()
  if (!record || record.usedAt || record.expiresAt <= DateTime.now()) return { outcome: 'expired' }
  if (record.attempts >= MAX_ATTEMPTS) return { outcome: 'exhausted' }

  const contact: Contact = { kind: record.contactKind, value: record.contact }
  const expected = Buffer.from(record.codeHash, 'hex')
  const given = Buffer.from(hashOf(tenant.id, contact, typed), 'hex')
  if (timingSafeEqual(expected, given)) {
    record.usedAt = DateTime.now()
    await record.save()
    return { outcome: 'found', contact }
  }

  record.attempts += 1
  await record.save()
  if (record.attempts >= MAX_ATTEMPTS) return { outcome: 'exhausted' }
  return { outcome: 'wrong', attemptsLeft: MAX_ATTEMPTS - record.attempts }
}

/** The contact's dossiers, newest first: public columns only. */
export async function dossiersOfContact(contact: Contact): Promise<ContactDossier[]> {
  const dossiers = await whereContact(
    Dossier.query().select('id', 'code', 'procedure_id', 'status_code', 'received_at'),
    contact
  )
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_LISTED)
  if (dossiers.length === 0) return []

  const procedureIds = [...new Set(dossiers.map((dossier) => dossier.procedureId))]
  const procedures = await Procedure.query().select('id', 'name').whereIn('id', procedureIds)
  const names = new Map(procedures.map((procedure) => [procedure.id, procedure.name]))
  const labels = await dossierStatusLabels()
  return dossiers.map((dossier) => ({
    code: dossier.code,
    procedureName: names.get(dossier.procedureId) ?? '',
    statusLabel: labels.get(dossier.statusCode) ?? dossier.statusCode,
  }))
}
