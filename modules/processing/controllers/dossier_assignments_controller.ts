import type { HttpContext } from '@adonisjs/core/http'
import { Department } from '#users/index'
import { assignHandler } from '#processing/services/assignment'
import { ActionInvalidError, ActionRefusedError, DossierChangedError } from '#processing/services/errors'
import { candidatesFor, officerTitle } from '#processing/services/officers'
import { listDepartmentDossiers } from '#processing/services/queues'
import { loadWorkflowRuntime, type RuntimeStep } from '#processing/services/workflow_runtime'
import { actionFormMessages, assignmentValidator, firstMessages, returnPath } from '#processing/validators/action_form'
import { findDossier, renderDossier, wantsFragment } from '#processing/controllers/processing_http'

/** OS-7.1, OS-7.2: the department head's assignment list, and assigning or reassigning one dossier. */
export default class DossierAssignmentsController {
  /** GET /mot-cua/phan-cong */
  async index({ view, bouncer, auth, request, i18n }: HttpContext) {
    await bouncer.authorize('assignHandlers')
    const officer = auth.user!
    const department = officer.departmentId ? await Department.find(officer.departmentId) : null
    const page = Number(request.input('trang', 1)) || 1
    const list = await listDepartmentDossiers(officer, { page })

    const choices = new Map<number, Array<{ id: number; name: string }>>()
    const choicesFor = async (step: RuntimeStep) => {
      if (!choices.has(step.id)) {
        choices.set(step.id, (await candidatesFor(step)).map((candidate) => ({ id: candidate.id, name: officerTitle(candidate) })))
      }
      return choices.get(step.id)!
    }
    const rows = []
    for (const row of list.rows) {
      const runtime = row.workflowId ? await loadWorkflowRuntime(row.workflowId) : null
      const step = runtime?.step(row.currentStepKey) ?? null
      let form = null
      if (runtime && step?.kind === 'assignment') {
        // The transition that hands the dossier to a handler, with the handler chosen here.
        const transition = runtime.transitionsFrom(step.key).find((candidate) => candidate.toKey !== null && candidate.statusCode === 'dang_xu_ly')
        const next = runtime.step(transition?.toKey)
        if (transition && next) {
          form = {
            action: `/mot-cua/ho-so/${row.id}/hanh-dong`,
            transitionId: transition.id,
            label: transition.action,
            choices: await choicesFor(next),
          }
        }
      } else if (step) {
        form = {
          action: `/mot-cua/ho-so/${row.id}/phan-cong`,
          transitionId: null,
          label: row.holderName ? i18n.t('processing.assign.submit_reassign') : i18n.t('processing.assign.submit_assign'),
          choices: await choicesFor(step),
        }
      }
      rows.push({ row, form })
    }
    return view.render('processing::assignment/index', {
      department,
      list,
      rows,
      hrefOf: (number: number) => `/mot-cua/phan-cong?trang=${number}`,
    })
  }

  /** POST /mot-cua/ho-so/:id/phan-cong */
  async store(ctx: HttpContext) {
    const { request, bouncer, auth, i18n, session, response } = ctx
    await bouncer.authorize('useOneStop')
    const dossier = await findDossier(ctx.params.id)
    const values = request.only(['assignee_id', 'comment'])
    const [error, data] = await request.tryValidateUsing(assignmentValidator, { messagesProvider: actionFormMessages(i18n) })
    if (error) {
      const errors = firstMessages(error)
      if (errors.lock_version) return renderDossier(ctx, dossier, { status: 422, warning: errors.lock_version })
      return renderDossier(ctx, dossier, {
        status: 422,
        warning: i18n.t('processing.assign.invalid'),
        failed: { form: 'assign', errors, values },
      })
    }
    let result
    try {
      result = await assignHandler({
        dossier,
        expectedLockVersion: data.lock_version,
        actor: auth.user!,
        assigneeId: data.assignee_id,
        comment: data.comment,
      })
    } catch (failure) {
      const fresh = await findDossier(dossier.id)
      if (failure instanceof DossierChangedError) {
        return renderDossier(ctx, fresh, { status: 409, warning: i18n.t('processing.actions.stale') })
      }
      if (failure instanceof ActionRefusedError) {
        return renderDossier(ctx, fresh, { status: failure.status, warning: failure.message })
      }
      if (failure instanceof ActionInvalidError) {
        return renderDossier(ctx, fresh, {
          status: 422,
          warning: i18n.t('processing.assign.invalid'),
          failed: { form: 'assign', errors: failure.fields, values },
        })
      }
      throw failure
    }
    const notice = i18n.t('processing.assign.done', { name: officerTitle(result.assignee), code: result.dossier.code })
    if (wantsFragment(ctx)) return renderDossier(ctx, result.dossier, { notice })
    session.flash('notice', notice)
    return response.redirect().status(303).toPath(returnPath(data.return_to) ?? `/mot-cua/ho-so/${dossier.id}`)
  }
}
