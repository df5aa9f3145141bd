/*
 * OS-2.5: the default texts of the official slips, in both sets (REGULATORY-NOTES.md, "Official
 * slips"): the six forms of Circular 01/2018/TT-VPCP and the seven of Circular 03/2025/TT-VPCP,
 * which replaced it (form 04 becomes a letter of apology asking to extend the processing time,
 * and form 05, the notice of stopping a dossier, is new). Each follows the content of the
 * official layout as far as the notes describe it: agency and national motto header, title,
 * numbered lines, signature block. The texts are written in the restricted language of
 * slip_rendering.ts; a tenant edits its own copy, and a reset brings back the text here.
 *
 * Stable kind keys are the same in both sets for the same slip (`apology` is form 04 in both),
 * so the one-stop system prints "the receipt" or "the apology" whatever set the tenant uses.
 */
import type { SlipKind, SlipSet } from '#catalog/models/slip_template'

export interface SlipDefault {
  set: SlipSet
  kind: SlipKind
  /** Number of the form in its circular, e.g. '01'. */
  formNumber: string
  title: string
  body: string
  /** Printed on A4 landscape. */
  landscape: boolean
}

/** Agency on the left, the national motto on the right (Decree 30/2020/NĐ-CP layout). */
const HEADER = `{{co_quan_cap_tren}} || **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
**{{co_quan}}** || **Độc lập - Tự do - Hạnh phúc**`

const HEADER_WITH_NUMBER = `${HEADER}
Số: {{so_phieu}} || *{{dia_danh}}, {{ngay_lap}}*`

const HEADER_WITH_DATE = `${HEADER}
|| *{{dia_danh}}, {{ngay_lap}}*`

const RECEIPT_2018 = `${HEADER_WITH_DATE}

# GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ
## Mã hồ sơ: **{{ma_ho_so}}**
## *(Liên: Lưu/Giao người nộp hồ sơ)*

{{co_quan}} tiếp nhận hồ sơ của: **{{nguoi_nop}}**
Địa chỉ: {{dia_chi}}
Số điện thoại: {{so_dien_thoai}}; Thư điện tử: {{thu_dien_tu}}
Nội dung yêu cầu giải quyết: {{ten_thu_tuc}}. {{noi_dung_yeu_cau}}
1. Thành phần hồ sơ nộp gồm:
{{thanh_phan_ho_so}}
2. Số lượng hồ sơ: {{so_luong_ho_so}}
3. Thời gian giải quyết hồ sơ theo quy định là: {{thoi_gian_giai_quyet}}
4. Thời gian nhận hồ sơ: {{ngay_nhan}}
5. Thời gian trả kết quả giải quyết hồ sơ: {{ngay_hen_tra}}
6. Đăng ký nhận kết quả tại: {{noi_tra_ket_qua}}
Vào Sổ theo dõi hồ sơ, Quyển số: {{so_theo_doi}}, Số thứ tự: {{so_thu_tu}}

**NGƯỜI NỘP HỒ SƠ** || **NGƯỜI TIẾP NHẬN HỒ SƠ**
*(Ký và ghi rõ họ tên)* || *(Ký và ghi rõ họ tên)*
||
||
{{nguoi_nop}} || {{can_bo_tiep_nhan}}`

