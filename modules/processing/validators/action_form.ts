/*
 * The forms of the dossier page: an action (a workflow transition) and an assignment. What the
 * engine checks itself (a reason the transition needs, its files, who may hold the next step)
 * is not repeated here; this only makes sure the numbers are numbers and the texts not too long.
 */
import vine from '@vinejs/vine'
import { paperLines } from '#intake/index'
import type { I18n } from '@adonisjs/i18n'
import type { MessagesProviderContact } from '@vinejs/vine/types'

const text = () => vine.string().trim().maxLength(2000).optional()
const id = () => vine.number().withoutDecimals().positive()

export const actionValidator = vine.create(
  vine.object({
    transition_id: id(),
    lock_version: vine.number().withoutDecimals().min(1),
    reason: text(),
    comment: text(),
    assignee_id: id().optional(),
    other_papers: text(),
    return_to: vine.string().trim().maxLength(200).optional(),
  })
)

export const assignmentValidator = vine.create(
  vine.object({
    lock_version: vine.number().withoutDecimals().min(1),
    assignee_id: id(),
    comment: text(),
    return_to: vine.string().trim().maxLength(200).optional(),
  })
)

/**
 * The papers a supplement request names: the ticked components (`papers[]`, one value or many)
 * and the lines written under them. The engine drops blanks and repeats and asks for at least one.
 */
export function requestedPapers(ticked: unknown, written: string | undefined) {
  const picked = [ticked ?? []].flat().filter((paper): paper is string => typeof paper === 'string')
  return [...picked.map((paper) => paper.slice(0, 500)), ...paperLines(written)]
}

/** `processing.validation.<field>.<rule>`, else the shared message. */
export function actionFormMessages(i18n: I18n): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage, rule, field, meta) {
      const own = `processing.validation.${field.wildCardPath}.${rule}`
      if (i18n.hasMessage(own)) return i18n.t(own, { ...meta })
      return shared.getMessage(defaultMessage, rule, field, meta)
    },
  }
}

/** The first message of each field of a vine error. */
export function firstMessages(error: unknown): Record<string, string> {
  const messages: Record<string, string> = {}
  for (const item of ((error as any)?.messages ?? []) as { field: string; message: string }[]) {
    messages[item.field] ??= item.message
  }
  return messages
}

/** A page of the one-stop system to go back to, or null (never another site). */
export function returnPath(value: string | undefined | null) {
  return value && /^\/mot-cua\/[a-z0-9\-/?=&]*$/i.test(value) && !value.startsWith('//') ? value : null
}
