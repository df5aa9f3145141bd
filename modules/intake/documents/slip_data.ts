/*
 * The values of a slip's placeholders (catalog's SLIP_PLACEHOLDERS) for one dossier, taken from
 * the dossier, its procedure and the trail event the slip records, so that a reprint months
 * later prints the same slip. What the system does not know (the slip's register number, the
 * signatory) stays empty and prints as a dotted line to be filled in by hand.
 *
 * The components are the counter's checklist (those handed in), or the procedure's list when the
 * counter kept none; a supplement request's reason and papers are the counter's record of it.
 * Otherwise the reason is the `comment` of the slip's trail event (refusal, extension, stop), and
 * an extension event may carry, in its `attachments`, the record
 *   { kind: 'extension', previousAppointmentAt, newAppointmentAt, extension }
 * with ISO times and the extension as text ("02 ngày làm việc") for the apology slip (form 04).
 */
import { DateTime } from 'luxon'
import type { SlipData } from '#catalog/index'
import { VIETNAM_ZONE, formatDate, formatTime } from '#services/vietnamese_format'
import type DossierEvent from '#intake/models/dossier_event'
import type { TrailAttachment } from '#intake/models/dossier_event'
import type { DossierFacts } from '#intake/documents/dossier_facts'
import { eventOfSlip, type DossierSlipKind } from '#intake/documents/slip_kinds'
import type { TrackingBookEntry } from '#intake/documents/tracking_book_entries'

export const EXTENSION_RECORD = 'extension'

/** How the result reaches the applicant, by the channel the dossier came in through. */
export const RESULT_DELIVERY: Record<string, string> = {
  counter: 'Nhận trực tiếp',
  online: 'Nhận trực tuyến',
  postal: 'Qua dịch vụ bưu chính công ích',
}

/** "15/04/2026 09:30:00": day first, as the one-stop documents list moments. */
export function dateTimeText(moment: DateTime | null | undefined): string {
  return moment ? `${formatDate(moment)} ${formatTime(moment)}` : ''
}

/** "09 giờ 15 phút, ngày 12/03/2025", as the slips write a moment. */
export function slipMoment(moment: DateTime | null | undefined): string {
  if (!moment) return ''
  const local = moment.setZone(VIETNAM_ZONE)
  return `${local.toFormat('HH')} giờ ${local.toFormat('mm')} phút, ngày ${local.toFormat('dd/MM/yyyy')}`
}

/** "ngày 12 tháng 3 năm 2025", the date line under the national motto. */
export function slipDateLine(moment: DateTime): string {
  const local = moment.setZone(VIETNAM_ZONE)
  return `ngày ${local.toFormat('dd')} tháng ${local.month} năm ${local.year}`
}

/** The place on the date line: settings.place, else the province's name without its prefix. */
export function placeOf(facts: Pick<DossierFacts, 'tenant'>): string {
  const configured = facts.tenant.settings?.place
  if (typeof configured === 'string' && configured.trim()) return configured.trim()
  if (facts.tenant.kind !== 'province') return ''
  return facts.tenant.name.replace(/^(Thành phố|Tỉnh)\s+/u, '')
}

function deadlineText(days: number) {
  const amount = Number.isInteger(days) ? String(days).padStart(2, '0') : String(days).replace('.', ',')
  return `${amount} ngày làm việc`
}

function componentLine(component: { name: string; originalCopies: number; photocopies: number }) {
  const copies = [
    component.originalCopies ? `bản chính: ${String(component.originalCopies).padStart(2, '0')}` : '',
    component.photocopies ? `bản sao: ${String(component.photocopies).padStart(2, '0')}` : '',
  ].filter(Boolean)
  return copies.length ? `${component.name} (${copies.join(', ')})` : component.name
}

function recordsOf(event: DossierEvent | null, kind: string): TrailAttachment[] {
  return (event?.attachments ?? []).filter((item) => item && typeof item === 'object' && item.kind === kind)
}

function isoMoment(value: unknown): DateTime | null {
  if (typeof value !== 'string') return null
  const moment = DateTime.fromISO(value)
  return moment.isValid ? moment : null
}

