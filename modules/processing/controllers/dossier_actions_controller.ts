import type { HttpContext } from '@adonisjs/core/http'
import { performAction } from '#processing/services/engine'
import { ActionInvalidError, ActionRefusedError, DossierChangedError } from '#processing/services/errors'
import { actionFormMessages, actionValidator, firstMessages, requestedPapers, returnPath } from '#processing/validators/action_form'
import { findDossier, portalLookupUrl, renderDossier, wantsFragment } from '#processing/controllers/processing_http'

/**
 * POST /mot-cua/ho-so/:id/hanh-dong — one workflow action on the dossier (issue 5 item 7).
 * Done: a notice, then the dossier (a redirect, or the fresh panel for htmx). Refused: the
 * dossier as it now is with the reason (409 someone changed it, 403 not the officer's action,
 * 422 the form), nothing changed.
 */
export default class DossierActionsController {
  async store(ctx: HttpContext) {
    const { request, bouncer, auth, i18n, session, response } = ctx
    await bouncer.authorize('useOneStop')
    const dossier = await findDossier(ctx.params.id)
    const values = { ...request.only(['reason', 'comment', 'assignee_id', 'other_papers']), papers: [request.input('papers') ?? []].flat() }
    const transitionId = Number(request.input('transition_id'))
    const form = `action-${Number.isInteger(transitionId) ? transitionId : 0}`

    const [error, data] = await request.tryValidateUsing(actionValidator, { messagesProvider: actionFormMessages(i18n) })
    if (error) {
      const errors = firstMessages(error)
      if (errors.transition_id || errors.lock_version) {
        return renderDossier(ctx, dossier, { status: 422, warning: errors.transition_id ?? errors.lock_version })
      }
      return renderDossier(ctx, dossier, {
        status: 422,
        warning: i18n.t('processing.actions.invalid'),
        failed: { form, errors, values },
      })
    }

    const uploads = request.files('files').filter((file) => file.clientName && file.size > 0)
    let result
    try {
      result = await performAction(
        {
          dossier,
          transitionId: data.transition_id,
          expectedLockVersion: data.lock_version,
          actor: auth.user!,
          reason: data.reason,
          comment: data.comment,
          assigneeId: data.assignee_id,
          papers: requestedPapers(request.input('papers'), data.other_papers),
          uploads,
        },
        { portalUrl: portalLookupUrl(ctx, dossier.code) }
      )
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
          warning: i18n.t('processing.actions.invalid'),
          failed: { form, errors: failure.fields, values },
        })
      }
      throw failure
    }

    const notice = i18n.t('processing.actions.done', { action: result.transition.action, code: result.dossier.code })
    if (wantsFragment(ctx)) return renderDossier(ctx, result.dossier, { notice })
    session.flash('notice', notice)
    return response.redirect().status(303).toPath(returnPath(data.return_to) ?? `/mot-cua/ho-so/${dossier.id}`)
  }
}
