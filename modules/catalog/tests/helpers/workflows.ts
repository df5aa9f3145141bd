/* Workflow definitions for the catalog's tests. */
import type { StepDefinition, TransitionDefinition, WorkflowDefinition } from '#catalog/services/workflow_rules'

export const step = (key: string, name: string, kind: StepDefinition['kind'], minutes: number, extra: Partial<StepDefinition> = {}): StepDefinition => ({
  key,
  name,
  kind,
  departmentId: null,
  role: kind === 'intake' || kind === 'return' ? 'receptionist' : 'handler',
  timeLimitMinutes: minutes,
  entryChannels: kind === 'intake' ? ['counter', 'online'] : [],
  ...extra,
})
export const go = (from: string, to: string | null, action: string, statusCode: string): TransitionDefinition => ({
  from,
  to,
  action,
  statusCode,
  requiresReason: statusCode === 'yeu_cau_bo_sung_giay_to',
  requiresAttachment: false,
})

/** Tiếp nhận → Thẩm định → Phê duyệt → Trả kết quả, with the supplement loop: 5 working days in all. */
export function fourStepFlow(): WorkflowDefinition {
  return {
    name: 'Quy trình bốn bước',
    steps: [
      step('tiep_nhan', 'Tiếp nhận', 'intake', 240),
      step('tham_dinh', 'Thẩm định', 'processing', 3 * 480),
      step('phe_duyet', 'Phê duyệt', 'approval', 480, { role: 'approver' }),
      step('tra_ket_qua', 'Trả kết quả', 'return', 240),
    ],
    transitions: [
      go('tiep_nhan', 'tham_dinh', 'Chuyển xử lý', 'dang_xu_ly'),
      go('tiep_nhan', 'tiep_nhan', 'Yêu cầu bổ sung', 'yeu_cau_bo_sung_giay_to'),
      go('tham_dinh', 'phe_duyet', 'Trình ký', 'dang_xu_ly'),
      go('tham_dinh', 'tiep_nhan', 'Yêu cầu bổ sung', 'yeu_cau_bo_sung_giay_to'),
      go('phe_duyet', 'tra_ket_qua', 'Phê duyệt', 'da_xu_ly_xong'),
      go('tra_ket_qua', null, 'Trả kết quả', 'da_tra_ket_qua'),
    ],
  }
}


/**
 * A definition as the editor's form posts it (limits in minutes, days and hours left empty),
 * with the row indexes in the field names as a browser sends them (`steps[0][name]`).
 */
export function formOf(definition: WorkflowDefinition, extra: Record<string, unknown> = {}) {
  const fields: Record<string, unknown> = {}
  for (const [list, rows] of Object.entries(nestedFormOf(definition))) {
    if (!Array.isArray(rows)) {
      fields[list] = rows
      continue
    }
    rows.forEach((row, index) => {
      for (const [name, value] of Object.entries(row)) fields[`${list}[${index}][${name}]`] = value
    })
  }
  return { ...fields, ...extra }
}

function nestedFormOf(definition: WorkflowDefinition) {
  return {
    name: definition.name,
    steps: definition.steps.map((item) => ({
      key: item.key,
      name: item.name,
      kind: item.kind,
      department_id: item.departmentId === null ? '' : String(item.departmentId),
      role: item.role ?? '',
      limit_days: '',
      limit_hours: '',
      limit_minutes: String(item.timeLimitMinutes),
      ...(item.entryChannels.includes('counter') ? { entry_counter: '1' } : {}),
      ...(item.entryChannels.includes('online') ? { entry_online: '1' } : {}),
    })),
    transitions: definition.transitions.map((item) => ({
      from: item.from,
      to: item.to ?? '',
      action: item.action,
      status_code: item.statusCode,
      ...(item.requiresReason ? { requires_reason: '1' } : {}),
      ...(item.requiresAttachment ? { requires_attachment: '1' } : {}),
    })),
  }
}
