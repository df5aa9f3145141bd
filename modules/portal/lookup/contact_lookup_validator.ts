import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { matchesCaptcha } from '#users/index'
import { parseContact } from '#portal/lookup/contact_lookup'

/** A Vietnamese phone number or an email address, in one field (people type either). */
const phoneOrEmail = vine.createRule((value: unknown, _options, field: FieldContext) => {
  if (typeof value !== 'string') return
  if (!parseContact(value)) field.report('Enter a phone number or an email address', 'phoneOrEmail', field)
})

/** Step 1: the contact and the picture code (checked before anything is issued). */
export const contactValidator = vine.withMetaData<{ captchaAnswer?: string }>().create(
  vine.object({
    contact: vine.string().trim().minLength(1).maxLength(255).use(phoneOrEmail()),
    captcha: vine.string().optional().use(matchesCaptcha()),
  })
)

/** Step 2: the 6 digits received; spaces a person may type between them are ignored. */
export const lookupCodeValidator = vine.create(
  vine.object({
    confirmation_code: vine
      .string()
      .regex(/^(\s*\d){6}\s*$/)
      .transform((value) => value.replace(/\s/g, '')),
  })
)
