/*
 * Saving a workflow (OS-3.1, OS-3.2): the definition is checked against the rules and the
 * tenant's departments first, and nothing is written unless it passes. A save writes a whole
 * new version and moves `is_current` to it; earlier versions and their rows stay as they were,
 * so dossiers that started on them keep them.
 */
import Procedure from '#catalog/models/procedure'
import Workflow from '#catalog/models/workflow'
import WorkflowStep from '#catalog/models/workflow_step'
import WorkflowTransition from '#catalog/models/workflow_transition'
import Department from '#users/models/department'
import {
  checkWorkflow,
  DEFAULT_MINUTES_PER_WORKING_DAY,
  type WorkflowDefinition,
  type WorkflowViolation,
} from '#catalog/services/workflow_rules'

export interface SaveOptions {
  createdBy?: number | null
  minutesPerWorkingDay?: number
}

export type SaveResult = { saved: true; workflow: Workflow } | { saved: false; violations: WorkflowViolation[] }

/** The rules' verdict plus the tenant-specific check that each step's department exists. */
export async function workflowViolations(
  procedure: Procedure,
  definition: WorkflowDefinition,
  minutesPerWorkingDay = DEFAULT_MINUTES_PER_WORKING_DAY
): Promise<WorkflowViolation[]> {
  const violations = checkWorkflow(definition, {
    legalDeadlineDays: Number(procedure.legalDeadlineDays),
    minutesPerWorkingDay,
  })
  const departmentIds = [...new Set(definition.steps.map((step) => step.departmentId).filter((id) => id !== null))]
  if (departmentIds.length) {
    const known = new Set((await Department.query().whereIn('id', departmentIds)).map((d) => Number(d.id)))
    for (const step of definition.steps) {
      if (step.departmentId !== null && !known.has(Number(step.departmentId))) {
        violations.push({
          code: 'invalid_step',
          stepKey: step.key,
          message: `Bước “${step.name}” có phòng ban xử lý không tồn tại`,
        })
      }
    }
  }
  return violations
}

export async function saveWorkflowVersion(
  procedure: Procedure,
  definition: WorkflowDefinition,
  options: SaveOptions = {}
): Promise<SaveResult> {
  const violations = await workflowViolations(procedure, definition, options.minutesPerWorkingDay)
  if (violations.length) return { saved: false, violations }

  // Serialise concurrent saves of the same procedure's workflow.
  await Procedure.query().where('id', procedure.id).forUpdate().first()

  const latest = await Workflow.query().where('procedure_id', procedure.id).orderBy('version', 'desc').first()
  const version = (latest?.version ?? 0) + 1
  await Workflow.query().where('procedure_id', procedure.id).where('is_current', true).update({ is_current: false })

  const workflow = await Workflow.create({
    procedureId: procedure.id,
    templateKey: null,
    name: definition.name.trim() || procedure.name,
    version,
    isCurrent: true,
    createdBy: options.createdBy ?? null,
  })

  const stepIds = new Map<string, number>()
  for (const [position, step] of definition.steps.entries()) {
    const row = await WorkflowStep.create({
      workflowId: workflow.id,
      key: step.key,
      name: step.name.trim(),
      kind: step.kind,
      departmentId: step.departmentId,
      role: step.role,
      timeLimitMinutes: step.timeLimitMinutes,
      entryChannels: step.entryChannels,
      position,
    })
    stepIds.set(step.key, row.id)
  }
  for (const [position, transition] of definition.transitions.entries()) {
    await WorkflowTransition.create({
      workflowId: workflow.id,
      fromStepId: stepIds.get(transition.from)!,
      toStepId: transition.to === null ? null : stepIds.get(transition.to)!,
      action: transition.action.trim(),
      statusCode: transition.statusCode,
      requiresReason: transition.requiresReason,
      requiresAttachment: transition.requiresAttachment,
      position,
    })
  }
  await workflow.load('steps')
  await workflow.load('transitions')
  return { saved: true, workflow }
}
