import type { HttpContext } from '@adonisjs/core/http'
import type Procedure from '#catalog/models/procedure'
import {
  currentWorkflow,
  definitionOf,
  departmentNames,
  findProcedure,
  workflowHistory,
} from '#catalog/queries/workflows'
import { saveWorkflowVersion, workflowViolations } from '#catalog/actions/save_workflow'
import { splitMinutes, workflowFromForm } from '#catalog/validators/workflow_form'
import {
  STATUS_LABELS,
  STEP_KINDS,
  STEP_ROLES,
  formatWorkingDays,
  legalDeadlineMinutes,
  type WorkflowDefinition,
  type WorkflowViolation,
} from '#catalog/services/workflow_rules'
import { findTemplate, instantiateTemplate, WORKFLOW_TEMPLATES } from '#catalog/services/workflow_templates'
import { diagramOfWorkflow } from '#catalog/services/procedure_workflow_diagram'
import { loadWorkingCalendar } from '#catalog/services/working_calendar'

/** Spare rows the editor always offers, so steps and transitions can be added without script. */
const SPARE_STEPS = 1
const SPARE_TRANSITIONS = 2
const DRAFT_INTENTS = ['add_step', 'add_transition', 'check'] as const

/**
 * OS-3.1 / OS-24.1: a procedure's workflow as its admins see and edit it: the current version's
 * diagram and text alternative, the step and transition tables, templates, version history.
 */
export default class WorkflowsController {
  async show(ctx: HttpContext) {
    const { params, request, session, bouncer } = ctx
    await bouncer.authorize('editCatalog')
    const procedure = await findProcedure(params.id)
    const current = await currentWorkflow(procedure)
    const minutesPerDay = (await minutesPerWorkingDay())

    // The editor starts from, in order: a refused draft coming back, a chosen template, the
    // current version, the default template.
    const flashed = session.flashMessages.get('workflowDraft') as WorkflowDefinition | undefined
    const template = findTemplate(String(request.input('mau', '')))
    const draft =
      flashed ??
      (template ? instantiateTemplate(template, procedure, { minutesPerWorkingDay: minutesPerDay }) : undefined) ??
      (current ? definitionOf(current) : instantiateTemplate(WORKFLOW_TEMPLATES[0], procedure, { minutesPerWorkingDay: minutesPerDay }))
    const violations = (session.flashMessages.get('workflowErrors') as WorkflowViolation[] | undefined) ?? null

    return this.renderPage(ctx, procedure, draft, { violations, chosenTemplate: template?.key ?? '' })
  }

  async store(ctx: HttpContext) {
    const { params, request, response, session, bouncer, i18n, auth } = ctx
    await bouncer.authorize('editCatalog')
    const procedure = await findProcedure(params.id)
    const minutesPerDay = (await minutesPerWorkingDay())
    const draft = workflowFromForm(request.all(), minutesPerDay)

    const intent = String(request.input('intent', ''))
    if ((DRAFT_INTENTS as readonly string[]).includes(intent)) return this.draft(ctx, procedure, draft, intent)

    const result = await saveWorkflowVersion(procedure, draft, {
      createdBy: auth.user?.id ?? null,
      minutesPerWorkingDay: minutesPerDay,
    })
    if (!result.saved) {
      if (isHtmx(ctx)) {
        response.status(422)
        return this.renderEditor(ctx, procedure, draft, { violations: result.violations })
      }
      session.flash('workflowDraft', draft)
      session.flash('workflowErrors', result.violations)
      session.flash('errorsBag', { workflow: i18n.t('workflows.refused', { count: result.violations.length }) })
      return response.redirect().status(303).toPath(pagePath(procedure))
    }
    session.flash('notice', i18n.t('workflows.saved', { version: result.workflow.version }))
    if (isHtmx(ctx)) {
      response.header('HX-Redirect', pagePath(procedure))
      return ''
    }
    return response.redirect().status(303).toPath(pagePath(procedure))
  }

  /** POST …/quy-trinh/kiem-tra: the live check of the rules, as a fragment (OS-3.2). */
  async check(ctx: HttpContext) {
    const { params, request, response, bouncer } = ctx
    await bouncer.authorize('editCatalog')
    const procedure = await findProcedure(params.id)
    const draft = workflowFromForm(request.all(), (await minutesPerWorkingDay()))
    if (!isHtmx(ctx)) return this.draft(ctx, procedure, draft, 'check')
    const violations = await workflowViolations(procedure, draft, (await minutesPerWorkingDay()))
    response.status(violations.length ? 422 : 200)
    return ctx.view.render('catalog::pages/admin/workflows/check', { violations })
  }

