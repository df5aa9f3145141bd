/*
 * Validation rules shared by the account forms: Vietnamese dates, the 12-digit personal
 * identification number and mobile numbers. Messages come from resources/lang/<locale>/validator.json
 * under the rule's name.
 */
import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import type { FieldContext } from '@vinejs/vine/types'
import { VIETNAM_ZONE } from '#services/vietnamese_format'

/**
 * The first three digits of a citizen identity number: the province of birth registration, by
 * the 63 provinces that issued them before the 2025 merger (Circular 59/2021/TT-BCA, appendix).
 */
const ISSUING_PROVINCE_CODES = new Set(
  (
    '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 ' +
    '037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 ' +
    '077 079 080 082 083 084 086 087 089 091 092 093 094 095 096'
  ).split(' ')
)

/** Parses DD/MM/YYYY (also D/M/YYYY, with - or .) and the ISO form a date picker may send. */
export function parseVietnameseDate(value: string): DateTime | null {
  const trimmed = value.trim()
  const dayFirst = trimmed.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/)
  const iso = trimmed.match(/^(\d{4})-(\d{2})-(\d{2})$/)
  const parts = dayFirst
    ? { day: +dayFirst[1], month: +dayFirst[2], year: +dayFirst[3] }
    : iso
      ? { day: +iso[3], month: +iso[2], year: +iso[1] }
      : null
  if (!parts) return null
  const date = DateTime.fromObject(parts, { zone: VIETNAM_ZONE })
  return date.isValid ? date : null
}

/** A date typed by a person, checked and returned as a DateTime. */
export function dateOfBirthField() {
  return vine
    .string()
    .trim()
    .use(vietnameseDate())
    .use(pastBirthDate())
    .transform((value) => parseVietnameseDate(value)!)
}

export const vietnameseDate = vine.createRule((value: unknown, _options, field: FieldContext) => {
  if (typeof value !== 'string') return
  const trimmed = value.trim()
  if (!/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(trimmed) && !/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    field.report('The {{ field }} must be written as DD/MM/YYYY', 'dateFormat', field)
    return
  }
  if (!parseVietnameseDate(trimmed)) field.report('The {{ field }} is not a real date', 'dateExists', field)
})

/** After vietnameseDate: a date of birth is in the past and at most 120 years ago. */
export const pastBirthDate = vine.createRule((value: unknown, _options, field: FieldContext) => {
  const date = typeof value === 'string' ? parseVietnameseDate(value) : null
  if (!field.isValid || !date) return
  const today = DateTime.now().setZone(VIETNAM_ZONE).startOf('day')
  if (date > today) field.report('The {{ field }} cannot be in the future', 'dateInFuture', field)
  else if (date < today.minus({ years: 120 })) field.report('The {{ field }} is too far in the past', 'dateTooOld', field)
})

/**
 * A personal identification number: 12 digits; digits 1–3 a known province code; digit 4 the
 * century and sex; digits 5–6 the last two digits of the year of birth. When the form also has a
 * date of birth, the number must agree with it.
 */
export const personalIdentificationNumber = vine.createRule(
  (value: unknown, options: { birthDateField?: string } | undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    if (!/^\d{12}$/.test(value)) {
      field.report('The {{ field }} must have exactly 12 digits', 'nationalIdFormat', field)
      return
    }
    if (!ISSUING_PROVINCE_CODES.has(value.slice(0, 3))) {
      field.report('The {{ field }} does not start with a valid province code', 'nationalIdProvince', field)
      return
    }
    const birthInput = options?.birthDateField ? field.parent?.[options.birthDateField] : undefined
    const birthDate =
      birthInput instanceof DateTime ? birthInput : typeof birthInput === 'string' ? parseVietnameseDate(birthInput) : null
    if (!birthDate) return
    const century = Math.floor(Number(value[3]) / 2)
    const yearFromNumber = 1900 + century * 100 + Number(value.slice(4, 6))
    if (yearFromNumber !== birthDate.year) {
      field.report('The {{ field }} does not match the year of birth', 'nationalIdBirthYear', field)
    }
  }
)

/** Vietnamese mobile or landline numbers: 10 digits starting with 0, or +84 followed by 9 digits. */
export function normalisePhone(value: string) {
  return value.replace(/[\s.()-]/g, '').replace(/^\+84/, '0')
}

export const vietnamesePhone = vine.createRule((value: unknown, _options, field: FieldContext) => {
  if (typeof value !== 'string') return
  const phone = normalisePhone(value)
  if (!/^0\d{9}$/.test(phone)) {
    field.report('The {{ field }} must be a 10-digit Vietnamese phone number', 'phoneFormat', field)
    return
  }
  field.mutate(phone, field)
})

/** At least 8 characters with a letter and a digit; long passphrases are welcome. */
export function passwordRule() {
  return vine
    .string()
    .minLength(8)
    .maxLength(128)
    .regex(/\p{L}/u)
    .regex(/\p{N}/u)
}

export const CAPTCHA_FIELD = 'captcha'

/** The answer to the captcha shown to this session (put in validator metadata by the controller). */
export const matchesCaptcha = vine.createRule(
  (value: unknown, _options, field: FieldContext) => {
    const expected = field.meta.captchaAnswer as string | undefined
    const given = typeof value === 'string' ? value.trim().toLowerCase() : ''
    if (!expected || given !== expected.toLowerCase()) {
      field.report('The characters in the picture do not match', 'captcha', field)
    }
  },
  { implicit: true }
)

/** No account of this tenant uses the value yet (the query runs in the tenant's scope). */
export const notYetRegistered = vine.createRule(
  async (value: unknown, options: { column: 'email' | 'national_id' }, field: FieldContext) => {
    if (typeof value !== 'string' || !field.isValid) return
    const { default: User } = await import('#users/models/user')
    const taken = await User.query()
      .whereRaw(`lower(${options.column}) = ?`, [value.toLowerCase()])
      .first()
    if (taken) field.report('This {{ field }} is already registered', 'notYetRegistered', field)
  },
  { isAsync: true }
)
