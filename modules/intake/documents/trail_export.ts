/*
 * OS-18.2: a dossier's trail as a document (.docx, .xlsx, .odt, .pdf): every event with its
 * time, actor, step, statuses before and after (the tenant's Vietnamese names), comment and
 * attachments, and the result of checking the hash chain at the moment of export, so a printed
 * trail says whether it can be trusted.
 */
import { DateTime } from 'luxon'
import type { TabularDocument } from '#documents/tabular_document'
import { verifyTrail, type TrailCheck } from '#intake/services/trail'
import { trailActionLabel } from '#intake/services/trail_action_labels'
import type { TrailAttachment } from '#intake/models/dossier_event'
import { loadDossierFacts, type DossierFacts } from '#intake/documents/dossier_facts'
import { dateTimeText } from '#intake/documents/slip_data'


const BREAK_REASONS: Record<string, string> = {
  sequence: 'thiếu sự kiện trước đó',
  previous_hash: 'không nối với sự kiện trước đó',
  hash: 'nội dung đã bị sửa sau khi ghi',
  head: 'đầu chuỗi ghi trên hồ sơ không khớp với nhật ký',
}

function attachmentNames(attachments: TrailAttachment[]): string {
  return (attachments ?? [])
    .map((item) => item?.name ?? item?.fileName ?? item?.kind)
    .filter((name): name is string => typeof name === 'string' && name.length > 0)
    .join('\n')
}

/** One sentence on the chain: intact, or where it breaks. */
export function chainVerdict(check: TrailCheck): string {
  if (!check.broken) {
    return `Kiểm tra chuỗi băm: toàn vẹn (${check.events} sự kiện, không phát hiện sửa đổi).`
  }
  const where = check.broken.eventId ? `sự kiện số ${check.broken.sequence}` : 'đầu chuỗi'
  return `Kiểm tra chuỗi băm: KHÔNG toàn vẹn tại ${where}: ${BREAK_REASONS[check.broken.reason] ?? check.broken.reason}.`
}

export function trailDocument(facts: DossierFacts, check: TrailCheck, exportedAt: DateTime): TabularDocument {
  const { dossier, procedure } = facts
  return {
    title: 'NHẬT KÝ XỬ LÝ HỒ SƠ',
    sheetName: 'Nhật ký xử lý',
    landscape: true,
    details: [
      { label: 'Mã hồ sơ', value: dossier.code },
      { label: 'Thủ tục hành chính', value: procedure.name },
      { label: 'Người nộp hồ sơ', value: dossier.applicantOrganisationName ?? dossier.applicantFullName },
      { label: 'Trạng thái hiện tại', value: facts.statusName(dossier.statusCode) },
      { label: 'Thời điểm xuất', value: dateTimeText(exportedAt) },
    ],
    columns: [
      { heading: 'STT', width: 4 },
      { heading: 'Thời gian', width: 11 },
      { heading: 'Người thực hiện', width: 12 },
      { heading: 'Bước xử lý', width: 12 },
      { heading: 'Thao tác', width: 12 },
      { heading: 'Từ trạng thái', width: 11 },
      { heading: 'Đến trạng thái', width: 11 },
      { heading: 'Nội dung', width: 17 },
      { heading: 'Tệp đính kèm', width: 10 },
    ],
    rows: facts.events.map((event) => [
      String(event.sequence),
      dateTimeText(event.occurredAt),
      event.actorName ?? 'Hệ thống',
      facts.stepName(event.stepKey),
      trailActionLabel(event.action),
      facts.statusName(event.fromStatus),
      facts.statusName(event.toStatus),
      event.comment ?? '',
      attachmentNames(event.attachments),
    ]),
    notes: [chainVerdict(check)],
  }
}

/** The trail of a dossier of the current tenant, checked now. */
export async function dossierTrailDocument(dossierId: number, exportedAt = DateTime.now()): Promise<TabularDocument> {
  const facts = await loadDossierFacts(dossierId)
  return trailDocument(facts, await verifyTrail(dossierId), exportedAt)
}

export function trailFileName(code: string, extension: string) {
  return `nhat-ky-${code}.${extension}`
}
