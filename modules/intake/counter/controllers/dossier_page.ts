/* The counter's page of one dossier, rendered by its GET and by the decisions when they are refused. */
import type { HttpContext } from '@adonisjs/core/http'
import Dossier from '#intake/models/dossier'
import { dossierSheet } from '#intake/counter/services/dossier_sheet'
import { slipKindsFor } from '#intake/documents/slips'
import { statusLabel } from '#intake/counter/services/status_labels'
import { AWAITING_SUPPLEMENT, awaitsIntakeDecision } from '#intake/counter/services/intake_decisions'

/** A refused decision form: which one, its messages by field and what was typed. */
export interface FailedForm {
  form: 'accept' | 'supplement' | 'refuse' | 'record'
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
    statusLabel,
    awaitingIntake: await awaitsIntakeDecision(dossier),
    awaitingSupplement: dossier.statusCode === AWAITING_SUPPLEMENT,
    problem: options.problem ?? null,
    failed: options.failed ?? null,
  })
}
