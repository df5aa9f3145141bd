/*
 * The workflow template library: the typical one-stop flows of Circular 01/2018/TT-VPCP and
 * Decree 61/2018/NĐ-CP, so that a new procedure starts from one and the admin adjusts it. Each
 * template is a list of steps with a share of the legal deadline, turned into a definition with
 * time limits in working minutes that always fit the procedure's deadline.
 */
import type { OfficerRole } from '#users/models/user'
import {
  DEFAULT_MINUTES_PER_WORKING_DAY,
  type StepDefinition,
  type StepKind,
  type TransitionDefinition,
  type WorkflowDefinition,
} from '#catalog/services/workflow_rules'

export const TEMPLATE_KEYS = ['single_department', 'leader_approval', 'consultation', 'inter_agency'] as const
export type TemplateKey = (typeof TEMPLATE_KEYS)[number]

/** Which unit acts on a template step; the caller maps units to its own departments. */
export type TemplateUnit = 'counter' | 'department' | 'leadership' | 'partner'

interface TemplateStep {
  key: string
  name: string
  kind: StepKind
  role: OfficerRole
  unit: TemplateUnit
  /** Share of the legal deadline (the shares of a template add up to 1). */
  share: number
}

export interface WorkflowTemplate {
  key: TemplateKey
  name: string
  description: string
  steps: TemplateStep[]
  transitions: TransitionDefinition[]
}

const t = (
  from: string,
  to: string | null,
  action: string,
  statusCode: string,
  options: { reason?: boolean; attachment?: boolean } = {}
): TransitionDefinition => ({
  from,
  to,
  action,
  statusCode,
  requiresReason: options.reason ?? false,
  requiresAttachment: options.attachment ?? false,
})

/** Intake at the counter: supplement (ST-3), refusal (ST-4), forwarding (ST-9), supplied papers back to the handler (ST-17). */
function intakeTransitions(first: string, handler: string) {
  return [
    t('tiep_nhan', first, 'Chuyển xử lý', 'dang_xu_ly'),
    t('tiep_nhan', 'tiep_nhan', 'Yêu cầu bổ sung', 'yeu_cau_bo_sung_giay_to', { reason: true }),
    t('tiep_nhan', null, 'Từ chối tiếp nhận', 'khong_duoc_tiep_nhan', { reason: true }),
    t('tiep_nhan', handler, 'Chuyển hồ sơ đã bổ sung', 'da_bo_sung_ho_so'),
  ]
}

/** The handler's own exits: supplement via the counter (ST-12) and stopping (ST-13). */
function handlerExits(handler: string) {
  return [
    t(handler, 'tiep_nhan', 'Yêu cầu bổ sung', 'yeu_cau_bo_sung_giay_to', { reason: true }),
    t(handler, null, 'Dừng xử lý', 'dung_xu_ly', { reason: true, attachment: true }),
  ]
}

const INTAKE: TemplateStep = {
  key: 'tiep_nhan',
  name: 'Tiếp nhận hồ sơ',
  kind: 'intake',
  role: 'receptionist',
  unit: 'counter',
  share: 0.05,
}
const ASSIGNMENT: TemplateStep = {
  key: 'phan_cong',
  name: 'Phân công thụ lý',
  kind: 'assignment',
  role: 'dept_head',
  unit: 'department',
  share: 0.05,
}
const PROCESSING: TemplateStep = {
  key: 'thu_ly',
  name: 'Thẩm định, thụ lý hồ sơ',
  kind: 'processing',
  role: 'handler',
  unit: 'department',
  share: 0.5,
}
const RETURN: TemplateStep = {
  key: 'tra_ket_qua',
  name: 'Trả kết quả',
  kind: 'return',
  role: 'receptionist',
  unit: 'counter',
  share: 0.05,
}
const returnTransitions = [t('tra_ket_qua', null, 'Trả kết quả', 'da_tra_ket_qua')]

