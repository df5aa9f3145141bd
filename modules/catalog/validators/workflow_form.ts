/*
 * The workflow editor's form as a definition. The editor posts one row per step and per
 * transition (`steps[0][name]`, `transitions[3][to]`, …); blank rows are the spare ones and are
 * skipped. Values are only coerced here: what makes a workflow acceptable is decided by
 * workflow_rules, which names the step at fault in its message.
 */
import {
  DEFAULT_MINUTES_PER_WORKING_DAY,
  ENTRY_CHANNELS,
  type EntryChannel,
  type StepKind,
  type WorkflowDefinition,
} from '#catalog/services/workflow_rules'
import type { OfficerRole } from '#users/models/user'
import { withoutDiacritics } from '#services/without_diacritics'

type Row = Record<string, unknown>

/** qs gives an array for small indexes and an object with numeric keys for large ones. */
function rows(value: unknown): Row[] {
  if (Array.isArray(value)) return value.filter((row) => row && typeof row === 'object') as Row[]
  if (value && typeof value === 'object') return Object.values(value).filter((row) => row && typeof row === 'object') as Row[]
  return []
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
const flag = (value: unknown) => ['1', 'true', 'on'].includes(text(value))

function amount(value: unknown) {
  const raw = text(value).replace(',', '.')
  if (raw === '') return 0
  return /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN
}

/** A stable key from a step name: "Thẩm định hồ sơ" → "tham_dinh_ho_so". */
export function keyFromName(name: string) {
  const key = withoutDiacritics(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 36)
  return /^[a-z]/.test(key) ? key : `buoc_${key}`.slice(0, 40)
}

export function workflowFromForm(body: Row, minutesPerWorkingDay = DEFAULT_MINUTES_PER_WORKING_DAY): WorkflowDefinition {
  const used = new Set<string>()
  const steps = rows(body.steps)
    .filter((row) => text(row.name) || text(row.key))
    .map((row) => {
      let key = text(row.key)
      if (!key) {
        const base = keyFromName(text(row.name))
        key = base
        for (let n = 2; used.has(key); n++) key = `${base}_${n}`
      }
      used.add(key)
      const minutes =
        amount(row.limit_days) * minutesPerWorkingDay + amount(row.limit_hours) * 60 + amount(row.limit_minutes)
      const entryChannels = ENTRY_CHANNELS.filter((channel) => flag(row[`entry_${channel}`])) as EntryChannel[]
      const department = text(row.department_id)
      return {
        key,
        name: text(row.name),
        kind: text(row.kind) as StepKind,
        departmentId: /^\d+$/.test(department) ? Number(department) : null,
        role: (text(row.role) || null) as OfficerRole | null,
        timeLimitMinutes: Number.isNaN(minutes) ? Number.NaN : Math.round(minutes),
        entryChannels,
      }
    })

  const transitions = rows(body.transitions)
    .filter((row) => text(row.action) || text(row.from))
    .map((row) => ({
      from: text(row.from),
      to: text(row.to) || null,
      action: text(row.action),
      statusCode: text(row.status_code),
      requiresReason: flag(row.requires_reason),
      requiresAttachment: flag(row.requires_attachment),
    }))

  return { name: text(body.name), steps, transitions }
}

/** A step's limit split for the editor's three inputs. */
export function splitMinutes(minutes: number, minutesPerWorkingDay = DEFAULT_MINUTES_PER_WORKING_DAY) {
  const whole = Number.isFinite(minutes) ? Math.max(0, Math.round(minutes)) : 0
  const days = Math.floor(whole / minutesPerWorkingDay)
  const rest = whole - days * minutesPerWorkingDay
  return { days, hours: Math.floor(rest / 60), minutes: rest % 60 }
}
