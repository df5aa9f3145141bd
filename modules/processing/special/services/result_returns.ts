/*
 * The return of results at the counter (OS-10, OS-11, ST-19, ST-20). A dossier "Đã xử lý xong"
 * (detail "Đang trả kết quả") waits at the workflow's return step; the receptionist records:
 *
 * - the hand-over in person: who collected it (the applicant, a proxy or an authorised person,
 *   with their name and ID number) and the fee receipt (OS-10.4, OS-10.5);
 * - or the dispatch by public postal service to the recipient of the postal form (OS-10.7,
 *   OS-11.2), prefilled from the applicant's choice of result by post;
 * - or, for level-4 services, the delivery of the electronic result into the applicant's account
 *   (the result document becomes a dossier file of kind 'result', which the applicant sees in
 *   "Hồ sơ của tôi");
 * - or that the result is ready but not handed over because the originals to check against are
 *   missing (OS-10.6): the dossier stays at the counter and the applicant is told what to bring.
 *
 * Handing over is the workflow's own action to "Đã trả kết quả" (its detail is the date); the
 * record of who, how and the receipt is written with it, and the applicant is emailed (OS-10.2).
 */
import { Procedure } from '#catalog/index'
import { appendEvent, attachFilesToDossier, type Dossier, type PostalContact } from '#intake/index'
import { normalisePhone } from '#users/index'
import { formatDate } from '#services/vietnamese_format'
import { formatMoney, parseMoney } from '#services/money_format'
import { performAction } from '#processing/services/engine'
import { ActionInvalidError, ActionRefusedError } from '#processing/services/errors'
import { DONE, RETURNED } from '#processing/services/status_text'
import ResultReturn, { COLLECTOR_KINDS, RETURN_METHODS, type CollectorKind, type ReturnMethod } from '#processing/special/models/result_return'
import { mailApplicant } from '#processing/special/services/applicant_mail'
import { currentResultOf } from '#processing/special/services/result_documents'
import {
  claimDossier,
  clean,
  openDossier,
  requireHolder,
  requireStatus,
  requireStepKind,
  type SpecialActionInput,
  type SpecialActionOptions,
} from '#processing/special/services/dossier_action'

export const COLLECTOR_LABELS: Record<CollectorKind, string> = {
  applicant: 'Người nộp hồ sơ',
  proxy: 'Người nhận thay',
  authorised: 'Người được ủy quyền',
}

export const METHOD_LABELS: Record<ReturnMethod, string> = {
  in_person: 'Trực tiếp tại Bộ phận một cửa',
  post: 'Qua dịch vụ bưu chính công ích',
  electronic: 'Bản điện tử vào tài khoản của người nộp',
}

/** Whether the dossier's result may be delivered electronically: a level-4 service filed from an account. */
export async function deliversElectronically(dossier: Dossier) {
  if (!dossier.applicantId) return false
  const procedure = await Procedure.find(dossier.procedureId)
  return procedure?.onlineLevel === 4
}

/** How the applicant asked to receive the result: by post when they chose it (PT-15), else at the counter. */
export function preferredMethod(dossier: Dossier): ReturnMethod {
  return dossier.postalService?.resultByPost ? 'post' : 'in_person'
}

export interface ReturnInput extends SpecialActionInput {
  method: string
  collectorKind?: string | null
  collectorName?: string | null
  collectorIdNumber?: string | null
  recipientName?: string | null
  recipientPhone?: string | null
  recipientProvince?: string | null
  recipientCommune?: string | null
  recipientDetail?: string | null
  trackingNumber?: string | null
  feeReceiptNumber?: string | null
  feeAmount?: string | number | null
  note?: string | null
}

async function openAtReturn(input: SpecialActionInput, options: SpecialActionOptions) {
  const opened = await openDossier(input, options)
  requireStepKind(opened.context, ['return'], 'Hồ sơ chưa về Bộ phận một cửa để trả kết quả.')
  requireHolder(input.actor, opened.context)
  requireStatus(opened.dossier, [DONE], 'Hồ sơ chưa ở trạng thái Đã xử lý xong.')
  return opened
}

