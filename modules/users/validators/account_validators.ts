import vine from '@vinejs/vine'
import {
  dateOfBirthField,
  matchesCaptcha,
  notYetRegistered,
  passwordRule,
  personalIdentificationNumber,
  vietnamesePhone,
} from '#users/validators/rules'

type CaptchaMeta = { captchaAnswer?: string }

/** OL-10 AS-2: the self-declared identity a citizen or organisation registers with. */
export const registrationValidator = vine.withMetaData<CaptchaMeta>().create(
  vine.object({
    account_kind: vine.enum(['citizen', 'organisation'] as const),
    full_name: vine.string().trim().minLength(2).maxLength(255),
    date_of_birth: dateOfBirthField(),
    national_id: vine
      .string()
      .trim()
      .use(personalIdentificationNumber({ birthDateField: 'date_of_birth' }))
      .use(notYetRegistered({ column: 'national_id' })),
    organisation_name: vine
      .string()
      .trim()
      .maxLength(255)
      .optional()
      .requiredWhen('account_kind', '=', 'organisation'),
    tax_code: vine
      .string()
      .trim()
      .regex(/^\d{10}(-?\d{3})?$/)
      .optional()
      .requiredWhen('account_kind', '=', 'organisation'),
    phone: vine.string().trim().use(vietnamesePhone()),
    email: vine.string().trim().toLowerCase().email().maxLength(254).use(notYetRegistered({ column: 'email' })),
    password: passwordRule().confirmed(),
    captcha: vine.string().optional().use(matchesCaptcha()),
  })
)

export const loginValidator = vine.create(
  vine.object({
    account_name: vine.string().trim().maxLength(254),
    password: vine.string().maxLength(128),
  })
)

export const captchaValidator = vine.withMetaData<CaptchaMeta>().create(
  vine.object({ captcha: vine.string().optional().use(matchesCaptcha()) })
)

export const emailRequestValidator = vine.withMetaData<CaptchaMeta>().create(
  vine.object({
    email: vine.string().trim().toLowerCase().email().maxLength(254),
    captcha: vine.string().optional().use(matchesCaptcha()),
  })
)

export const newPasswordValidator = vine.create(
  vine.object({
    password: passwordRule().confirmed(),
  })
)
