/*
 * PT-15, OS-11: what an officer reads of a dossier's postal choice, one line each: the papers
 * sent by post (from whom, where), the result by post (to whom, where), the fee collected by
 * the postman, and the postage quoted to the applicant.
 */
import { formatDate } from '#services/vietnamese_format'
import { formatMoney } from '#services/money_format'
import type { PostalContact, PostalService } from '#intake/models/dossier'

function contactText(contact: PostalContact) {
  const place = [contact.detail, contact.communeName, contact.provinceName].filter(Boolean).join(', ')
  return [contact.fullName, contact.phone, place].filter(Boolean).join(', ')
}

export function postalServiceLines(postal: PostalService | null): string[] {
  if (!postal) return []
  const lines: string[] = []
  if (postal.submitByPost) {
    const sender = postal.sender
    lines.push(sender ? `Gửi hồ sơ qua bưu chính: ${contactText(sender)}${sender.description ? ` (${sender.description})` : ''}` : 'Gửi hồ sơ qua bưu chính')
  }
  if (postal.resultByPost) {
    lines.push(postal.recipient ? `Nhận kết quả qua bưu chính: ${contactText(postal.recipient)}` : 'Nhận kết quả qua bưu chính')
  }
  if (postal.collectFeeByPost) lines.push('Nhờ bưu chính thu hộ phí, lệ phí')
  if (postal.postage) {
    lines.push(`Cước bưu chính dự kiến: ${formatMoney(postal.postage.total)} (báo cho người nộp ngày ${formatDate(new Date(postal.postage.quotedAt))})`)
  }
  return lines
}
