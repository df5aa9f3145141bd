/*
 * A procedure's current workflow as a diagram with its text alternative (OS-24), in the
 * visitor's language, for the workflow editor, the procedure's admin page and later reports.
 */
import type { I18n } from '@adonisjs/i18n'
import type Procedure from '#catalog/models/procedure'
import type Workflow from '#catalog/models/workflow'
import type { WorkflowDefinition } from '#catalog/services/workflow_rules'
import { renderWorkflowDiagram, textAlternative } from '#catalog/services/workflow_diagram'
import { currentWorkflow, definitionOf, departmentNames } from '#catalog/queries/workflows'
import { loadWorkingCalendar } from '#catalog/services/working_calendar'

export async function diagramOfWorkflow(
  workflow: Workflow,
  procedure: Procedure,
  i18n: I18n,
  minutesPerWorkingDay: number,
  departments: Map<number, string>
) {
  const definition = definitionOf(workflow)
  return renderWorkflowDiagram(definition, diagramOptions(workflow, procedure, i18n, minutesPerWorkingDay, departments))
}

function diagramOptions(
  workflow: Workflow,
  procedure: Procedure,
  i18n: I18n,
  minutesPerWorkingDay: number,
  departments: Map<number, string>
) {
  return {
    title: i18n.t('workflows.diagram.title', { procedure: procedure.name, version: workflow.version }),
    minutesPerWorkingDay,
    actors: actorsOf(i18n, definitionOf(workflow), departments),
    words: {
      limit: i18n.t('workflows.diagram.limit'),
      end: i18n.t('workflows.diagram.end'),
      entries: { counter: i18n.t('workflows.diagram.entry_counter'), online: i18n.t('workflows.diagram.entry_online') },
    },
  }
}

/** The steps and transitions of the procedure's current workflow in words, without drawing it. */
export async function currentWorkflowText(procedure: Procedure, i18n: I18n) {
  const workflow = await currentWorkflow(procedure)
  if (!workflow) return null
  const calendar = await loadWorkingCalendar()
  const options = diagramOptions(workflow, procedure, i18n, calendar.minutesPerWorkingDay, await departmentNames())
  return textAlternative(definitionOf(workflow), options)
}

/** The diagram of the procedure's current workflow, or null when it has none yet. */
export async function currentWorkflowDiagram(procedure: Procedure, i18n: I18n) {
  const workflow = await currentWorkflow(procedure)
  if (!workflow) return null
  const calendar = await loadWorkingCalendar()
  return diagramOfWorkflow(workflow, procedure, i18n, calendar.minutesPerWorkingDay, await departmentNames())
}

function actorsOf(i18n: I18n, definition: WorkflowDefinition, departments: Map<number, string>) {
  return Object.fromEntries(
    definition.steps.map((step) => [
      step.key,
      [step.role ? i18n.t(`staff.roles.${step.role}`) : null, step.departmentId ? departments.get(step.departmentId) : null]
        .filter(Boolean)
        .join(' · '),
    ])
  )
}