const RECEIPT_2025 = `${HEADER_WITH_DATE}

# GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ
## Mã hồ sơ: **{{ma_ho_so}}**
## *(Liên: Lưu/Giao người nộp hồ sơ)*

{{co_quan}} tiếp nhận hồ sơ của: **{{nguoi_nop}}**
Số định danh cá nhân/Mã số doanh nghiệp, tổ chức: {{so_dinh_danh}}
Địa chỉ: {{dia_chi}}
Số điện thoại: {{so_dien_thoai}}; Thư điện tử: {{thu_dien_tu}}
Người được ủy quyền (nếu có): {{nguoi_duoc_uy_quyen}}
Nội dung yêu cầu giải quyết: {{ten_thu_tuc}}. {{noi_dung_yeu_cau}}
1. Thành phần hồ sơ và số lượng mỗi loại giấy tờ:
{{thanh_phan_ho_so}}
2. Số lượng hồ sơ: {{so_luong_ho_so}}
3. Thời gian giải quyết hồ sơ theo quy định là: {{thoi_gian_giai_quyet}}
4. Thời gian nhận hồ sơ: {{ngay_nhan}}
5. Thời gian trả kết quả giải quyết hồ sơ: {{ngay_hen_tra}}
6. Hình thức và địa điểm nhận kết quả: {{hinh_thuc_nhan_ket_qua}}, tại {{noi_tra_ket_qua}}
7. Vào Sổ theo dõi hồ sơ, Quyển số: {{so_theo_doi}}, Số thứ tự: {{so_thu_tu}}

**NGƯỜI NỘP HỒ SƠ** || **NGƯỜI TIẾP NHẬN HỒ SƠ**
*(Ký và ghi rõ họ tên)* || *(Ký và ghi rõ họ tên hoặc ký số)*
||
||
{{nguoi_nop}} || {{can_bo_tiep_nhan}}`

const SUPPLEMENT_REQUEST = (withIdentifier: boolean) => `${HEADER_WITH_DATE}

# PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ
## Mã hồ sơ: **{{ma_ho_so}}**

Hồ sơ của: **{{nguoi_nop}}**
${withIdentifier ? 'Số định danh cá nhân/Mã số doanh nghiệp, tổ chức: {{so_dinh_danh}}\n' : ''}Nội dung yêu cầu giải quyết: {{ten_thu_tuc}}. {{noi_dung_yeu_cau}}
Địa chỉ: {{dia_chi}}
Số điện thoại: {{so_dien_thoai}}; Thư điện tử: {{thu_dien_tu}}
Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:
{{noi_dung_bo_sung}}
Lý do: {{ly_do}}
Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với {{can_bo_tiep_nhan}}, số điện thoại {{so_dien_thoai_co_quan}} để được hướng dẫn.
Xin trân trọng cảm ơn!

|| **NGƯỜI HƯỚNG DẪN**
|| *(Ký và ghi rõ họ tên)*
||
||
|| {{can_bo_tiep_nhan}}`

const REFUSAL = (withIdentifier: boolean) => `${HEADER_WITH_DATE}

# PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ

{{co_quan}} tiếp nhận hồ sơ của: **{{nguoi_nop}}**
${withIdentifier ? 'Số định danh cá nhân/Mã số doanh nghiệp, tổ chức: {{so_dinh_danh}}\n' : ''}Địa chỉ: {{dia_chi}}
Số điện thoại: {{so_dien_thoai}}; Thư điện tử: {{thu_dien_tu}}
Nội dung yêu cầu giải quyết: {{ten_thu_tuc}}. {{noi_dung_yeu_cau}}
Qua nghiên cứu, đối chiếu với các quy định hiện hành, cơ quan, đơn vị từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:
{{ly_do}}
Xin thông báo để ông/bà được biết và thực hiện./.

|| **NGƯỜI TIẾP NHẬN HỒ SƠ**
|| *(Ký và ghi rõ họ tên)*
||
||
|| {{can_bo_tiep_nhan}}`

const SIGNATURE_OF_HEAD = `<< **Nơi nhận:** || **{{chuc_vu_nguoi_ky}}**
<< - Như trên; || *(Ký, ghi rõ họ tên và đóng dấu)*
<< - Lưu: VT, {{don_vi_giai_quyet}}. ||
||
|| **{{nguoi_ky}}**`

