/*
 * The counter's forms. The intake form also carries the procedure's e-form, whose inputs are
 * named by the e-form's field keys (lower-case letters first); the counter's own inputs start
 * with "_" so that no e-form key can ever collide with them.
 */
import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import { personalIdentificationNumber, vietnamesePhone } from '#users/index'

/** The counter's own inputs on the intake form: everything else posted is the e-form. */
export const COUNTER_INPUTS = [
  '_csrf',
  '_procedure',
  '_channel',
  '_decision',
  '_applicant',
  '_components',
  '_missing',
  '_other_papers',
  '_reason',
  '_scans',
  '_kept_scans',
]

export const COUNTER_DECISIONS = ['check', 'accept', 'supplement', 'refuse'] as const

const ids = () => vine.array(vine.number().withoutDecimals().positive()).optional()

const reason = () => vine.string().trim().minLength(3).maxLength(2000)

export const counterIntakeValidator = vine.create(
  vine.object({
    _procedure: vine.number().withoutDecimals().positive(),
    _channel: vine.enum(['counter', 'postal'] as const),
    _decision: vine.enum(COUNTER_DECISIONS),
    _applicant: vine.object({
      account: vine.number().withoutDecimals().positive().optional(),
      full_name: vine.string().trim().minLength(2).maxLength(200),
      national_id: vine.string().trim().use(personalIdentificationNumber()).optional().requiredIfMissing('organisation_name'),
      organisation_name: vine.string().trim().maxLength(300).optional(),
      tax_code: vine.string().trim().regex(/^\d{10}(\d{3})?$/).optional(),
      phone: vine.string().trim().use(vietnamesePhone()).optional(),
      email: vine.string().trim().toLowerCase().email().maxLength(254).optional(),
      address: vine.string().trim().maxLength(500).optional(),
    }),
    _components: ids(),
    _missing: ids(),
    _other_papers: vine.string().trim().maxLength(2000).optional(),
    _reason: reason().optional().requiredWhen('_decision', 'in', ['supplement', 'refuse']),
  })
)

/** OS-5.9: the number the receptionist asks the National Population Database about. */
export const registryLookupValidator = vine.create(
  vine.object({
    _applicant: vine.object({ national_id: vine.string().trim().use(personalIdentificationNumber()) }),
  })
)

const lockVersion = () => vine.number().withoutDecimals().min(1)

export const acceptanceValidator = vine.create(vine.object({ lock_version: lockVersion() }))

export const supplementRequestValidator = vine.create(
  vine.object({
    lock_version: lockVersion(),
    reason: reason(),
    missing: ids(),
    other_papers: vine.string().trim().maxLength(2000).optional(),
  })
)

export const refusalValidator = vine.create(vine.object({ lock_version: lockVersion(), reason: reason() }))

/** OS-5.8: how the applicant asked for the withdrawal (in person, by phone on …). */
export const counterWithdrawalValidator = vine.create(vine.object({ lock_version: lockVersion(), request: reason() }))

export const counterRestorationValidator = vine.create(vine.object({ lock_version: lockVersion() }))

export const supplementRecordValidator = vine.create(
  vine.object({
    lock_version: lockVersion(),
    received: ids(),
    by_post: vine.boolean().optional(),
    note: vine.string().trim().maxLength(1000).optional(),
  })
)

/** Lines of a textarea, one paper each, blanks dropped. */
export function paperLines(text: string | undefined | null) {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.normalize('NFC').trim())
    .filter(Boolean)
    .slice(0, 50)
}

/**
 * Messages in the officer's language: `counter.validation.<path>.<rule>` when the counter has
 * its own, otherwise the shared message with the field's label from `counter.fields.<path>`.
 */
export function counterFormMessages(i18n: I18n): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage, rule, field, meta) {
      const path = field.wildCardPath.replace(/\.\*$/, '')
      const own = `counter.validation.${path}.${rule}`
      if (i18n.hasMessage(own)) return i18n.t(own, { ...meta })
      const label = `counter.fields.${path}`
      if (i18n.hasMessage(label) && i18n.hasMessage(`validator.shared.messages.${rule}`)) {
        return i18n.t(`validator.shared.messages.${rule}`, { ...meta, field: i18n.t(label) })
      }
      return shared.getMessage(defaultMessage, rule, field, meta)
    },
  }
}

/** Vine's error list as messages by field path (`_applicant.national_id`). */
export function messagesByField(error: unknown): Record<string, string[]> {
  const messages: Record<string, string[]> = {}
  for (const item of ((error as any)?.messages ?? []) as { field: string; message: string }[]) {
    ;(messages[item.field] ??= []).push(item.message)
  }
  return messages
}
