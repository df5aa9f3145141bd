import type { HttpContext } from '@adonisjs/core/http'
import {
  PROCEDURE_STATUSES,
  agencyChoices,
  findProcedure,
  findProcedureWithDetails,
  groupChoices,
  pageOf,
  procedureFiltersFrom,
  searchProcedures,
  sectorChoices,
} from '#catalog/queries/procedure_directory'
import { procedureFormMessages, procedureValidator, ONLINE_LEVELS } from '#catalog/validators/procedure_validator'
import {
  applyRowAction,
  formStateFromInput,
  formStateOf,
  rowsAsInput,
  type ProcedureFormState,
} from '#catalog/validators/procedure_form'
import { createProcedure, updateProcedure } from '#catalog/actions/save_procedure'
import { ADMINISTRATIVE_LEVELS, APPLICANT_TYPES, CHANNELS, SUPPLEMENT_CLOCKS } from '#catalog/models/procedure'
import { currentWorkflowDiagram } from '#catalog/services/procedure_workflow_diagram'

/**
 * A request from htmx that swaps part of the page gets the fragment; a page load, a
 * back/forward restore or a plain browser gets the full page.
 */
export function wantsFragment({ request }: HttpContext) {
  return (
    request.header('hx-request') === 'true' &&
    request.header('hx-history-restore-request') !== 'true' &&
    request.header('hx-request-type') !== 'full'
  )
}

/** OS-1.2: the tenant's procedures as its admins list, define and edit them. */
export default class ProceduresController {
  async index(ctx: HttpContext) {
    const { request, response, view, bouncer } = ctx
    await bouncer.authorize('editCatalog')
    const filters = procedureFiltersFrom(request.qs())
    const procedures = await searchProcedures(filters, pageOf(request.qs()))
    // The same URL answers with the page or, for htmx, the results alone: caches must tell them apart.
    response.header('Vary', 'HX-Request, HX-Request-Type')
    const state = {
      procedures,
      filters,
      sectors: await sectorChoices(),
      levels: ONLINE_LEVELS,
      statuses: PROCEDURE_STATUSES,
      hasFilters: Object.values(filters).some((value) => value !== ''),
    }
    if (wantsFragment(ctx)) return view.render('catalog::pages/admin/procedures/_results', state)
    return view.render('catalog::pages/admin/procedures/index', state)
  }

  async create(ctx: HttpContext) {
    await ctx.bouncer.authorize('editCatalog')
    return ctx.view.render('catalog::pages/admin/procedures/create', {
      ...(await this.formChoices()),
      form: this.formState(ctx, null),
    })
  }

  async store(ctx: HttpContext) {
    const { request, response, session, bouncer, i18n } = ctx
    await bouncer.authorize('editCatalog')
    if (this.rowAction(ctx)) return response.redirect().status(303).toPath('/quan-tri/thu-tuc/them')
    const details = await request.validateUsing(procedureValidator, {
      meta: { procedureId: null },
      messagesProvider: procedureFormMessages(i18n),
    })
    const procedure = await createProcedure(details)
    session.flash('notice', i18n.t('procedures.created', { name: procedure.name }))
    return response.redirect().status(303).toPath(`/quan-tri/thu-tuc/${procedure.id}`)
  }

  async show({ params, view, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const procedure = await findProcedureWithDetails(params.id)
    const diagram = await currentWorkflowDiagram(procedure, i18n)
    return view.render('catalog::pages/admin/procedures/show', { procedure, diagram })
  }

  async edit(ctx: HttpContext) {
    await ctx.bouncer.authorize('editCatalog')
    const procedure = await findProcedureWithDetails(ctx.params.id)
    return ctx.view.render('catalog::pages/admin/procedures/edit', {
      ...(await this.formChoices()),
      procedure,
      form: this.formState(ctx, procedure),
    })
  }

  async update(ctx: HttpContext) {
    const { params, request, response, session, bouncer, i18n } = ctx
    await bouncer.authorize('editCatalog')
    const procedure = await findProcedure(params.id)
    const formPath = `/quan-tri/thu-tuc/${procedure.id}/sua`
    if (this.rowAction(ctx)) return response.redirect().status(303).toPath(formPath)
    const details = await request.validateUsing(procedureValidator, {
      meta: { procedureId: procedure.id },
      messagesProvider: procedureFormMessages(i18n),
    })
    await updateProcedure(procedure, details)
    session.flash('notice', i18n.t('procedures.updated', { name: procedure.name }))
    return response.redirect().status(303).toPath(`/quan-tri/thu-tuc/${procedure.id}`)
  }

  /**
   * Without JavaScript, "add a component", "remove", "move up" and the fee buttons submit the
   * whole form: the rows are changed and the form comes back as typed, nothing is saved.
   */
  private rowAction({ request, session }: HttpContext) {
    const componentAction = request.input('component_action')
    const feeAction = request.input('fee_action')
    if (typeof componentAction !== 'string' && typeof feeAction !== 'string') return false
    const input: Record<string, unknown> = { ...request.body() }
    delete input._csrf
    delete input.component_action
    delete input.fee_action
    let focus = ''
    if (typeof componentAction === 'string') {
      const result = applyRowAction(input.components, componentAction, 'component')
      input.components = rowsAsInput(result.rows, 'c')
      focus = result.focus
    }
    if (typeof feeAction === 'string') {
      const result = applyRowAction(input.fees, feeAction, 'fee')
      input.fees = rowsAsInput(result.rows, 'f')
      focus = result.focus
    }
    session.flash('input', input)
    session.flash('procedure_form_focus', focus)
    return true
  }

  /** What the admin typed when the form comes back (errors, row actions), else the procedure. */
  private formState({ session }: HttpContext, procedure: Parameters<typeof formStateOf>[0]): ProcedureFormState {
    const input = session.flashMessages.get('input') as Record<string, unknown> | undefined
    if (input && input._form === 'procedure') {
      return formStateFromInput(
        input,
        (session.flashMessages.get('inputErrorsBag') ?? {}) as Record<string, string[]>,
        String(session.flashMessages.get('procedure_form_focus') ?? '')
      )
    }
    return formStateOf(procedure)
  }

  private async formChoices() {
    return {
      sectors: await sectorChoices(),
      groups: await groupChoices(),
      agencies: await agencyChoices(),
      channels: CHANNELS,
      applicantTypes: APPLICANT_TYPES,
      administrativeLevels: ADMINISTRATIVE_LEVELS,
      supplementClocks: SUPPLEMENT_CLOCKS,
      levels: ONLINE_LEVELS,
    }
  }
}
