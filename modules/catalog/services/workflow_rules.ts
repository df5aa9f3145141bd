/*
 * What makes a workflow definition acceptable (OS-3.2, OS-3.3, OS-3.4), as pure functions over
 * plain data, so that the editor, the live check, the template library and the demo seed all
 * apply the same rules. A workflow is data (eGov DIGIT): steps with an acting department or
 * role and a time limit in working minutes, and transitions labelled with an action and the
 * Appendix I status they lead to. Steps are referred to by a key that is stable within the
 * workflow; a transition to no step (`to: null`) ends the dossier's processing.
 */
import { LEGAL_STATUSES } from '#catalog/services/statuses'
import { OFFICER_ROLES, type OfficerRole } from '#users/models/user'

export const STEP_KINDS = [
  'intake',
  'assignment',
  'processing',
  'consultation',
  'approval',
  'financial_obligation',
  'return',
] as const
export type StepKind = (typeof STEP_KINDS)[number]

/** How a dossier enters an intake step: at the counter (in person or by post), or online (OS-3.4). */
export const ENTRY_CHANNELS = ['counter', 'online'] as const
export type EntryChannel = (typeof ENTRY_CHANNELS)[number]

/**
 * The officer roles that act on a step; admin and editor configure, they do not process.
 */
export const STEP_ROLES: readonly OfficerRole[] = OFFICER_ROLES.filter((role) => role !== 'admin' && role !== 'editor')

/**
 * Status codes a transition can lead to: the stable codes of the Appendix I catalogue (ST).
 * The statuses table is the authority once it exists; these are the legal ones the rules need
 * and the editor offers, with their exact Vietnamese labels.
 */
/** Labels of the legal statuses by code (the statuses catalogue is the source). */
export const STATUS_LABELS: Record<string, string> = Object.fromEntries(
  LEGAL_STATUSES.map((status) => [status.code, status.label])
)
export const SUPPLEMENT_STATUS = 'yeu_cau_bo_sung_giay_to'
export const RETURNED_STATUS = 'da_tra_ket_qua'

export const DEFAULT_MINUTES_PER_WORKING_DAY = 480
export const STEP_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/
export const STATUS_CODE_PATTERN = /^[a-z][a-z0-9_]{0,39}$/

export interface StepDefinition {
  key: string
  name: string
  kind: StepKind
  departmentId: number | null
  role: OfficerRole | null
  /** Working minutes the step may take. */
  timeLimitMinutes: number
  /** Only on intake steps: which channels' dossiers start here. */
  entryChannels: EntryChannel[]
}

export interface TransitionDefinition {
  from: string
  /** The next step's key; null ends processing. */
  to: string | null
  action: string
  statusCode: string
  requiresReason: boolean
  requiresAttachment: boolean
}

export interface WorkflowDefinition {
  name: string
  steps: StepDefinition[]
  transitions: TransitionDefinition[]
}

export interface RuleContext {
  /** The procedure's legal deadline in working days (may be fractional). */
  legalDeadlineDays: number
  /** Length of a working day in minutes; the working calendar supplies it. */
  minutesPerWorkingDay?: number
}

export type ViolationCode =
  | 'no_steps'
  | 'invalid_step'
  | 'duplicate_step_key'
  | 'invalid_transition'
  | 'unknown_step'
  | 'over_deadline'
  | 'no_entry'
  | 'no_online_entry'
  | 'unreachable_step'
  | 'no_return_end'
  | 'no_path_to_end'
  | 'no_supplement_loop'
  | 'supplement_not_to_intake'
  | 'supplement_no_way_back'

export interface WorkflowViolation {
  code: ViolationCode
  message: string
  /** The step the message names, when it names one. */
  stepKey?: string
}

const quote = (text: string) => `“${text}”`

/** "6 ngày 2 giờ 30 phút": working minutes in working days, hours and minutes. */
export function formatWorkingMinutes(minutes: number, minutesPerWorkingDay = DEFAULT_MINUTES_PER_WORKING_DAY) {
  const whole = Math.max(0, Math.round(minutes))
  const days = Math.floor(whole / minutesPerWorkingDay)
  const rest = whole - days * minutesPerWorkingDay
  const hours = Math.floor(rest / 60)
  const mins = rest - hours * 60
  const parts = []
  if (days) parts.push(`${days} ngày`)
  if (hours) parts.push(`${hours} giờ`)
  if (mins) parts.push(`${mins} phút`)
  return parts.length ? parts.join(' ') : '0 phút'
}