const APOLOGY_2018 = `${HEADER_WITH_NUMBER}

# PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ

## Kính gửi: {{nguoi_nop}}

Ngày {{ngay_nhan}}, {{co_quan}} tiếp nhận giải quyết hồ sơ đề nghị {{ten_thu_tuc}} của ông/bà; mã hồ sơ: **{{ma_ho_so}}**.
Thời hạn trả kết quả giải quyết hồ sơ theo quy định: {{ngay_hen_tra}}.
Tuy nhiên đến nay, {{don_vi_giai_quyet}} chưa trả kết quả giải quyết hồ sơ của ông/bà.
Lý do: {{ly_do}}
Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của ông/bà. {{co_quan}} xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ cho ông/bà vào {{ngay_hen_tra_moi}}.
Xin trân trọng cảm ơn./.

${SIGNATURE_OF_HEAD}`

const APOLOGY_2025 = `${HEADER_WITH_NUMBER}

# VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT

## Kính gửi: {{nguoi_nop}}

Ngày {{ngay_nhan}}, {{co_quan}} tiếp nhận hồ sơ đề nghị {{ten_thu_tuc}} của ông/bà; mã hồ sơ: **{{ma_ho_so}}**.
Thời hạn trả kết quả giải quyết hồ sơ theo quy định: {{ngay_hen_tra}}.
Đến nay, {{don_vi_giai_quyet}} chưa hoàn thành việc giải quyết hồ sơ của ông/bà.
Lý do: {{ly_do}}
{{co_quan}} xin lỗi ông/bà về sự chậm trễ này và đề nghị ông/bà đồng ý gia hạn thời gian giải quyết hồ sơ thêm {{thoi_gian_gia_han}}; kết quả giải quyết hồ sơ sẽ được trả cho ông/bà vào {{ngay_hen_tra_moi}}.
Xin trân trọng cảm ơn./.

${SIGNATURE_OF_HEAD}`

const STOP_NOTICE_2025 = `${HEADER_WITH_NUMBER}

# THÔNG BÁO
## **Về việc dừng giải quyết hồ sơ**

## Kính gửi: {{nguoi_nop}}

Ngày {{ngay_nhan}}, {{co_quan}} đã tiếp nhận hồ sơ đề nghị {{ten_thu_tuc}} của ông/bà; mã hồ sơ: **{{ma_ho_so}}**.
Qua xem xét, thẩm định, hồ sơ của ông/bà không đủ điều kiện để tiếp tục giải quyết.
Lý do: {{ly_do}}
{{co_quan}} thông báo dừng giải quyết hồ sơ nêu trên và trả lại hồ sơ cho ông/bà tại {{noi_tra_ket_qua}}.
Nếu có vướng mắc, đề nghị ông/bà liên hệ {{don_vi_giai_quyet}} để được hướng dẫn./.

${SIGNATURE_OF_HEAD}`

const PROCESS_CONTROL = `${HEADER_WITH_DATE}

# PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ
## Mã hồ sơ: **{{ma_ho_so}}**
## *(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)*

Cơ quan (bộ phận) giải quyết hồ sơ: {{don_vi_giai_quyet}}
Cơ quan phối hợp giải quyết hồ sơ: {{co_quan_phoi_hop}}
Thời gian nhận hồ sơ: {{ngay_nhan}}
Thời gian hẹn trả kết quả: {{ngay_hen_tra}}
{{bang_kiem_soat}}
*Ghi chú: Kết quả giải quyết hồ sơ (trước hạn/đúng hạn/quá hạn) do bên nhận ghi khi nhận bàn giao hồ sơ.*`

const TRACKING_BOOK = `${HEADER}

# SỔ THEO DÕI HỒ SƠ
## Lĩnh vực: {{linh_vuc}}
## Quyển số: {{so_theo_doi}}

{{bang_so_theo_doi}}`

const RESULT_BODY = `${HEADER_WITH_NUMBER}

# {{ten_ket_qua}}

Căn cứ hồ sơ đề nghị {{ten_thu_tuc}} của {{nguoi_nop}}, mã hồ sơ **{{ma_ho_so}}**, tiếp nhận {{ngay_nhan}};
{{noi_dung_ket_qua}}

${SIGNATURE_OF_HEAD}`

