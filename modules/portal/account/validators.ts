import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { User, parseVietnameseDate, passwordRule, pastBirthDate, vietnameseDate, vietnamesePhone } from '#users/index'

type AccountMeta = { userId: number; nationalId: string | null }

/**
 * The date of birth must agree with the personal identification number the account was
 * registered with: its 4th digit gives the century, the 5th and 6th the year.
 */
const agreesWithNationalId = vine.createRule((value: unknown, _options, field: FieldContext) => {
  const nationalId = field.meta.nationalId as string | null
  const date = typeof value === 'string' ? parseVietnameseDate(value) : null
  if (!field.isValid || !nationalId || !/^\d{12}$/.test(nationalId) || !date?.isValid) return
  const year = 1900 + Math.floor(Number(nationalId[3]) / 2) * 100 + Number(nationalId.slice(4, 6))
  if (year !== date.year) field.report('The date of birth does not match the identification number', 'birthYearMismatch', field)
})

/** No other account of this tenant uses the address. */
const emailFreeForOthers = vine.createRule(
  async (value: unknown, _options, field: FieldContext) => {
    if (typeof value !== 'string' || !field.isValid) return
    const holder = await User.byEmail(value)
    if (holder && holder.id !== field.meta.userId) field.report('This email is already used', 'emailTaken', field)
  },
  { isAsync: true }
)

/** PT-1.1: the profile the e-forms are prefilled from. The identification number is not edited here. */
export const profileValidator = vine.withMetaData<AccountMeta>().create(
  vine.object({
    full_name: vine.string().trim().minLength(2).maxLength(255),
    date_of_birth: vine
      .string()
      .trim()
      .use(vietnameseDate())
      .use(pastBirthDate())
      .use(agreesWithNationalId())
      .transform((value) => parseVietnameseDate(value)!),
    phone: vine.string().trim().use(vietnamesePhone()),
    email: vine.string().trim().toLowerCase().email().maxLength(254).use(emailFreeForOthers()),
    address: vine.string().trim().maxLength(255).optional(),
    /** Asked only when the email changes: the address is where password reset links go. */
    current_password: vine.string().maxLength(128).optional(),
  })
)

export const notificationPreferencesValidator = vine.create(
  vine.object({
    notify_by_email: vine.boolean().optional(),
    notify_by_sms: vine.boolean().optional(),
  })
)

export const passwordChangeValidator = vine.create(
  vine.object({
    current_password: vine.string().maxLength(128),
    password: passwordRule().confirmed(),
  })
)

export const vaultPaperValidator = vine.create(
  vine.object({
    label: vine.string().trim().minLength(2).maxLength(255),
  })
)