/** "5 ngày", "0,5 ngày": a legal deadline in working days, with the Vietnamese decimal comma. */
export function formatWorkingDays(days: number) {
  return `${String(Number(days.toFixed(2))).replace('.', ',')} ngày`
}

export function legalDeadlineMinutes(context: RuleContext) {
  return Math.round(context.legalDeadlineDays * (context.minutesPerWorkingDay ?? DEFAULT_MINUTES_PER_WORKING_DAY))
}

/**
 * Every problem of `definition`, in the order an editor fixes them; an empty list means the
 * workflow may be saved. Shape problems (missing names, unknown keys) are reported first, and
 * the graph rules run only on a well-formed definition.
 */
export function checkWorkflow(definition: WorkflowDefinition, context: RuleContext): WorkflowViolation[] {
  const shape = checkShape(definition)
  if (shape.length) return shape

  const minutesPerWorkingDay = context.minutesPerWorkingDay ?? DEFAULT_MINUTES_PER_WORKING_DAY
  const violations: WorkflowViolation[] = []
  const { steps, transitions } = definition
  const nameOf = new Map(steps.map((step) => [step.key, step.name]))
  const kindOf = new Map(steps.map((step) => [step.key, step.kind]))

  // (a) OS-3.2: the step limits fit in the legal deadline.
  const total = steps.reduce((sum, step) => sum + step.timeLimitMinutes, 0)
  const budget = legalDeadlineMinutes(context)
  if (total > budget) {
    violations.push({
      code: 'over_deadline',
      message:
        `Tổng thời hạn các bước (${formatWorkingMinutes(total, minutesPerWorkingDay)}) vượt thời hạn giải quyết ` +
        `(${formatWorkingDays(context.legalDeadlineDays)})`,
    })
  }

  // (b) Entries: an intake step for the counter and one for online dossiers (OS-3.4).
  const entries = steps.filter((step) => step.kind === 'intake' && step.entryChannels.length > 0)
  if (!steps.some((step) => step.kind === 'intake' && step.entryChannels.includes('counter'))) {
    violations.push({
      code: 'no_entry',
      message: 'Quy trình chưa có bước tiếp nhận hồ sơ nộp trực tiếp hoặc qua bưu chính',
    })
  }
  if (!steps.some((step) => step.kind === 'intake' && step.entryChannels.includes('online'))) {
    violations.push({
      code: 'no_online_entry',
      message: 'Quy trình chưa có bước tiếp nhận hồ sơ nộp trực tuyến trên Cổng Dịch vụ công',
    })
  }

  const next = new Map<string, string[]>(steps.map((step) => [step.key, []]))
  const previous = new Map<string, string[]>(steps.map((step) => [step.key, []]))
  for (const transition of transitions) {
    if (transition.to === null) continue
    next.get(transition.from)!.push(transition.to)
    previous.get(transition.to)!.push(transition.from)
  }

  // (b) OS-3.2: every step can be reached from an entry.
  if (entries.length) {
    const reached = reachable(
      entries.map((step) => step.key),
      next
    )
    for (const step of steps) {
      if (!reached.has(step.key)) {
        violations.push({
          code: 'unreachable_step',
          stepKey: step.key,
          message: `Bước ${quote(step.name)} không thể đi tới từ bước tiếp nhận`,
        })
      }
    }
  }

  // (c) OS-3.2: every step has a way to the end with "Đã trả kết quả".
  const returning = transitions.filter((transition) => transition.to === null && transition.statusCode === RETURNED_STATUS)
  if (!returning.length) {
    violations.push({
      code: 'no_return_end',
      message: `Quy trình không có thao tác kết thúc với trạng thái ${quote(STATUS_LABELS[RETURNED_STATUS])}`,
    })
  } else {
    const canFinish = reachable(
      returning.map((transition) => transition.from),
      previous
    )
    for (const step of steps) {
      if (!canFinish.has(step.key)) {
        violations.push({
          code: 'no_path_to_end',
          stepKey: step.key,
          message: `Từ bước ${quote(step.name)} không có đường đi tới kết thúc ${quote(STATUS_LABELS[RETURNED_STATUS])}`,
        })
      }
    }
  }

  // (d) OS-3.3: the supplement loop goes back to intake (the applicant) and comes back in.
  const supplements = transitions.filter((transition) => transition.statusCode === SUPPLEMENT_STATUS)
  if (!supplements.length) {
    violations.push({
      code: 'no_supplement_loop',
      message:
        `Quy trình chưa có vòng yêu cầu bổ sung: cần một thao tác dẫn tới trạng thái ` +
        `${quote(STATUS_LABELS[SUPPLEMENT_STATUS])} đưa hồ sơ về bước tiếp nhận`,
    })
  }
  for (const transition of supplements) {
    if (transition.to === null || kindOf.get(transition.to) !== 'intake') {
      violations.push({
        code: 'supplement_not_to_intake',
        stepKey: transition.from,
        message:
          `Thao tác ${quote(transition.action)} của bước ${quote(nameOf.get(transition.from)!)} yêu cầu bổ sung ` +
          `nhưng không đưa hồ sơ về một bước tiếp nhận`,
      })
      continue
    }
    if (!reachable([transition.to], next).has(transition.from)) {
      violations.push({
        code: 'supplement_no_way_back',
        stepKey: transition.from,
        message:
          `Sau khi bổ sung ở bước ${quote(nameOf.get(transition.to)!)}, hồ sơ không thể quay lại bước ` +
          `${quote(nameOf.get(transition.from)!)}`,
      })
    }
  }

  return violations
}

