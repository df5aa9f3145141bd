/*
 * OS-17.1: the officer form an admin fills in (create and edit). Messages come from
 * resources/lang/<locale>/validator.json; the few that only make sense on this form (choose a
 * role, choose a department, email taken) from staff.json under `validation.<field>.<rule>`.
 */
import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import { OFFICER_ROLES } from '#users/models/user'
import { vietnamesePhone } from '#users/validators/rules'

type OfficerFormMeta = { officerId: number | null }

/** A department of the current tenant (the query runs in the tenant's scope). */
const departmentOfTenant = vine.createRule(
  async (value: unknown, _options, field: FieldContext) => {
    if (typeof value !== 'number' || !field.isValid) return
    const { default: Department } = await import('#users/models/department')
    if (!(await Department.find(value))) {
      field.report('The {{ field }} is not one of the departments', 'departmentOfTenant', field)
    }
  },
  { isAsync: true }
)

/** No other account of the tenant uses this email (case-insensitive), whatever its kind. */
const emailAvailable = vine.createRule(
  async (value: unknown, _options, field: FieldContext) => {
    if (typeof value !== 'string' || !field.isValid) return
    const { default: User } = await import('#users/models/user')
    const officerId = (field.meta as OfficerFormMeta).officerId
    const query = User.query().whereRaw('lower(email) = ?', [value.toLowerCase()])
    if (officerId) query.whereNot('id', officerId)
    if (await query.first()) field.report('This {{ field }} is already used by another account', 'emailAvailable', field)
  },
  { isAsync: true }
)

export const officerValidator = vine.withMetaData<OfficerFormMeta>().create(
  vine.object({
    full_name: vine.string().trim().minLength(2).maxLength(255),
    email: vine.string().trim().toLowerCase().email().maxLength(254).use(emailAvailable()),
    phone: vine.string().trim().use(vietnamesePhone()).optional(),
    position: vine.string().trim().maxLength(255),
    department_id: vine.number().withoutDecimals().use(departmentOfTenant()),
    // One ticked box may arrive as a plain value rather than a list.
    roles: vine
      .array(vine.enum(OFFICER_ROLES))
      .parse((value) => (typeof value === 'string' ? [value] : value))
      .minLength(1)
      .distinct(),
  })
)

/**
 * The shared i18n messages, preceded by this form's own: `staff.validation.<field>.<rule>`.
 * Passed explicitly so the form speaks the visitor's language whatever the app-wide default is.
 */
export function officerFormMessages(i18n: I18n): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage, rule, field, meta) {
      const own = `staff.validation.${field.wildCardPath}.${rule}`
      if (i18n.hasMessage(own)) return i18n.t(own)
      return shared.getMessage(defaultMessage, rule, field, meta)
    },
  }
}
