/*
 * Reading workflows: the current version of a procedure's workflow, its history, and a version
 * as the plain definition the rules, the editor and the diagram work on.
 */
import Procedure from '#catalog/models/procedure'
import Workflow from '#catalog/models/workflow'
import Department from '#users/models/department'
import type { WorkflowDefinition } from '#catalog/services/workflow_rules'

/** The procedure with this id in the current tenant, or a 404. */
export function findProcedure(id: number) {
  return Procedure.findOrFail(id)
}

export function currentWorkflow(procedure: Procedure) {
  return Workflow.query()
    .where('procedure_id', procedure.id)
    .where('is_current', true)
    .preload('steps')
    .preload('transitions')
    .first()
}

export function findWorkflowVersion(procedure: Procedure, version: number) {
  return Workflow.query()
    .where('procedure_id', procedure.id)
    .where('version', version)
    .preload('steps')
    .preload('transitions')
    .firstOrFail()
}

/** Every version, newest first, with who saved it. */
export function workflowHistory(procedure: Procedure) {
  return Workflow.query().where('procedure_id', procedure.id).preload('author').orderBy('version', 'desc')
}

/** A stored version as a definition (its steps and transitions must be preloaded). */
export function definitionOf(workflow: Workflow): WorkflowDefinition {
  const keyOf = new Map(workflow.steps.map((step) => [step.id, step.key]))
  return {
    name: workflow.name,
    steps: workflow.steps.map((step) => ({
      key: step.key,
      name: step.name,
      kind: step.kind,
      departmentId: step.departmentId === null ? null : Number(step.departmentId),
      role: step.role,
      timeLimitMinutes: step.timeLimitMinutes,
      entryChannels: step.entryChannels ?? [],
    })),
    transitions: workflow.transitions.map((transition) => ({
      from: keyOf.get(transition.fromStepId)!,
      to: transition.toStepId === null ? null : keyOf.get(transition.toStepId)!,
      action: transition.action,
      statusCode: transition.statusCode,
      requiresReason: transition.requiresReason,
      requiresAttachment: transition.requiresAttachment,
    })),
  }
}

/** The tenant's departments by id, for the step actors. */
export async function departmentNames() {
  const departments = await Department.query().orderBy('name')
  return new Map(departments.map((department) => [Number(department.id), department.name]))
}
