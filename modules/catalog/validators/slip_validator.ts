/*
 * The forms of the slip templates screen (OS-2.5). Messages come from
 * resources/lang/<locale>/slips.json under `validation.<field>.<rule>`, then the shared ones.
 */
import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import { SLIP_SETS } from '#catalog/models/slip_template'
import { unknownPlaceholders } from '#catalog/services/slip_rendering'

export const MAX_SLIP_BODY_LENGTH = 20_000

/** Every `{{…}}` of the text names a known placeholder; the message names the others. */
const knownPlaceholders = vine.createRule((value: unknown, _options, field: FieldContext) => {
  if (typeof value !== 'string' || !field.isValid) return
  const unknown = unknownPlaceholders(value)
  if (unknown.length) {
    field.report('Unknown placeholders: {names}', 'knownPlaceholders', field, {
      names: unknown.map((name) => `{{${name}}}`).join(', '),
    })
  }
})

export const slipTemplateValidator = vine.create(
  vine.object({
    title: vine.string().trim().minLength(2).maxLength(255),
    body: vine.string().trim().minLength(1).maxLength(MAX_SLIP_BODY_LENGTH).use(knownPlaceholders()),
  })
)

export const slipSetValidator = vine.create(
  vine.object({
    slip_set: vine.enum(SLIP_SETS),
    tracking_book_by_sector: vine.boolean().optional(),
  })
)

export const resultTemplateValidator = vine.create(
  vine.object({
    procedure_id: vine.number().withoutDecimals().positive(),
  })
)

/** Messages of slips.json (`slips.validation.<field>.<rule>`, with the rule's meta), then the shared ones. */
export function slipFormMessages(i18n: I18n): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage, rule, field, meta) {
      const own = `slips.validation.${field.wildCardPath}.${rule}`
      if (i18n.hasMessage(own)) return i18n.t(own, meta ?? {})
      return shared.getMessage(defaultMessage, rule, field, meta)
    },
  }
}