const TITLES = {
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  supplement_request: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  apology_2018: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  apology_2025: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
  stop_notice: 'Thông báo dừng giải quyết hồ sơ',
  process_control: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  tracking_book: 'Sổ theo dõi hồ sơ',
}

function slip(set: SlipSet, kind: SlipKind, formNumber: string, title: string, body: string): SlipDefault {
  return Object.freeze({ set, kind, formNumber, title, body, landscape: kind === 'tracking_book' })
}

/** The official slips of each set, in the order of their circular. */
export const SLIP_DEFAULTS: Readonly<Record<SlipSet, readonly SlipDefault[]>> = Object.freeze({
  '2018': Object.freeze([
    slip('2018', 'receipt', '01', TITLES.receipt, RECEIPT_2018),
    slip('2018', 'supplement_request', '02', TITLES.supplement_request, SUPPLEMENT_REQUEST(false)),
    slip('2018', 'refusal', '03', TITLES.refusal, REFUSAL(false)),
    slip('2018', 'apology', '04', TITLES.apology_2018, APOLOGY_2018),
    slip('2018', 'process_control', '05', TITLES.process_control, PROCESS_CONTROL),
    slip('2018', 'tracking_book', '06', TITLES.tracking_book, TRACKING_BOOK),
  ]),
  '2025': Object.freeze([
    slip('2025', 'receipt', '01', TITLES.receipt, RECEIPT_2025),
    slip('2025', 'supplement_request', '02', TITLES.supplement_request, SUPPLEMENT_REQUEST(true)),
    slip('2025', 'refusal', '03', TITLES.refusal, REFUSAL(true)),
    slip('2025', 'apology', '04', TITLES.apology_2025, APOLOGY_2025),
    slip('2025', 'stop_notice', '05', TITLES.stop_notice, STOP_NOTICE_2025),
    slip('2025', 'process_control', '06', TITLES.process_control, PROCESS_CONTROL),
    slip('2025', 'tracking_book', '07', TITLES.tracking_book, TRACKING_BOOK),
  ]),
})

/** The tenant-wide result template, the starting point of every procedure's own. */
export const RESULT_DEFAULT = Object.freeze({
  title: 'Mẫu kết quả giải quyết thủ tục hành chính',
  body: RESULT_BODY,
})

export function defaultSlip(set: SlipSet, kind: SlipKind): SlipDefault | undefined {
  return SLIP_DEFAULTS[set].find((entry) => entry.kind === kind)
}

/**
 * Inserts, for the current tenant, every default slip of both sets and the tenant-wide result
 * template it lacks (by set and kind); edited ones are left alone, so it can run at every tenant
 * creation, demo seed and deploy. Returns how many rows it added.
 */
export async function ensureDefaultSlipTemplates(): Promise<number> {
  // Imported here so the texts above can be read without a booted app (scripts, unit tests).
  const { default: SlipTemplate } = await import('#catalog/models/slip_template')
  const present = new Set(
    (await SlipTemplate.query().select('slip_set', 'kind', 'procedure_id')).map(
      (row) => `${row.slipSet ?? ''}:${row.kind}:${row.procedureId ?? ''}`
    )
  )
  let added = 0
  for (const entries of Object.values(SLIP_DEFAULTS)) {
    for (const entry of entries) {
      if (present.has(`${entry.set}:${entry.kind}:`)) continue
      await SlipTemplate.create({ slipSet: entry.set, kind: entry.kind, title: entry.title, body: entry.body, isDefault: true })
      added++
    }
  }
  if (!present.has(':result:')) {
    await SlipTemplate.create({ slipSet: null, kind: 'result', procedureId: null, ...RESULT_DEFAULT, isDefault: true })
    added++
  }
  return added
}
