/*
 * The forms of the statuses and shared-catalogue admin screens. Shared messages come from
 * resources/lang/<locale>/validator.json; those that only make sense here from catalogues.json
 * under `validation.<field>.<rule>`.
 */
import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import { CATALOGUE_KINDS, CATALOGUE_SOURCES } from '#catalog/models/shared_catalogue'

type StatusMeta = { statusId: number | null }
type EntryMeta = { catalogueId: number }

/** No other status of the tenant has this code. */
const statusCodeAvailable = vine.createRule(
  async (value: unknown, _options, field: FieldContext) => {
    if (typeof value !== 'string' || !field.isValid) return
    const { default: Status } = await import('#catalog/models/status')
    if (await Status.findBy('code', value)) field.report('This code is already used', 'codeAvailable', field)
  },
  { isAsync: true }
)

/** No other status of the tenant has this label (case-insensitive): no look-alike legal status. */
const statusLabelAvailable = vine.createRule(
  async (value: unknown, _options, field: FieldContext) => {
    if (typeof value !== 'string' || !field.isValid) return
    const { default: Status } = await import('#catalog/models/status')
    const statusId = (field.meta as StatusMeta).statusId
    const query = Status.query().whereRaw('lower(label) = lower(?)', [value])
    if (statusId) query.whereNot('id', statusId)
    if (await query.first()) field.report('This label is already used', 'labelAvailable', field)
  },
  { isAsync: true }
)

const catalogueCodeAvailable = vine.createRule(
  async (value: unknown, _options, field: FieldContext) => {
    if (typeof value !== 'string' || !field.isValid) return
    const { default: SharedCatalogue } = await import('#catalog/models/shared_catalogue')
    if (await SharedCatalogue.findBy('code', value)) field.report('This code is already used', 'codeAvailable', field)
  },
  { isAsync: true }
)

const entryCodeAvailable = vine.createRule(
  async (value: unknown, _options, field: FieldContext) => {
    if (typeof value !== 'string' || !field.isValid) return
    const { default: SharedCatalogueEntry } = await import('#catalog/models/shared_catalogue_entry')
    const catalogueId = (field.meta as EntryMeta).catalogueId
    const taken = await SharedCatalogueEntry.query().where('catalogue_id', catalogueId).where('code', value).first()
    if (taken) field.report('This code is already used', 'codeAvailable', field)
  },
  { isAsync: true }
)

const statusFields = {
  label: vine.string().trim().minLength(2).maxLength(255).use(statusLabelAvailable()),
  national_code: vine.string().trim().regex(/^[0-9A-Za-z._-]{1,20}$/).optional(),
  description: vine.string().trim().maxLength(1000).optional(),
}

export const createStatusValidator = vine.withMetaData<StatusMeta>().create(
  vine.object({
    code: vine.string().trim().toLowerCase().regex(/^[a-z][a-z0-9_]{1,39}$/).use(statusCodeAvailable()),
    ...statusFields,
  })
)

export const updateStatusValidator = vine.withMetaData<StatusMeta>().create(vine.object(statusFields))

/** Codes of catalogues and entries: letters, digits and . _ - / (as national codes are written). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,99}$/

export const catalogueValidator = vine.create(
  vine.object({
    code: vine.string().trim().regex(CODE).use(catalogueCodeAvailable()),
    name: vine.string().trim().minLength(2).maxLength(255),
    kind: vine.enum(CATALOGUE_KINDS),
    source: vine.enum(CATALOGUE_SOURCES),
    description: vine.string().trim().maxLength(1000).optional(),
  })
)

export const createEntryValidator = vine.withMetaData<EntryMeta>().create(
  vine.object({
    code: vine.string().trim().regex(CODE).use(entryCodeAvailable()),
    name: vine.string().trim().minLength(1).maxLength(500),
  })
)

export const updateEntryValidator = vine.create(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(500),
  })
)

export const importValidator = vine.create(
  vine.object({
    catalogue_file: vine.file({ size: '5mb', extnames: ['json'] }),
  })
)

/** The shared i18n messages, preceded by these forms' own: `catalogues.validation.<field>.<rule>`. */
export function catalogueFormMessages(i18n: I18n): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage, rule, field, meta) {
      const own = `catalogues.validation.${field.wildCardPath}.${rule}`
      if (i18n.hasMessage(own)) return i18n.t(own)
      return shared.getMessage(defaultMessage, rule, field, meta)
    },
  }
}
