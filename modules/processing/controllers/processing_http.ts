/* What the processing screens share: the dossier by id, the htmx fragment test, the portal link. */
import type { HttpContext } from '@adonisjs/core/http'
import { publicUrl } from '#http/public_url'
import { Dossier, typeList, sizeLabel, uploadLimits } from '#intake/index'
import { dossierPanel } from '#processing/services/dossier_view'
import { dossierSectionsFor } from '#processing/services/dossier_sections'

/** The dossier with this id in the current tenant, or a 404 (another tenant's id included). */
export function findDossier(id: unknown) {
  return Dossier.findOrFail(Number(id))
}

/** An htmx request for part of a page (not a history restore nor a full-page request). */
export function wantsFragment({ request }: HttpContext) {
  return (
    request.header('hx-request') === 'true' &&
    request.header('hx-history-restore-request') !== 'true' &&
    request.header('hx-request-type') !== 'full'
  )
}

/** The portal's lookup page for the dossier, absolute, for the applicant's email (PT-12). */
export function portalLookupUrl(ctx: HttpContext, code: string) {
  return publicUrl(ctx, `/tra-cuu?ma=${encodeURIComponent(code)}`)
}

export interface FailedForm {
  /** 'action-<transition id>' or 'assign'. */
  form: string
  errors: Record<string, string>
  values: Record<string, unknown>
}

export interface PanelState {
  status?: number
  notice?: string | null
  warning?: string | null
  failed?: FailedForm | null
}

/** The dossier page, or only its panel for htmx, in the state an action left it. */
export async function renderDossier(ctx: HttpContext, dossier: Dossier, state: PanelState = {}) {
  const limits = uploadLimits()
  const officer = ctx.auth.user!
  const panel = await dossierPanel(dossier, officer)
  const data = {
    panel,
    sections: await dossierSectionsFor(ctx, dossier, officer, panel.context),
    failed: state.failed ?? null,
    notice: state.notice ?? null,
    warning: state.warning ?? null,
    limits: { types: typeList(limits.types), max: sizeLabel(limits.maxMb) },
  }
  if (state.status) ctx.response.status(state.status)
  const fragment = wantsFragment(ctx)
  return ctx.view.render(fragment ? 'processing::dossier/_panel' : 'processing::dossier/show', data)
}