export const WORKFLOW_TEMPLATES: WorkflowTemplate[] = [
  {
    key: 'single_department',
    name: 'Một phòng chuyên môn giải quyết',
    description: 'Tiếp nhận → phân công → thụ lý → trưởng phòng phê duyệt → trả kết quả.',
    steps: [
      INTAKE,
      ASSIGNMENT,
      { ...PROCESSING, share: 0.6 },
      { key: 'phe_duyet', name: 'Phê duyệt kết quả', kind: 'approval', role: 'dept_head', unit: 'department', share: 0.25 },
      RETURN,
    ],
    transitions: [
      ...intakeTransitions('phan_cong', 'thu_ly'),
      t('phan_cong', 'thu_ly', 'Phân công thụ lý', 'dang_xu_ly'),
      t('thu_ly', 'phe_duyet', 'Trình ký', 'dang_xu_ly'),
      ...handlerExits('thu_ly'),
      t('phe_duyet', 'tra_ket_qua', 'Phê duyệt', 'da_xu_ly_xong'),
      t('phe_duyet', 'thu_ly', 'Trả lại thụ lý', 'dang_xu_ly', { reason: true }),
      ...returnTransitions,
    ],
  },
  {
    key: 'leader_approval',
    name: 'Phòng chuyên môn thẩm định, lãnh đạo cơ quan phê duyệt',
    description: 'Tiếp nhận → phân công → thụ lý → trưởng phòng kiểm tra → lãnh đạo phê duyệt → trả kết quả.',
    steps: [
      INTAKE,
      ASSIGNMENT,
      { ...PROCESSING, share: 0.5 },
      { key: 'kiem_tra', name: 'Trưởng phòng kiểm tra, trình ký', kind: 'approval', role: 'dept_head', unit: 'department', share: 0.15 },
      { key: 'phe_duyet', name: 'Lãnh đạo cơ quan phê duyệt', kind: 'approval', role: 'approver', unit: 'leadership', share: 0.2 },
      RETURN,
    ],
    transitions: [
      ...intakeTransitions('phan_cong', 'thu_ly'),
      t('phan_cong', 'thu_ly', 'Phân công thụ lý', 'dang_xu_ly'),
      t('thu_ly', 'kiem_tra', 'Trình trưởng phòng', 'dang_xu_ly'),
      ...handlerExits('thu_ly'),
      t('kiem_tra', 'phe_duyet', 'Trình ký', 'dang_xu_ly'),
      t('kiem_tra', 'thu_ly', 'Trả lại thụ lý', 'dang_xu_ly', { reason: true }),
      t('phe_duyet', 'tra_ket_qua', 'Phê duyệt', 'da_xu_ly_xong'),
      t('phe_duyet', 'kiem_tra', 'Trả lại phòng chuyên môn', 'dang_xu_ly', { reason: true }),
      t('phe_duyet', 'thu_ly', 'Trả lại thụ lý', 'dang_xu_ly', { reason: true }),
      ...returnTransitions,
    ],
  },
  {
    key: 'consultation',
    name: 'Có xin ý kiến cơ quan, đơn vị khác',
    description: 'Tiếp nhận → phân công → thụ lý → xin ý kiến phối hợp → lãnh đạo phê duyệt → trả kết quả.',
    steps: [
      INTAKE,
      ASSIGNMENT,
      { ...PROCESSING, share: 0.35 },
      { key: 'xin_y_kien', name: 'Xin ý kiến cơ quan phối hợp', kind: 'consultation', role: 'handler', unit: 'partner', share: 0.3 },
      { key: 'phe_duyet', name: 'Lãnh đạo cơ quan phê duyệt', kind: 'approval', role: 'approver', unit: 'leadership', share: 0.2 },
      RETURN,
    ],
    transitions: [
      ...intakeTransitions('phan_cong', 'thu_ly'),
      t('phan_cong', 'thu_ly', 'Phân công thụ lý', 'dang_xu_ly'),
      t('thu_ly', 'xin_y_kien', 'Gửi xin ý kiến', 'dang_xu_ly'),
      t('thu_ly', 'phe_duyet', 'Trình ký', 'dang_xu_ly'),
      ...handlerExits('thu_ly'),
      t('xin_y_kien', 'thu_ly', 'Trả lời ý kiến', 'dang_xu_ly', { attachment: true }),
      t('phe_duyet', 'tra_ket_qua', 'Phê duyệt', 'da_xu_ly_xong'),
      t('phe_duyet', 'thu_ly', 'Trả lại thụ lý', 'dang_xu_ly', { reason: true }),
      ...returnTransitions,
    ],
  },
  {
    key: 'inter_agency',
    name: 'Liên thông giữa các cơ quan',
    description:
      'Tiếp nhận → phân công → thụ lý → lãnh đạo phê duyệt → chuyển liên thông cơ quan khác → ' +
      'nghĩa vụ tài chính → trả kết quả (Nghị định 61/2018/NĐ-CP).',
    steps: [
      INTAKE,
      ASSIGNMENT,
      { ...PROCESSING, share: 0.3 },
      { key: 'phe_duyet', name: 'Lãnh đạo cơ quan chủ trì phê duyệt', kind: 'approval', role: 'approver', unit: 'leadership', share: 0.15 },
      { key: 'lien_thong', name: 'Cơ quan liên thông giải quyết', kind: 'processing', role: 'handler', unit: 'partner', share: 0.3 },
      {
        key: 'nghia_vu_tai_chinh',
        name: 'Thực hiện nghĩa vụ tài chính',
        kind: 'financial_obligation',
        role: 'receptionist',
        unit: 'counter',
        share: 0.1,
      },
      RETURN,
    ],
    transitions: [
      ...intakeTransitions('phan_cong', 'thu_ly'),
      t('phan_cong', 'thu_ly', 'Phân công thụ lý', 'dang_xu_ly'),
      t('thu_ly', 'phe_duyet', 'Trình ký', 'dang_xu_ly'),
      ...handlerExits('thu_ly'),
      t('phe_duyet', 'lien_thong', 'Chuyển liên thông', 'dang_xu_ly'),
      t('phe_duyet', 'thu_ly', 'Trả lại thụ lý', 'dang_xu_ly', { reason: true }),
      // At the counter's step the receptionist asks for the payment and records the receipt with
      // the financial obligation forms (ST-18); the way on opens once it is paid.
      t('lien_thong', 'nghia_vu_tai_chinh', 'Chuyển thu nghĩa vụ tài chính', 'dang_xu_ly'),
      t('lien_thong', 'thu_ly', 'Trả lại cơ quan chủ trì', 'dang_xu_ly', { reason: true }),
      t('nghia_vu_tai_chinh', 'tra_ket_qua', 'Chuyển trả kết quả', 'da_xu_ly_xong'),
      ...returnTransitions,
    ],
  },
]

