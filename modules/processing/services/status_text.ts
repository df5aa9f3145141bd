/*
 * The status a dossier shows and its detail, as the ST table (Appendix I) asks: the authority it
 * went to (ST-9), the position, department and handler holding it (ST-10, ST-11, ST-14, ST-15),
 * the reason (ST-4, ST-12, ST-13), "Đang trả kết quả" (ST-19), the date returned (ST-20).
 */
import type { DateTime } from 'luxon'
import { formatDate } from '#services/vietnamese_format'
import { dossierStatusLabels, supplementDetail } from '#intake/index'
import { Agency, Department, User } from '#users/index'
import { officerTitle } from '#processing/services/officers'
import type { RuntimeStep } from '#processing/services/workflow_runtime'

export const SUPPLEMENT_REQUESTED = 'yeu_cau_bo_sung_giay_to'
export const SUPPLEMENTED = 'da_bo_sung_ho_so'
export const NEW_ONLINE = 'moi_dang_ky'
export const PROCESSING = 'dang_xu_ly'
export const REFUSED = 'khong_duoc_tiep_nhan'
export const STOPPED = 'dung_xu_ly'
export const FINANCIAL_OBLIGATION = 'yeu_cau_thuc_hien_nghia_vu_tai_chinh'
export const DONE = 'da_xu_ly_xong'
export const RETURNED = 'da_tra_ket_qua'

/** Statuses whose detail is the reason given (ST-3, ST-4, ST-6, ST-12, ST-13). */
const REASONED = new Set([SUPPLEMENT_REQUESTED, REFUSED, STOPPED])

export async function statusLabel(code: string) {
  return (await dossierStatusLabels()).get(code) ?? code
}

/** Where a step is handled, for the detail: "Phòng Quản lý đô thị, Sở Xây dựng Thành phố Hà Nội". */
export async function placeOf(step: RuntimeStep) {
  if (step.departmentId === null) return ''
  const department = await Department.find(step.departmentId)
  if (!department) return ''
  const agency = await Agency.find(department.agencyId)
  return [department.name, agency?.name].filter(Boolean).join(', ')
}

/**
 * Who holds the step and where, then the step: "Chuyên viên Lê Văn Thụ, Phòng Quản lý đô thị,
 * Sở Xây dựng Thành phố Hà Nội – Thẩm định, thụ lý hồ sơ".
 */
export async function holderDetail(step: RuntimeStep, assignee: User | null) {
  const who = assignee ? officerTitle(assignee) : ''
  const place = await placeOf(step)
  const head = [who, place].filter(Boolean).join(', ')
  return head ? `${head} – ${step.name}` : step.name
}

export interface DetailInput {
  toStatus: string
  toStep: RuntimeStep | null
  assignee: User | null
  reason: string | null
  comment: string | null
  /** The papers a supplement request names (ST-12), shown after the reason as the counter does. */
  papers?: string[]
  at: DateTime
}

/** The detail to store with the status a transition leads to. */
export async function statusDetailFor(input: DetailInput): Promise<string> {
  // The reason as the officer wrote it, as the counter stores it for ST-3 and ST-4.
  if (input.toStatus === SUPPLEMENT_REQUESTED) {
    return supplementDetail({ reason: input.reason ?? input.comment ?? '', papers: input.papers ?? [] })
  }
  if (REASONED.has(input.toStatus)) return input.reason ?? input.comment ?? ''
  if (input.toStatus === DONE) return 'Đang trả kết quả'
  if (input.toStatus === RETURNED) return `Ngày trả kết quả: ${formatDate(input.at)}`
  if (!input.toStep) return ''
  return holderDetail(input.toStep, input.assignee)
}