/** The steps reachable from `starts` (included) along `edges`. */
function reachable(starts: string[], edges: Map<string, string[]>) {
  const seen = new Set<string>(starts)
  const queue = [...starts]
  while (queue.length) {
    const key = queue.shift()!
    for (const neighbour of edges.get(key) ?? []) {
      if (!seen.has(neighbour)) {
        seen.add(neighbour)
        queue.push(neighbour)
      }
    }
  }
  return seen
}

function checkShape(definition: WorkflowDefinition): WorkflowViolation[] {
  const violations: WorkflowViolation[] = []
  if (!definition.steps.length) {
    return [{ code: 'no_steps', message: 'Quy trình chưa có bước xử lý nào' }]
  }

  const seen = new Set<string>()
  definition.steps.forEach((step, index) => {
    const label = step.name?.trim() ? quote(step.name.trim()) : `thứ ${index + 1}`
    const problems: string[] = []
    if (!step.name?.trim()) problems.push('chưa có tên')
    else if (step.name.length > 255) problems.push('có tên dài quá 255 ký tự')
    if (!STEP_KEY_PATTERN.test(step.key ?? '')) {
      problems.push('có mã không hợp lệ (chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ)')
    }
    if (!STEP_KINDS.includes(step.kind)) problems.push('chưa chọn loại bước')
    if (step.role !== null && !STEP_ROLES.includes(step.role)) problems.push('có vai trò xử lý không hợp lệ')
    if (step.role === null && step.departmentId === null) problems.push('chưa chọn phòng ban hoặc vai trò xử lý')
    if (!Number.isInteger(step.timeLimitMinutes) || step.timeLimitMinutes < 0) {
      problems.push('có thời hạn không hợp lệ (số phút làm việc, không âm)')
    }
    if (step.entryChannels.some((channel) => !ENTRY_CHANNELS.includes(channel))) problems.push('có kênh tiếp nhận không hợp lệ')
    if (step.kind !== 'intake' && step.entryChannels.length) problems.push('nhận hồ sơ mới nhưng không phải bước tiếp nhận')
    for (const problem of problems) {
      violations.push({ code: 'invalid_step', stepKey: step.key, message: `Bước ${label} ${problem}` })
    }
    if (step.key && seen.has(step.key)) {
      violations.push({
        code: 'duplicate_step_key',
        stepKey: step.key,
        message: `Mã bước ${quote(step.key)} bị trùng: mỗi bước cần một mã riêng`,
      })
    }
    seen.add(step.key)
  })

  const nameOf = new Map(definition.steps.map((step) => [step.key, step.name]))
  definition.transitions.forEach((transition, index) => {
    const label = transition.action?.trim() ? quote(transition.action.trim()) : `thứ ${index + 1}`
    if (!nameOf.has(transition.from)) {
      violations.push({ code: 'unknown_step', message: `Thao tác ${label} đi từ một bước không có trong quy trình` })
    }
    if (transition.to !== null && !nameOf.has(transition.to)) {
      violations.push({ code: 'unknown_step', message: `Thao tác ${label} đi tới một bước không có trong quy trình` })
    }
    if (!transition.action?.trim()) {
      violations.push({ code: 'invalid_transition', message: `Thao tác ${label} chưa có tên` })
    } else if (transition.action.length > 120) {
      violations.push({ code: 'invalid_transition', message: `Thao tác ${label} có tên dài quá 120 ký tự` })
    }
    if (!STATUS_CODE_PATTERN.test(transition.statusCode ?? '')) {
      violations.push({ code: 'invalid_transition', message: `Thao tác ${label} chưa chọn trạng thái kết quả` })
    }
  })
  return violations
}