export function findTemplate(key: string): WorkflowTemplate | undefined {
  return WORKFLOW_TEMPLATES.find((template) => template.key === key)
}

export interface TemplateOptions {
  /** Length of a working day in minutes (the working calendar's), 480 by default. */
  minutesPerWorkingDay?: number
  /** The tenant's department for each unit the template names; none leaves the step to its role. */
  departments?: Partial<Record<TemplateUnit, number>>
}

/**
 * The template as a definition for a procedure with this legal deadline: each step gets its
 * share of the deadline, rounded down (to whole quarter hours when there is room), so the
 * limits never add up to more than the deadline.
 */
export function instantiateTemplate(
  template: WorkflowTemplate,
  procedure: { legalDeadlineDays: number },
  options: TemplateOptions = {}
): WorkflowDefinition {
  const budget = Math.floor(
    Number(procedure.legalDeadlineDays) * (options.minutesPerWorkingDay ?? DEFAULT_MINUTES_PER_WORKING_DAY)
  )
  const quantum = budget >= template.steps.length * 60 ? 15 : 1
  const steps: StepDefinition[] = template.steps.map((step) => ({
    key: step.key,
    name: step.name,
    kind: step.kind,
    role: step.role,
    departmentId: options.departments?.[step.unit] ?? null,
    timeLimitMinutes: Math.floor((budget * step.share) / quantum) * quantum,
    entryChannels: step.kind === 'intake' ? ['counter', 'online'] : [],
  }))
  return {
    name: template.name,
    steps,
    transitions: template.transitions.map((transition) => ({ ...transition })),
  }
}

/**
 * The workflow a procedure starts with: the named template, or by default the single-department
 * flow for deadlines up to 3 working days and the department-plus-leader flow above.
 */
export function defaultWorkflowFor(
  procedure: { legalDeadlineDays: number },
  options: TemplateOptions & { template?: TemplateKey } = {}
): WorkflowDefinition {
  const key = options.template ?? (Number(procedure.legalDeadlineDays) <= 3 ? 'single_department' : 'leader_approval')
  return instantiateTemplate(findTemplate(key)!, procedure, options)
}
