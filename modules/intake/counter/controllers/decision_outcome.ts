/*
 * How a decision on a waiting dossier ends for the officer: done (a notice and back to the
 * dossier), or refused with the dossier's fresh state and a message saying why, nothing changed.
 */
import type { HttpContext } from '@adonisjs/core/http'
import type Dossier from '#intake/models/dossier'
import { DossierNotWaitingError, NoIntakeStepError, StaleDossierError } from '#intake/counter/services/intake_decisions'
import { statusLabelFunction } from '#intake/services/status_labels'
import { findDossier, renderDossierPage, type FailedForm } from '#intake/counter/controllers/dossier_page'
import { pageAfterDecision } from '#intake/counter/controllers/counter_http'

/** Done: the notice (and whether the applicant was emailed), then the dossier's page. */
export function decided(ctx: HttpContext, dossier: Dossier, notice: string, emailed = false) {
  ctx.session.flash('notice', emailed && dossier.applicantEmail ? `${notice} ${ctx.i18n.t('counter.notices.emailed')}` : notice)
  return ctx.response.redirect().status(303).toPath(pageAfterDecision(dossier))
}

/** Renders the refusal of a decision the domain turned down; rethrows anything else. */
export async function refused(ctx: HttpContext, dossier: Dossier, failure: unknown) {
  const fresh = await findDossier(dossier.id)
  if (failure instanceof StaleDossierError) {
    return renderDossierPage(ctx, fresh, { status: 409, problem: ctx.i18n.t('counter.errors.stale') })
  }
  if (failure instanceof DossierNotWaitingError) {
    return renderDossierPage(ctx, fresh, {
      status: 409,
      problem: ctx.i18n.t('counter.errors.not_waiting', { status: (await statusLabelFunction())(fresh.statusCode) }),
    })
  }
  if (failure instanceof NoIntakeStepError) {
    return renderDossierPage(ctx, fresh, { status: 422, problem: ctx.i18n.t('counter.errors.no_intake_step') })
  }
  throw failure
}

/** Renders the form's own validation messages (422). */
export function invalid(ctx: HttpContext, dossier: Dossier, failed: FailedForm) {
  return renderDossierPage(ctx, dossier, { status: 422, failed })
}
