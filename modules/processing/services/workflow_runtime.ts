/*
 * A workflow version as the engine walks it: steps by key, transitions by id and by the step
 * they leave. Versions are never edited once saved (catalog, OS-3.1), so a loaded version is
 * kept in memory, as plain data, for the life of the process.
 */
import { requireTenantScope } from '#tenancy/tenant_context'
import { Workflow, type StepKind } from '#catalog/index'
import type { OfficerRole } from '#users/index'

export interface RuntimeStep {
  id: number
  key: string
  name: string
  kind: StepKind
  departmentId: number | null
  role: OfficerRole | null
  timeLimitMinutes: number
  entryChannels: string[]
  position: number
}

export interface RuntimeTransition {
  id: number
  fromKey: string
  /** null: the transition ends processing. */
  toKey: string | null
  /** The action as officers see it ("Chuyển xử lý"). */
  action: string
  statusCode: string
  requiresReason: boolean
  requiresAttachment: boolean
  position: number
}

export class WorkflowRuntime {
  readonly #steps: Map<string, RuntimeStep>
  readonly #transitions: Map<number, RuntimeTransition>

  constructor(
    readonly workflowId: number,
    readonly procedureId: number | null,
    steps: RuntimeStep[],
    transitions: RuntimeTransition[]
  ) {
    this.#steps = new Map(steps.map((step) => [step.key, step]))
    this.#transitions = new Map(transitions.map((transition) => [transition.id, transition]))
  }

  get steps(): RuntimeStep[] {
    return [...this.#steps.values()].sort((a, b) => a.position - b.position)
  }

  step(key: string | null | undefined): RuntimeStep | null {
    return key ? (this.#steps.get(key) ?? null) : null
  }

  transition(id: number): RuntimeTransition | null {
    return this.#transitions.get(id) ?? null
  }

  /** The transitions leaving a step, in the order the workflow lists them. */
  transitionsFrom(key: string): RuntimeTransition[] {
    return [...this.#transitions.values()].filter((transition) => transition.fromKey === key).sort((a, b) => a.position - b.position)
  }

  /** The intake step where dossiers of this channel start (OS-3.4); postal dossiers enter like counter ones. */
  entryStepFor(channel: 'counter' | 'online' | 'postal'): RuntimeStep | null {
    const wanted = channel === 'online' ? 'online' : 'counter'
    return this.steps.find((step) => step.kind === 'intake' && step.entryChannels.includes(wanted)) ?? null
  }
}

const cache = new Map<string, WorkflowRuntime>()
const CACHE_LIMIT = 500

/** The workflow version with this id in the current tenant, or null. */
export async function loadWorkflowRuntime(workflowId: number): Promise<WorkflowRuntime | null> {
  const { tenant } = requireTenantScope()
  const cacheKey = `${tenant.id}:${workflowId}`
  const cached = cache.get(cacheKey)
  if (cached) return cached

  const workflow = await Workflow.query().where('id', workflowId).preload('steps').preload('transitions').first()
  if (!workflow) return null
  const keyOf = new Map(workflow.steps.map((step) => [Number(step.id), step.key]))
  const runtime = new WorkflowRuntime(
    Number(workflow.id),
    workflow.procedureId === null ? null : Number(workflow.procedureId),
    workflow.steps.map((step) => ({
      id: Number(step.id),
      key: step.key,
      name: step.name,
      kind: step.kind,
      departmentId: step.departmentId === null ? null : Number(step.departmentId),
      role: step.role,
      timeLimitMinutes: step.timeLimitMinutes,
      entryChannels: step.entryChannels ?? [],
      position: step.position,
    })),
    workflow.transitions.map((transition) => ({
      id: Number(transition.id),
      fromKey: keyOf.get(Number(transition.fromStepId))!,
      toKey: transition.toStepId === null ? null : keyOf.get(Number(transition.toStepId))!,
      action: transition.action,
      statusCode: transition.statusCode,
      requiresReason: transition.requiresReason,
      requiresAttachment: transition.requiresAttachment,
      position: transition.position,
    }))
  )
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!)
  cache.set(cacheKey, runtime)
  return runtime
}

/** The current workflow version of a procedure, or null when it has none. */
export async function currentWorkflowRuntime(procedureId: number): Promise<WorkflowRuntime | null> {
  const current = await Workflow.query().where('procedure_id', procedureId).where('is_current', true).select('id').first()
  return current ? loadWorkflowRuntime(Number(current.id)) : null
}
