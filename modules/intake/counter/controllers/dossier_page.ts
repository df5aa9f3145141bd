/* The counter's page of one dossier, rendered by its GET and by the decisions when they are refused. */
import type { HttpContext } from '@adonisjs/core/http'
import Dossier from '#intake/models/dossier'
import { dossierSheet } from '#intake/counter/services/dossier_sheet'
import { slipKindsFor } from '#intake/documents/slips'
import { statusLabelFunction } from '#intake/services/status_labels'
import { AWAITING_SUPPLEMENT, awaitsIntakeDecision } from '#intake/counter/services/intake_decisions'
import { STATUS_FOR_ACTION } from '#intake/applicant/applicant_dossiers'

/** A refused decision form: which one, its messages by field and what was typed. */
export interface FailedForm {
  form: 'accept' | 'supplement' | 'refuse' | 'record' | 'withdraw'
  errors: Record<string, string[]>
  values: Record<string, unknown>
}

/** The dossier with this id in the current tenant, or a 404 (another tenant's id included). */
export function findDossier(id: unknown) {
  return Dossier.findOrFail(Number(id))
}

export async function renderDossierPage(
  ctx: HttpContext,
  dossier: Dossier,
  options: { status?: number; problem?: string | null; failed?: FailedForm | null } = {}
) {
  ctx.response.status(options.status ?? 200)
  return ctx.view.render('intake::counter/dossier', {
    dossier,
    ...(await dossierSheet(dossier)),
    slips: await slipKindsFor(dossier),
    statusLabel: await statusLabelFunction(),
    awaitingIntake: await awaitsIntakeDecision(dossier),
    awaitingSupplement: dossier.statusCode === AWAITING_SUPPLEMENT,
    // OS-5.8: an online dossier not accepted yet may be withdrawn at the applicant's request, and restored.
    mayWithdraw: dossier.statusCode === STATUS_FOR_ACTION.withdraw,
    mayRestore: dossier.statusCode === STATUS_FOR_ACTION.restore,
    problem: options.problem ?? null,
    failed: options.failed ?? null,
  })
}
