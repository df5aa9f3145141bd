/*
 * The counter-address form (PT-15.2 c). "Chọn tỉnh" needs a known province; "Lưu" with a
 * province needs one of that province's communes (an empty province removes the stored address).
 * Messages from resources/lang/<locale>/integration.json under
 * `counter_address.validation.<field>.<rule>`, then the shared validator.json.
 */
import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import { isCommuneOf, isProvince } from '#integration/postal/counter_address'

const knownProvince = vine.createRule(
  async (value: unknown, _options, field: FieldContext) => {
    if (typeof value !== 'string' || !field.isValid) return
    if (!(await isProvince(value))) field.report('Not a province', 'knownProvince', field)
  },
  { isAsync: true }
)

const communeOfProvince = vine.createRule(
  async (value: unknown, _options, field: FieldContext) => {
    if (typeof value !== 'string' || !field.isValid) return
    const province = typeof field.parent?.province === 'string' ? field.parent.province.trim() : ''
    // An unknown province is reported on its own field; the commune cannot be checked against it.
    if (!province || !(await isProvince(province))) return
    if (!(await isCommuneOf(province, value))) field.report('Not a commune of the province', 'communeOfProvince', field)
  },
  { isAsync: true }
)

const unitCode = () => vine.string().trim().maxLength(10)

/** "Chọn tỉnh" (no JavaScript): the province whose communes the form should offer. */
export const provinceChoiceValidator = vine.create(vine.object({ province: unitCode().use(knownProvince()) }))

/** "Lưu": a province and one of its communes, or no province at all. */
export const counterAddressValidator = vine.create(
  vine.object({
    province: unitCode().use(knownProvince()).optional(),
    commune: unitCode()
      .use(communeOfProvince())
      .optional()
      .requiredWhen((field) => typeof field.parent?.province === 'string' && field.parent.province.trim() !== ''),
  })
)

export function counterAddressMessages(i18n: I18n): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage, rule, field, meta) {
      const own = `integration.counter_address.validation.${field.wildCardPath}.${rule}`
      if (i18n.hasMessage(own)) return i18n.t(own, meta)
      return shared.getMessage(defaultMessage, rule, field, meta)
    },
  }
}
