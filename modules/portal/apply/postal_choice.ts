/*
 * PT-15: the public postal service. The applicant may send the papers by post, receive the
 * result by post, or both; each comes with a small form (PT-15.2: the sender's name, phone,
 * pick-up address and what is sent; the recipient's name, phone and address). The two forms are
 * e-form definitions, so they are rendered, checked and explained exactly like the procedure's
 * own e-form fields (the same address picker from the shared administrative units).
 */
import type { I18n } from '@adonisjs/i18n'
import { validateEformValues, type EformChoiceLists, type EformField } from '#catalog/index'
import type { PostalContact, PostalService } from '#intake/index'
import type { PostalDraft } from '#portal/apply/application_draft'

export const POSTAL_MODES = ['none', 'submit', 'result', 'both'] as const
export type PostalMode = (typeof POSTAL_MODES)[number]

export function senderNeeded(mode: PostalMode) {
  return mode === 'submit' || mode === 'both'
}

export function recipientNeeded(mode: PostalMode) {
  return mode === 'result' || mode === 'both'
}

export function senderFields(i18n: I18n): EformField[] {
  return [
    { key: 'full_name', kind: 'text', label: i18n.t('apply.postal.sender_name'), required: true, maxLength: 255 },
    { key: 'phone', kind: 'phone', label: i18n.t('apply.postal.sender_phone'), required: true },
    { key: 'address', kind: 'address', label: i18n.t('apply.postal.pickup_address'), help: i18n.t('apply.postal.pickup_help'), required: true },
    {
      key: 'description',
      kind: 'text',
      multiline: true,
      maxLength: 1000,
      label: i18n.t('apply.postal.description'),
      help: i18n.t('apply.postal.description_help'),
      required: true,
    },
  ]
}

export function recipientFields(i18n: I18n): EformField[] {
  return [
    { key: 'full_name', kind: 'text', label: i18n.t('apply.postal.recipient_name'), required: true, maxLength: 255 },
    { key: 'phone', kind: 'phone', label: i18n.t('apply.postal.recipient_phone'), required: true },
    { key: 'address', kind: 'address', label: i18n.t('apply.postal.recipient_address'), required: true },
  ]
}

/** A typed value, or undefined when left empty (as the body parser gives empty inputs: "required"). */
function text(value: unknown, max = 1000) {
  return typeof value === 'string' && value.trim() !== '' ? value.slice(0, max) : undefined
}

function contactInput(raw: unknown): Record<string, any> {
  const contact = raw && typeof raw === 'object' ? (raw as Record<string, any>) : {}
  const address = contact.address && typeof contact.address === 'object' ? contact.address : {}
  return {
    full_name: text(contact.full_name, 255),
    phone: text(contact.phone, 30),
    address: { province: text(address.province, 20), commune: text(address.commune, 20), detail: text(address.detail, 255) },
    description: text(contact.description),
  }
}

/** The postal part of a posted form (`_postal[...]`), as the draft keeps it. */
export function postalFromBody(raw: unknown): PostalDraft {
  const body = raw && typeof raw === 'object' ? (raw as Record<string, any>) : {}
  const mode = (POSTAL_MODES as readonly string[]).includes(body.mode) ? (body.mode as PostalMode) : 'none'
  return {
    mode,
    sender: contactInput(body.sender),
    recipient: contactInput(body.recipient),
    collectFee: body.collect_fee === 'true' || body.collect_fee === true,
  }
}

/** Provinces chosen in the postal forms, for the commune lists. */
export function postalProvinces(postal: PostalDraft | null) {
  return [(postal?.sender as any)?.address?.province, (postal?.recipient as any)?.address?.province]
}

function contactOf(values: Record<string, any>, names: Map<string, string>): PostalContact {
  return {
    fullName: values.full_name,
    phone: values.phone,
    provinceCode: values.address.province,
    provinceName: names.get(values.address.province) ?? values.address.province,
    communeCode: values.address.commune,
    communeName: names.get(values.address.commune) ?? values.address.commune,
    detail: values.address.detail ?? '',
  }
}

/**
 * Checks the postal forms the choice needs. Errors are keyed `_postal.sender.<path>` and
 * `_postal.recipient.<path>`, like the inputs' error paths.
 */
export async function checkPostal(
  postal: PostalDraft | null,
  lists: EformChoiceLists,
  names: Map<string, string>,
  i18n: I18n
): Promise<{ service: PostalService | null; errors: Record<string, string[]> }> {
  const mode = postal?.mode ?? 'none'
  if (mode === 'none') return { service: null, errors: {} }
  const errors: Record<string, string[]> = {}
  const service: PostalService = {
    submitByPost: senderNeeded(mode),
    resultByPost: recipientNeeded(mode),
    collectFeeByPost: !!postal?.collectFee,
  }
  const parts = [
    ['sender', senderNeeded(mode), senderFields(i18n)],
    ['recipient', recipientNeeded(mode), recipientFields(i18n)],
  ] as const
  for (const [part, needed, fields] of parts) {
    if (!needed) continue
    const result = await validateEformValues(fields, postal?.[part], { i18n, lists })
    if (!result.valid) {
      for (const [path, messages] of Object.entries(result.errors)) errors[`_postal.${part}.${path}`] = messages
      continue
    }
    const contact = contactOf(result.values as Record<string, any>, names)
    if (part === 'sender') service.sender = { ...contact, description: String(result.values.description ?? '') }
    else service.recipient = contact
  }
  return { service, errors }
}
