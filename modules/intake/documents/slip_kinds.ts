/*
 * OS-12.1: which official slips a dossier has, and their addresses. A slip exists once the event
 * it records is on the trail (the receipt once the dossier was accepted, the refusal once it was
 * refused, …), and stays printable from then on, whatever happened after: reprints give the same
 * slip. The stop notice exists only in sets that define it (Circular 03/2025 form 05).
 */
import type { SlipKind } from '#catalog/index'
import type DossierEvent from '#intake/models/dossier_event'

/** The slips printed for one dossier (the tracking book is printed per period, not per dossier). */
export type DossierSlipKind = Exclude<SlipKind, 'tracking_book'>

/** Trail actions that extend the deadline and so call for the apology slip (OS-8.4). */
export const EXTENSION_ACTIONS: readonly string[] = ['extend']

/** URL segment of each slip, in Vietnamese like the other one-stop addresses. */
export const SLIP_SLUGS: Readonly<Record<DossierSlipKind, string>> = Object.freeze({
  receipt: 'tiep-nhan',
  supplement_request: 'yeu-cau-bo-sung',
  refusal: 'tu-choi',
  apology: 'xin-loi',
  stop_notice: 'dung-xu-ly',
  process_control: 'kiem-soat',
})

export function slipKindOfSlug(slug: string): DossierSlipKind | null {
  const entry = Object.entries(SLIP_SLUGS).find(([, value]) => value === slug)
  return entry ? (entry[0] as DossierSlipKind) : null
}

const INTO_STATUS: Partial<Record<DossierSlipKind, string>> = {
  receipt: 'duoc_tiep_nhan',
  process_control: 'duoc_tiep_nhan',
  supplement_request: 'yeu_cau_bo_sung_giay_to',
  refusal: 'khong_duoc_tiep_nhan',
  stop_notice: 'dung_xu_ly',
}

/**
 * The trail event a slip records: the first acceptance for the receipt and the process control
 * slip, the latest supplement request, refusal, stop or extension for the others.
 */
export function eventOfSlip<Event extends Pick<DossierEvent, 'toStatus' | 'action'>>(
  kind: DossierSlipKind,
  events: readonly Event[]
): Event | null {
  if (kind === 'apology') return events.findLast((event) => EXTENSION_ACTIONS.includes(event.action)) ?? null
  const status = INTO_STATUS[kind]!
  return kind === 'receipt' || kind === 'process_control'
    ? (events.find((event) => event.toStatus === status) ?? null)
    : (events.findLast((event) => event.toStatus === status) ?? null)
}

/** In the order of the circulars' forms. */
export const DOSSIER_SLIP_KINDS: readonly DossierSlipKind[] = [
  'receipt',
  'supplement_request',
  'refusal',
  'apology',
  'stop_notice',
  'process_control',
]
