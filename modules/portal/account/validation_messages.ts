import type { I18n } from '@adonisjs/i18n'
import type { MessagesProviderContact } from '@vinejs/vine/types'

/**
 * Messages of `<namespace>.validation.<field>.<rule>` first, then the shared validator messages
 * with the field named by `<namespace>.field_names.<field>` when the shared list lacks it.
 */
export function namespacedMessages(i18n: I18n, namespace: string): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage, rule, field, meta) {
      const own = `${namespace}.validation.${field.wildCardPath}.${rule}`
      if (i18n.hasMessage(own)) return i18n.t(own, meta)
      const name = `${namespace}.field_names.${field.wildCardPath}`
      if (i18n.hasMessage(name) && i18n.hasMessage(`validator.shared.messages.${rule}`)) {
        return i18n.t(`validator.shared.messages.${rule}`, { ...meta, field: i18n.t(name) })
      }
      return shared.getMessage(defaultMessage, rule, field, meta)
    },
  }
}
