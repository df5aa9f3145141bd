/*
 * What the special screens' controllers share. Each screen is one page of one dossier (or one
 * list) with its forms; a form posts, and then:
 * - done: a notice and a 303 back to the screen, which shows the new state;
 * - refused by the domain: the screen again, with the dossier as it now is and why (409 someone
 *   changed it meanwhile, 403 not this officer's action or not at this step, 422 the form's
 *   messages at their fields), nothing changed;
 * - an id of another tenant (or none): 404.
 */
import type { HttpContext } from '@adonisjs/core/http'
import { publicUrl } from '#http/public_url'
import type { Dossier } from '#intake/index'
import { ActionInvalidError, ActionRefusedError, DossierChangedError } from '#processing/services/errors'
import { findDossier, type SpecialActionInput, type SpecialActionOptions } from '#processing/special/services/dossier_action'
import { specialPath } from '#processing/special/services/panel'

/** A screen's state after a refused form: which form, the messages by field, what was typed. */
export interface ScreenState {
  status?: number
  problem?: string | null
  form?: string | null
  errors?: Record<string, string>
  values?: Record<string, unknown>
}

/** Renders a screen in a state (the GET passes none). */
export type ScreenRenderer = (state: ScreenState) => Promise<string>

/** Options for the services: the portal's lookup link of the dossier for the applicant's email. */
export function serviceOptions(ctx: HttpContext, dossier: Pick<Dossier, 'code'>): SpecialActionOptions {
  return { portalUrl: publicUrl(ctx, `/tra-cuu?ma=${encodeURIComponent(dossier.code)}`) }
}

/** Runs a form's action; on success flashes `notice` and redirects, else renders the refusal. */
export async function submitForm(
  ctx: HttpContext,
  form: string,
  work: () => Promise<unknown>,
  done: { notice: string; redirectTo: string },
  render: ScreenRenderer
) {
  const values = ctx.request.except(['_csrf', 'lock_version'])
  try {
    await work()
  } catch (failure) {
    if (failure instanceof ActionInvalidError) {
      ctx.response.status(422)
      return render({ status: 422, form, errors: failure.fields, values, problem: 'Thông tin chưa đúng; xem các ô được đánh dấu bên dưới.' })
    }
    if (failure instanceof DossierChangedError) {
      ctx.response.status(409)
      return render({ status: 409, problem: failure.message })
    }
    if (failure instanceof ActionRefusedError && failure.reason !== 'not_found') {
      ctx.response.status(403)
      return render({ status: 403, problem: failure.message })
    }
    throw failure
  }
  ctx.session.flash('notice', done.notice)
  return ctx.response.redirect().status(303).toPath(done.redirectTo)
}

/** A form of a dossier's special screen: what it sends besides the common input, and where it leads. */
export interface DossierForm<Input extends SpecialActionInput> {
  form: string
  /** The form's own fields (the dossier, lock_version and the officer are added). */
  fields: () => Omit<Input, keyof SpecialActionInput>
  notice: string
  /** The screen's part of the dossier's path (specialPath), where success redirects. */
  screen: string
  render: (dossierId: number, state: ScreenState) => Promise<string>
}

/**
 * The POST of a dossier's special screen: a one-stop officer, the dossier of this tenant, and the
 * action run with the lock_version the page was drawn with and the officer as actor.
 */
export async function submitDossierForm<Input extends SpecialActionInput>(
  ctx: HttpContext,
  action: (input: Input, options: SpecialActionOptions) => Promise<unknown>,
  screen: DossierForm<Input>
) {
  await ctx.bouncer.authorize('useOneStop')
  const dossier = await findDossier(ctx.params.id)
  return submitForm(
    ctx,
    screen.form,
    () =>
      action(
        {
          dossierId: dossier.id,
          expectedLockVersion: Number(ctx.request.input('lock_version')),
          actor: ctx.auth.user!,
          ...screen.fields(),
        } as Input,
        serviceOptions(ctx, dossier)
      ),
    { notice: screen.notice, redirectTo: specialPath(dossier.id, screen.screen) },
    (state) => screen.render(dossier.id, state)
  )
}

/** The typed value of a field of the refused form, else `fallback`. */
export function typedValue(state: ScreenState, form: string, name: string, fallback: unknown = '') {
  return state.form === form && state.values && name in state.values ? state.values[name] : fallback
}

/** The message of a field of the refused form. */
export function fieldError(state: ScreenState, form: string, name: string) {
  return state.form === form ? (state.errors?.[name] ?? null) : null
}

/** The uploads of a multi-file field, without the empty file a form sends when none is chosen. */
export function uploadsOf(ctx: HttpContext, field: string) {
  return ctx.request.files(field).filter((file) => file.clientName && file.size > 0)
}

/** A list of ids from a `name[]` field. */
export function idsOf(value: unknown): number[] {
  return [value]
    .flat()
    .map(Number)
    .filter((id) => Number.isSafeInteger(id) && id > 0)
}
