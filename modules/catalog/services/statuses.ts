/*
 * OS-4.1: the processing statuses of Appendix I (the ST table of REQUIREMENTS.md), with stable
 * codes and the exact Vietnamese labels, present for every tenant; a tenant may add its own
 * statuses, and edit or delete those, but never rename or delete a legal one (the table's
 * trigger refuses it as well). National codes: the TrangThaiHoSo values of the national portal
 * as provincial systems implement them (REGULATORY-NOTES.md, unverified, hence kept as data).
 */
import { Exception } from '@adonisjs/core/exceptions'
import Status from '#catalog/models/status'

export interface LegalStatus {
  code: string
  label: string
  nationalCode: string | null
  /** The ST rows that show this status. */
  steps: string[]
  description: string
}

/** The distinct statuses of the ST table, in the order a dossier meets them. */
export const LEGAL_STATUSES: readonly LegalStatus[] = Object.freeze([
  {
    code: 'moi_dang_ky',
    label: 'Mới đăng ký',
    nationalCode: '1',
    steps: ['ST-2'],
    description: 'Hồ sơ nộp trực tuyến trên Cổng Dịch vụ công, chưa được tiếp nhận.',
  },
  {
    code: 'yeu_cau_bo_sung_giay_to',
    label: 'Yêu cầu bổ sung giấy tờ',
    nationalCode: '5',
    steps: ['ST-3', 'ST-6', 'ST-12'],
    description: 'Hồ sơ chưa đầy đủ, chưa chính xác; kèm lý do và nội dung cần bổ sung.',
  },
  {
    code: 'khong_duoc_tiep_nhan',
    label: 'Không được tiếp nhận',
    nationalCode: '3',
    steps: ['ST-4', 'ST-6'],
    description: 'Hồ sơ bị từ chối tiếp nhận; kèm lý do từ chối.',
  },
  {
    code: 'duoc_tiep_nhan',
    label: 'Được tiếp nhận',
    nationalCode: '2',
    steps: ['ST-5', 'ST-7'],
    description: 'Hồ sơ đã được tiếp nhận và chuyển xử lý.',
  },
  {
    code: 'da_bo_sung_ho_so',
    label: 'Đã bổ sung hồ sơ',
    nationalCode: null,
    steps: ['ST-8', 'ST-17'],
    description: 'Người nộp đã bổ sung giấy tờ theo yêu cầu.',
  },
  {
    code: 'dang_xu_ly',
    label: 'Đang xử lý',
    nationalCode: '4',
    steps: ['ST-9', 'ST-10', 'ST-11', 'ST-14', 'ST-15', 'ST-16'],
    description: 'Hồ sơ đang được cơ quan có thẩm quyền giải quyết; kèm vị trí, phòng ban, người đang xử lý.',
  },
  {
    code: 'dung_xu_ly',
    label: 'Dừng xử lý',
    nationalCode: '8',
    steps: ['ST-13'],
    description: 'Sau thẩm định, hồ sơ không đủ điều kiện giải quyết; kèm lý do.',
  },
  {
    code: 'yeu_cau_thuc_hien_nghia_vu_tai_chinh',
    label: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    nationalCode: '6',
    steps: ['ST-18'],
    description: 'Người nộp cần nộp phí, lệ phí, thuế.',
  },
  {
    code: 'da_xu_ly_xong',
    label: 'Đã xử lý xong',
    nationalCode: '9',
    steps: ['ST-19'],
    description: 'Đã có kết quả, chuyển về bộ phận một cửa để trả (Đang trả kết quả).',
  },
  {
    code: 'da_tra_ket_qua',
    label: 'Đã trả kết quả',
    nationalCode: '10',
    steps: ['ST-20'],
    description: 'Kết quả đã được trao cho người nộp; kèm ngày trả.',
  },
])

/** Raised when someone tries to rename or delete a legal status. */
export class LegalStatusProtectedException extends Exception {
  static status = 403
  static code = 'E_LEGAL_STATUS_PROTECTED'

  constructor(public protectedCode: string) {
    super(`The legal status ${protectedCode} cannot be changed or deleted`)
  }
}

/**
 * Inserts the legal statuses the current tenant lacks (by code); touches nothing else, so it
 * can run at every tenant creation, every demo seed and every deploy. Returns how many it added.
 */
export async function ensureLegalStatuses(): Promise<number> {
  const present = new Set((await Status.query().select('code')).map((status) => status.code))
  let added = 0
  for (const [index, legal] of LEGAL_STATUSES.entries()) {
    if (present.has(legal.code)) continue
    await Status.create({
      code: legal.code,
      label: legal.label,
      nationalCode: legal.nationalCode,
      isLegal: true,
      position: index + 1,
      description: legal.description,
    })
    added++
  }
  return added
}

export function listStatuses() {
  return Status.query().orderBy('position').orderBy('id')
}

/** The status with this id in the current tenant, or a 404. */
export function findStatus(id: number) {
  return Status.findOrFail(id)
}

export interface StatusDetails {
  code?: string
  label: string
  national_code?: string | null
  description?: string | null
}

export async function createStatus(details: StatusDetails & { code: string }) {
  const last = await Status.query().orderBy('position', 'desc').first()
  return Status.create({
    code: details.code,
    label: details.label,
    nationalCode: details.national_code ?? null,
    description: details.description ?? '',
    isLegal: false,
    position: (last?.position ?? 0) + 1,
  })
}

function refuseIfLegal(status: Status) {
  if (status.isLegal) throw new LegalStatusProtectedException(status.code)
}

/** A tenant status's label, national code or description; its code stays (it is stable). */
export async function updateStatus(status: Status, details: StatusDetails) {
  refuseIfLegal(status)
  status.merge({
    label: details.label,
    nationalCode: details.national_code ?? null,
    description: details.description ?? '',
  })
  await status.save()
  return status
}

export async function deleteStatus(status: Status) {
  refuseIfLegal(status)
  await status.delete()
}
