/*
 * The reminder-push form (OS-22.6): the receiver's address (http or https; empty turns the push
 * off) and the signing secret (16 characters at least; empty keeps the one stored, but a first
 * address needs one). Messages from resources/lang/<locale>/integration.json under
 * `validation.<field>.<rule>`, then the shared validator.json.
 */
import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'

export const MIN_SECRET_LENGTH = 16

/** An absolute http(s) address with a host; internal host names without a dot are fine. */
const httpUrl = vine.createRule((value: unknown, _options, field: FieldContext) => {
  if (typeof value !== 'string') return
  let url: URL | null = null
  try {
    url = new URL(value)
  } catch {
    url = null
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname) {
    field.report('The {{ field }} must be an http or https address', 'httpUrl', field)
  }
})

export const reminderPushValidator = vine.withMetaData<{ hasSecret: boolean }>().create(
  vine.object({
    url: vine.string().trim().maxLength(255).use(httpUrl()).optional(),
    secret: vine
      .string()
      .trim()
      .minLength(MIN_SECRET_LENGTH)
      .maxLength(255)
      .optional()
      .requiredWhen((field) => !field.meta.hasSecret && typeof field.parent?.url === 'string' && field.parent.url.trim() !== ''),
  })
)

export function reminderPushMessages(i18n: I18n): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage, rule, field, meta) {
      const own = `integration.validation.${field.wildCardPath}.${rule}`
      if (i18n.hasMessage(own)) return i18n.t(own, meta)
      return shared.getMessage(defaultMessage, rule, field, meta)
    },
  }
}