/** The recipient the postal form says, kept with its administrative unit codes when the names were not changed. */
function recipientOf(input: ReturnInput, chosen: PostalContact | undefined, errors: Record<string, string>): PostalContact | null {
  const fullName = clean(input.recipientName)
  const phone = clean(input.recipientPhone)
  const provinceName = clean(input.recipientProvince)
  const communeName = clean(input.recipientCommune)
  const detail = clean(input.recipientDetail)
  if (!fullName) errors.recipient_name = 'Hãy nhập họ tên người nhận.'
  if (!phone || !/^0\d{9}$/.test(normalisePhone(phone))) errors.recipient_phone = 'Hãy nhập số điện thoại 10 chữ số, ví dụ 0912345678.'
  if (!provinceName) errors.recipient_province = 'Hãy nhập tỉnh, thành phố.'
  if (!communeName) errors.recipient_commune = 'Hãy nhập xã, phường.'
  if (!detail) errors.recipient_detail = 'Hãy nhập số nhà, đường, thôn, xóm.'
  if (!fullName || !phone || !provinceName || !communeName || !detail) return null
  return {
    fullName,
    phone: normalisePhone(phone),
    provinceCode: chosen?.provinceName === provinceName ? chosen.provinceCode : '',
    provinceName,
    communeCode: chosen?.communeName === communeName ? chosen.communeCode : '',
    communeName,
    detail,
  }
}

/** What the trail says of the hand-over. */
function returnComment(record: Pick<ResultReturn, 'method' | 'collectorKind' | 'collectorName' | 'collectorIdNumber' | 'recipient' | 'postalTrackingNumber' | 'feeReceiptNumber' | 'feeAmount'>) {
  const lines = [`Hình thức: ${METHOD_LABELS[record.method!]}.`]
  if (record.method === 'in_person') {
    lines.push(`Người nhận: ${record.collectorName} (${COLLECTOR_LABELS[record.collectorKind!].toLowerCase()}), số giấy tờ tùy thân ${record.collectorIdNumber}.`)
  }
  if (record.method === 'post' && record.recipient) {
    const address = [record.recipient.detail, record.recipient.communeName, record.recipient.provinceName].join(', ')
    lines.push(`Gửi tới: ${record.recipient.fullName}, ${record.recipient.phone}, ${address}.`)
    if (record.postalTrackingNumber) lines.push(`Mã bưu gửi: ${record.postalTrackingNumber}.`)
  }
  if (record.feeReceiptNumber) lines.push(`Biên lai phí, lệ phí số ${record.feeReceiptNumber}${record.feeAmount ? `: ${formatMoney(record.feeAmount)}` : ''}.`)
  return lines.join('\n')
}