/** The reason a slip gives: the comment of its event, else the dossier's status detail. */
function reasonOf(facts: DossierFacts, event: DossierEvent | null): string {
  if (event?.comment?.trim()) return event.comment.trim()
  return event && facts.dossier.statusCode === event.toStatus ? facts.dossier.statusDetail : ''
}

/** The counter's record of the supplement request `event` made: the latest one made by then. */
function supplementRequestOf(facts: DossierFacts, event: DossierEvent | null) {
  if (!event) return null
  return facts.supplementRequests.findLast((request) => request.requestedAt <= event.occurredAt) ?? null
}

export interface SlipContext {
  /** Line of the tracking book the dossier was entered on (the receipt prints it). */
  bookEntry?: TrackingBookEntry | null
}

/** Placeholder values of slip `kind` for the dossier of `facts`. */
export function slipDataFor(facts: DossierFacts, kind: DossierSlipKind, context: SlipContext = {}): SlipData {
  const { tenant, dossier, procedure, receivingAgency, events } = facts
  const event = eventOfSlip(kind, events)
  const accepted = eventOfSlip('receipt', events)
  const extension = recordsOf(event, EXTENSION_RECORD)[0] ?? null
  const leadAgency = procedure.agencies[0]?.name ?? receivingAgency.name
  const supplement = kind === 'supplement_request' ? supplementRequestOf(facts, event) : null
  const handedOver = events.filter((item) => item.sequence > (accepted?.sequence ?? Number.MAX_SAFE_INTEGER))

  return {
    co_quan_cap_tren: tenant.name,
    co_quan: receivingAgency.name,
    dia_danh: placeOf(facts),
    ngay_lap: slipDateLine(event?.occurredAt ?? dossier.receivedAt),
    ma_ho_so: dossier.code,
    ten_thu_tuc: procedure.name,
    ma_thu_tuc: procedure.nationalCode,
    linh_vuc: procedure.sector?.name,
    nguoi_nop: dossier.applicantOrganisationName ?? dossier.applicantFullName,
    so_dinh_danh: dossier.applicantNationalId ?? dossier.applicantTaxCode,
    dia_chi: dossier.applicantAddress,
    so_dien_thoai: dossier.applicantPhone,
    thu_dien_tu: dossier.applicantEmail,
    thanh_phan_ho_so: facts.receivedComponents.length
      ? facts.receivedComponents.filter((component) => component.received).map(componentLine)
      : procedure.components.map(componentLine),
    so_luong_ho_so: '01 bộ',
    thoi_gian_giai_quyet: deadlineText(procedure.legalDeadlineDays),
    ngay_nhan: slipMoment(accepted?.occurredAt ?? dossier.receivedAt),
    ngay_hen_tra: slipMoment(
      kind === 'apology' ? isoMoment(extension?.previousAppointmentAt) : dossier.appointmentAt
    ),
    ngay_hen_tra_moi: slipMoment(isoMoment(extension?.newAppointmentAt) ?? (kind === 'apology' ? dossier.appointmentAt : null)),
    thoi_gian_gia_han: typeof extension?.extension === 'string' ? extension.extension : '',
    noi_tra_ket_qua: receivingAgency.name,
    hinh_thuc_nhan_ket_qua: RESULT_DELIVERY[dossier.channel],
    so_theo_doi: context.bookEntry
      ? [context.bookEntry.volume, context.bookEntry.sector ? `sổ lĩnh vực ${context.bookEntry.sector.name}` : null].filter(Boolean).join(' - ')
      : '',
    so_thu_tu: context.bookEntry ? String(context.bookEntry.number) : '',
    ly_do: kind === 'receipt' || kind === 'process_control' ? '' : (supplement?.reason ?? reasonOf(facts, event)),
    noi_dung_bo_sung: supplement?.papers ?? [],
    can_bo_tiep_nhan: (kind === 'receipt' ? accepted : event)?.actorName ?? accepted?.actorName,
    so_dien_thoai_co_quan: tenant.contact?.phone,
    don_vi_giai_quyet: leadAgency,
    bang_kiem_soat: handedOver.map((item) => [
      [facts.stepName(item.stepKey), item.actorName].filter(Boolean).join(': '),
      dateTimeText(item.occurredAt),
      '',
      [item.toStatus ? facts.statusName(item.toStatus) : '', item.comment ?? ''].filter(Boolean).join('. '),
    ]),
  }
}