  /** Adds a spare row or checks the draft, saving nothing; the editor alone for htmx. */
  private async draft(ctx: HttpContext, procedure: Procedure, draft: WorkflowDefinition, intent: string) {
    const violations = await workflowViolations(procedure, draft, (await minutesPerWorkingDay()))
    const extra = { steps: intent === 'add_step' ? 1 : 0, transitions: intent === 'add_transition' ? 1 : 0 }
    if (isHtmx(ctx)) return this.renderEditor(ctx, procedure, draft, { violations, extra })
    return this.renderPage(ctx, procedure, draft, { violations, extra, isDraft: true })
  }

  private async renderPage(
    ctx: HttpContext,
    procedure: Procedure,
    draft: WorkflowDefinition,
    state: EditorState & { chosenTemplate?: string; isDraft?: boolean }
  ) {
    const { i18n, view } = ctx
    const current = await currentWorkflow(procedure)
    const history = await workflowHistory(procedure)
    const departments = await departmentNames()
    const minutesPerDay = (await minutesPerWorkingDay())
    const diagram = current ? await diagramOfWorkflow(current, procedure, i18n, minutesPerDay, departments) : null
    return view.render('catalog::pages/admin/workflows/show', {
      ...(await await this.editorData(ctx, procedure, draft, departments, state)),
      current,
      history,
      diagram,
      templates: WORKFLOW_TEMPLATES,
      chosenTemplate: state.chosenTemplate ?? '',
      deadline: {
        days: formatWorkingDays(Number(procedure.legalDeadlineDays)),
        minutes: legalDeadlineMinutes({ legalDeadlineDays: Number(procedure.legalDeadlineDays), minutesPerWorkingDay: minutesPerDay }),
        day: minutesPerDay,
      },
    })
  }

  private async renderEditor(ctx: HttpContext, procedure: Procedure, draft: WorkflowDefinition, state: EditorState) {
    const departments = await departmentNames()
    return ctx.view.render('catalog::pages/admin/workflows/editor', await this.editorData(ctx, procedure, draft, departments, state))
  }

  private async editorData(
    ctx: HttpContext,
    procedure: Procedure,
    draft: WorkflowDefinition,
    departments: Map<number, string>,
    state: EditorState
  ) {
    const { i18n } = ctx
    const minutesPerDay = (await minutesPerWorkingDay())
    const blankStep = { key: '', name: '', kind: '', departmentId: null, role: null, timeLimitMinutes: 0, entryChannels: [] }
    const blankTransition = { from: '', to: '', action: '', statusCode: '', requiresReason: false, requiresAttachment: false }
    const steps = [
      ...draft.steps,
      ...Array.from({ length: SPARE_STEPS + (state.extra?.steps ?? 0) }, () => ({ ...blankStep })),
    ].map((step) => ({ ...step, limit: splitMinutes(step.timeLimitMinutes, minutesPerDay) }))
    const transitions = [
      ...draft.transitions.map((transition) => ({ ...transition, to: transition.to ?? '' })),
      ...Array.from({ length: SPARE_TRANSITIONS + (state.extra?.transitions ?? 0) }, () => ({ ...blankTransition })),
    ]
    const statusCodes = { ...STATUS_LABELS }
    for (const transition of draft.transitions) {
      if (transition.statusCode && !(transition.statusCode in statusCodes)) statusCodes[transition.statusCode] = transition.statusCode
    }
    return {
      procedure,
      action: pagePath(procedure),
      workflowName: draft.name || procedure.name,
      steps,
      transitions,
      stepChoices: draft.steps.map((step) => ({ value: step.key, label: step.name || step.key })),
      kinds: STEP_KINDS.map((kind) => ({ value: kind, label: i18n.t(`workflows.kinds.${kind}`) })),
      roles: STEP_ROLES.map((role) => ({ value: role, label: i18n.t(`staff.roles.${role}`) })),
      departments: [...departments].map(([value, label]) => ({ value, label })),
      statuses: Object.entries(statusCodes).map(([value, label]) => ({ value, label })),
      violations: state.violations ?? null,
      focusRow: state.extra?.steps ? `step-${draft.steps.length}` : state.extra?.transitions ? `transition-${draft.transitions.length}` : '',
    }
  }
}

interface EditorState {
  violations?: WorkflowViolation[] | null
  extra?: { steps: number; transitions: number }
}

function pagePath(procedure: Procedure) {
  return `/quan-tri/thu-tuc/${procedure.id}/quy-trinh`
}

function isHtmx(ctx: HttpContext) {
  return ctx.request.header('hx-request') === 'true'
}

/** The length of the tenant's working day, from its working calendar. */
async function minutesPerWorkingDay() {
  return (await loadWorkingCalendar()).minutesPerWorkingDay
}