/** The counter records the return; the dossier becomes "Đã trả kết quả" (ST-20). */
export async function returnResult(input: ReturnInput, options: SpecialActionOptions = {}) {
  const opened = await openAtReturn(input, options)
  const { dossier, context, at } = opened
  const transition = context.runtime!.transitionsFrom(context.step!.key).find((candidate) => candidate.statusCode === RETURNED)
  if (!transition) throw new ActionRefusedError('not_offered', 'Quy trình không có thao tác trả kết quả ở bước này.')

  const errors: Record<string, string> = {}
  const method = (RETURN_METHODS as readonly string[]).includes(input.method) ? (input.method as ReturnMethod) : null
  if (!method) errors.method = 'Hãy chọn hình thức trả kết quả.'
  const record: Partial<ResultReturn> = { method }
  const document = await currentResultOf(dossier.id)
  if (method === 'in_person') {
    const kind = (COLLECTOR_KINDS as readonly string[]).includes(input.collectorKind ?? '') ? (input.collectorKind as CollectorKind) : null
    if (!kind) errors.collector_kind = 'Hãy chọn người nhận kết quả.'
    const name = clean(input.collectorName) ?? (kind === 'applicant' ? dossier.applicantFullName : null)
    const idNumber = clean(input.collectorIdNumber)?.replace(/\s/g, '') ?? (kind === 'applicant' ? dossier.applicantNationalId : null)
    if (!name) errors.collector_name = 'Hãy nhập họ tên người nhận.'
    if (!idNumber || !/^(\d{9}|\d{12})$/.test(idNumber)) errors.collector_id_number = 'Hãy nhập số CCCD (12 chữ số) hoặc CMND (9 chữ số) của người nhận.'
    if (kind && kind !== 'applicant' && !clean(input.note)) errors.note = 'Hãy ghi giấy tờ ủy quyền hoặc quan hệ với người nộp hồ sơ.'
    Object.assign(record, { collectorKind: kind, collectorName: name, collectorIdNumber: idNumber })
  } else if (method === 'post') {
    const recipient = recipientOf(input, dossier.postalService?.recipient, errors)
    const tracking = clean(input.trackingNumber)
    if (tracking && tracking.length > 40) errors.tracking_number = 'Mã bưu gửi dài quá 40 ký tự.'
    Object.assign(record, { recipient, postalTrackingNumber: tracking })
  } else if (method === 'electronic') {
    if (!(await deliversElectronically(dossier))) {
      errors.method = 'Chỉ trả kết quả điện tử cho dịch vụ công mức độ 4 nộp từ tài khoản trên Cổng.'
    } else if (!document) {
      errors.method = 'Hồ sơ chưa có kết quả giải quyết điện tử để trả.'
    }
  }
  const receipt = clean(input.feeReceiptNumber)
  const typedAmount = clean(typeof input.feeAmount === 'number' ? String(input.feeAmount) : input.feeAmount)
  const amount = typedAmount ? parseMoney(typedAmount) : null
  if (typedAmount && (amount === null || amount <= 0)) errors.fee_amount = 'Hãy nhập số tiền bằng số, ví dụ 50.000.'
  if (amount && !receipt) errors.fee_receipt_number = 'Hãy nhập số biên lai của khoản phí đã thu.'
  if (receipt && receipt.length > 60) errors.fee_receipt_number = 'Số biên lai dài quá 60 ký tự.'
  if (Object.keys(errors).length) throw new ActionInvalidError(errors)
  Object.assign(record, { feeReceiptNumber: receipt, feeAmount: amount })

  const comment = [returnComment(record as ResultReturn), clean(input.note)].filter(Boolean).join('\n')
  const result = await performAction(
    { dossier, transitionId: transition.id, expectedLockVersion: Number(input.expectedLockVersion), actor: input.actor, comment },
    { clock: options.clock, calendar: options.calendar, portalUrl: options.portalUrl }
  )
  const saved = await ResultReturn.create({
    ...record,
    dossierId: dossier.id,
    outcome: 'returned',
    note: clean(input.note),
    recordedBy: input.actor.id,
    recordedAt: at,
  })
  if (method === 'electronic' && document) {
    await attachFilesToDossier(dossier, [{ fileId: document.storedFileId, kind: 'result', label: document.title }], input.actor.id)
    document.deliveredAt = at
    await document.save()
  }
  const how = method === 'electronic'
    ? 'Kết quả điện tử đã được chuyển vào tài khoản của ông/bà trên Cổng Dịch vụ công, mục Hồ sơ của tôi.'
    : method === 'post'
      ? `Kết quả đã được gửi qua dịch vụ bưu chính công ích tới ${saved.recipient!.fullName}${saved.postalTrackingNumber ? ` (mã bưu gửi ${saved.postalTrackingNumber})` : ''}.`
      : `Kết quả đã được trao cho ${saved.collectorName}.`
  await mailApplicant(result.dossier, 'returned', { how, returned_on: formatDate(at) }, options.portalUrl)
  return { dossier: result.dossier, record: saved }
}

/** OS-10.6: the result is ready but not handed over, the originals to check against are missing. */
export async function recordNotReturned(input: SpecialActionInput & { note: string }, options: SpecialActionOptions = {}) {
  const opened = await openAtReturn(input, options)
  const { dossier, context, at } = opened
  const note = clean(input.note)
  if (!note) throw new ActionInvalidError({ missing_note: 'Hãy ghi những bản chính người nộp cần mang tới để đối chiếu.' })
  if (note.length > 2000) throw new ActionInvalidError({ missing_note: 'Nội dung dài quá 2.000 ký tự.' })
  await claimDossier(opened, input.expectedLockVersion, { statusDetail: `Đang trả kết quả – Chưa trả được: ${note}` })
  const record = await ResultReturn.create({ dossierId: dossier.id, outcome: 'not_returned', note, recordedBy: input.actor.id, recordedAt: at })
  await appendEvent(dossier, {
    action: 'result_not_returned',
    actor: { id: input.actor.id, fullName: input.actor.fullName },
    stepKey: context.step!.key,
    fromStatus: dossier.statusCode,
    toStatus: dossier.statusCode,
    comment: `Có kết quả nhưng chưa trả được: ${note}`,
    public: true,
    occurredAt: at,
  })
  await mailApplicant(dossier, 'not_returned', { missing: note }, options.portalUrl)
  return { dossier, record }
}

/** The dossier's return records, newest first. */
export function returnsOf(dossierId: number) {
  return ResultReturn.query().where('dossier_id', dossierId).orderBy('recorded_at', 'desc').orderBy('id', 'desc')
}

