import vine from '@vinejs/vine'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import type { I18n } from '@adonisjs/i18n'
import { matchesCaptcha } from '#users/index'
import { CODE_MAX_LENGTH } from '#portal/lookup/dossier_lookup'

/** The lookup form: the dossier code and the picture code (checked before any lookup). */
export const lookupValidator = vine.withMetaData<{ captchaAnswer?: string }>().create(
  vine.object({
    code: vine.string().trim().minLength(1).maxLength(CODE_MAX_LENGTH),
    captcha: vine.string().optional().use(matchesCaptcha()),
  })
)

/** Messages of <namespace>.validation.<field>.<rule>, else the shared validator messages. */
export function validationMessagesOf(i18n: I18n, namespace: string): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage, rule, field, meta) {
      const own = `${namespace}.validation.${field.wildCardPath}.${rule}`
      if (i18n.hasMessage(own)) return i18n.t(own, meta)
      return shared.getMessage(defaultMessage, rule, field, meta)
    },
  }
}

export function lookupMessages(i18n: I18n) {
  return validationMessagesOf(i18n, 'lookup')
}
