/*
 * Vietnamese labels of the trail's action codes (the `action` of dossier_events), written by
 * intake, processing and the portal: one list for the screens, the citizen's timeline and the
 * trail exports. A code missing here is shown as it is.
 */
export const TRAIL_ACTION_LABELS: Record<string, string> = {
  submit: 'Nộp hồ sơ trực tuyến',
  receive: 'Tiếp nhận hồ sơ',
  accept: 'Tiếp nhận hồ sơ',
  refuse: 'Từ chối tiếp nhận',
  request_supplement: 'Yêu cầu bổ sung',
  supplement: 'Bổ sung hồ sơ',
  record_supplement: 'Nhận hồ sơ bổ sung',
  withdraw: 'Rút hồ sơ',
  restore: 'Khôi phục hồ sơ',
  forward: 'Chuyển xử lý',
  assign: 'Phân công thụ lý',
  reassign: 'Phân công lại',
  forward_supplement: 'Chuyển hồ sơ đã bổ sung',
  send_back: 'Trả lại',
  consult: 'Xin ý kiến',
  submit_for_approval: 'Trình phê duyệt',
  approve: 'Phê duyệt, chuyển tiếp',
  stop: 'Dừng xử lý',
  request_financial_obligation: 'Thông báo nghĩa vụ tài chính',
  finish: 'Hoàn thành xử lý',
  return_result: 'Trả kết quả',
  move: 'Chuyển bước',
  overdue: 'Quá hạn xử lý',
  // The special parts of processing (modules/processing/special).
  consultation_answer: 'Trả lời xin ý kiến',
  delegate: 'Ủy quyền xử lý',
  end_delegation: 'Kết thúc ủy quyền',
  inter_agency_transfer: 'Chuyển xử lý liên thông',
  inter_agency_return: 'Trả kết quả xử lý liên thông',
  extend: 'Gia hạn',
  record_payment: 'Ghi nhận nộp nghĩa vụ tài chính',
  attach_result: 'Đính kèm kết quả giải quyết',
  refuse_approval: 'Không phê duyệt, dừng xử lý',
  result_not_returned: 'Có kết quả nhưng chưa trả',
  // The applicant's own actions on the portal.
  change_by_applicant: 'Người nộp sửa hồ sơ trước khi tiếp nhận',
  rate: 'Đánh giá mức độ hài lòng',
  change_rating: 'Sửa đánh giá mức độ hài lòng',
}

export function trailActionLabel(code: string) {
  return TRAIL_ACTION_LABELS[code] ?? code
}
