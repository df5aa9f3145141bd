/*
 * Dossier codes (OS-5.3, PT-4.1). Circular 01/2018/TT-VPCP Art. 19: the receiving unit's
 * identifier code, the receipt date as yymmdd and a 4-digit sequence within the day and unit,
 * e.g. 000.00.01.H22-260415-0001. Circular 04/2025/TT-VPCP adds, for nationally centralised
 * services, two digits of the central system owner before a sequence of at least 4 digits
 * (…-260415-070001). The layout is a small pattern kept in the tenant's settings
 * (`settings.dossierCodeFormat`), the 2018 one by default:
 *
 *   {unit}     the receiving unit's identifier code (agencies.code)
 *   {yymmdd}   the receipt date in Asia/Ho_Chi_Minh
 *   {seq:N}    the sequence, zero-padded to at least N digits ({seq} is {seq:4})
 *
 * and literal characters among 0–9, A–Z, '.', '-'. All three tokens are required: together they
 * are what makes a code unique.
 *
 * No duplicates, no gaps: the sequence comes from dossier_code_counters, incremented with
 * insert … on conflict do update … returning in the caller's transaction (the intake's). The
 * counter row stays locked until that transaction ends, so concurrent intakes of one unit on one
 * day take their numbers one after the other, and an intake that rolls back rolls its increment
 * back with it: the next one gets the same number, and no number is ever skipped.
 * The price: intakes of one unit serialise on that row between issuing and commit, so issue the
 * code as late as possible in the intake's transaction and commit soon after.
 */
import { DateTime } from 'luxon'
import { Exception } from '@adonisjs/core/exceptions'
import type Tenant from '#tenancy/tenant'
import { requireTenantScope } from '#tenancy/tenant_context'
import { VIETNAM_ZONE } from '#services/vietnamese_format'

export const DOSSIER_CODE_FORMAT_2018 = '{unit}-{yymmdd}-{seq:4}'

/** The 2025 layout for nationally centralised services: AA, the central system owner's two digits. */
export function dossierCodeFormat2025(systemOwner: string, sequenceWidth = 4) {
  return `{unit}-{yymmdd}-${systemOwner}{seq:${sequenceWidth}}`
}

/** Identifier codes of Decision 20/2020/QĐ-TTg (and the older QCVN 102 form): up to 35 of `.`, 0–9, A–Z. */
const UNIT_CODE = /^[0-9A-Z]+(\.[0-9A-Z]+)*$/
const UNIT_CODE_MAX = 35
const LITERAL = /^[0-9A-Z.-]*$/
const TOKEN = /\{(unit|yymmdd|seq)(?::(\d+))?\}/g

type Part = { literal: string } | { token: 'unit' } | { token: 'yymmdd' } | { token: 'seq'; width: number }

export class DossierCodeFormatException extends Exception {
  static status = 500
  static code = 'E_DOSSIER_CODE_FORMAT'
}

/** Parses a pattern; throws DossierCodeFormatException naming what is wrong. */
export function parseDossierCodeFormat(pattern: string): Part[] {
  const parts: Part[] = []
  const seen = new Set<string>()
  let last = 0
  const fail = (why: string) => {
    throw new DossierCodeFormatException(`Invalid dossier code format "${pattern}": ${why}`)
  }
  for (const match of pattern.matchAll(TOKEN)) {
    const literal = pattern.slice(last, match.index)
    if (!LITERAL.test(literal)) fail(`"${literal}" may only hold 0-9, A-Z, "." and "-"`)
    if (literal) parts.push({ literal })
    const [, token, width] = match
    if (seen.has(token)) fail(`{${token}} appears twice`)
    seen.add(token)
    if (token === 'seq') {
      const digits = width === undefined ? 4 : Number(width)
      if (!(digits >= 1 && digits <= 9)) fail('the sequence width must be between 1 and 9')
      parts.push({ token: 'seq', width: digits })
    } else {
      if (width !== undefined) fail(`{${token}} takes no width`)
      parts.push({ token: token as 'unit' | 'yymmdd' })
    }
    last = match.index + match[0].length
  }
  const tail = pattern.slice(last)
  if (!LITERAL.test(tail)) fail(`"${tail}" may only hold 0-9, A-Z, "." and "-"`)
  if (tail) parts.push({ literal: tail })
  for (const token of ['unit', 'yymmdd', 'seq']) {
    if (!seen.has(token)) fail(`{${token}} is missing`)
  }
  return parts
}

/** The error message for a pattern, or null when it is valid (for a settings form). */
export function dossierCodeFormatError(pattern: string): string | null {
  try {
    parseDossierCodeFormat(pattern)
    return null
  } catch (error) {
    return (error as Error).message
  }
}

/** The tenant's pattern: settings.dossierCodeFormat, or the 2018 one. */
export function dossierCodeFormatOf(tenant: Tenant): string {
  const configured = tenant.settings?.dossierCodeFormat
  return typeof configured === 'string' && configured.trim() ? configured.trim() : DOSSIER_CODE_FORMAT_2018
}

/** The calendar day a moment falls on in Vietnam, as yyyy-MM-dd: the day the sequence counts in. */
export function dossierCodeDay(at: DateTime): string {
  return at.setZone(VIETNAM_ZONE).toISODate()!
}

export function assertUnitCode(unitCode: string) {
  if (unitCode.length > UNIT_CODE_MAX || !UNIT_CODE.test(unitCode)) {
    throw new DossierCodeFormatException(
      `The receiving unit's identifier code "${unitCode}" is not of the form of Decision 20/2020/QĐ-TTg (up to 35 of ".", 0-9, A-Z)`
    )
  }
}

/** Lays a code out; pure, so it can be tested without a database. */
export function formatDossierCode(pattern: string, values: { unitCode: string; at: DateTime; sequence: number }) {
  assertUnitCode(values.unitCode)
  const date = values.at.setZone(VIETNAM_ZONE).toFormat('yyMMdd')
  return parseDossierCodeFormat(pattern)
    .map((part) => {
      if ('literal' in part) return part.literal
      if (part.token === 'unit') return values.unitCode
      if (part.token === 'yymmdd') return date
      return String(values.sequence).padStart(part.width, '0')
    })
    .join('')
}

export interface IssuedDossierCode {
  code: string
  unitCode: string
  /** yyyy-MM-dd in Asia/Ho_Chi_Minh. */
  day: string
  sequence: number
}

/**
 * Issues the next code of `unitCode` for the day `at` falls on, in the current tenant's
 * transaction. Call it right before inserting the dossier, in the same transaction.
 */
export async function issueDossierCode(input: { unitCode: string; at: DateTime }): Promise<IssuedDossierCode> {
  const { tenant, client } = requireTenantScope()
  const pattern = dossierCodeFormatOf(tenant)
  parseDossierCodeFormat(pattern)
  assertUnitCode(input.unitCode)
  const day = dossierCodeDay(input.at)
  const result = await client.rawQuery(
    `insert into dossier_code_counters as counter (tenant_id, unit_code, day, last_sequence)
     values (?, ?, ?, 1)
     on conflict (tenant_id, unit_code, day) do update set last_sequence = counter.last_sequence + 1
     returning last_sequence`,
    [tenant.id, input.unitCode, day]
  )
  const sequence = Number(result.rows[0].last_sequence)
  return {
    code: formatDossierCode(pattern, { unitCode: input.unitCode, at: input.at, sequence }),
    unitCode: input.unitCode,
    day,
    sequence,
  }
}
