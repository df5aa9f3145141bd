import type { HttpContext } from '@adonisjs/core/http'
import {
  dossiersAwaitingIntake,
  dossiersAwaitingSupplement,
  pageFrom,
  queueCounts,
  queueFiltersFrom,
} from '#intake/counter/services/intake_queue'
import { DOSSIER_CHANNELS } from '#intake/models/dossier'
import { statusLabelFunction } from '#intake/services/status_labels'
import { wantsFragment } from '#intake/counter/controllers/counter_http'

/** OS-5.4, OS-6.1, OS-6.4: the counter's lists, with the same filters in a shareable URL. */
export default class IntakeQueueController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.authorize('receiveDossiers')
    const filters = queueFiltersFrom(ctx.request.qs())
    const { dossiers, procedures } = await dossiersAwaitingIntake(filters, pageFrom(ctx.request.qs()))
    dossiers.baseUrl('/mot-cua/tiep-nhan').queryString(this.queryOf(filters))
    return this.render(ctx, 'intake::counter/queue', 'intake::counter/_queue_results', { dossiers, procedures, filters })
  }

  async awaitingSupplement(ctx: HttpContext) {
    await ctx.bouncer.authorize('receiveDossiers')
    const filters = queueFiltersFrom(ctx.request.qs())
    const { dossiers, procedures, requests } = await dossiersAwaitingSupplement(filters, pageFrom(ctx.request.qs()))
    dossiers.baseUrl('/mot-cua/tiep-nhan/cho-bo-sung').queryString(this.queryOf(filters))
    return this.render(ctx, 'intake::counter/awaiting_supplement', 'intake::counter/_supplement_results', { dossiers, procedures, requests, filters })
  }

  /** The whole page, or for htmx only the results (the filter form swaps them in place). */
  private async render(ctx: HttpContext, page: string, results: string, state: Record<string, unknown>) {
    // The same URL answers with the page or the results alone: caches must tell them apart.
    ctx.response.header('Vary', 'HX-Request, HX-Request-Type')
    const shown = { ...state, statusLabel: await statusLabelFunction() }
    if (wantsFragment(ctx)) return ctx.view.render(results, shown)
    return ctx.view.render(page, { ...shown, counts: await queueCounts(), channels: DOSSIER_CHANNELS })
  }

  private queryOf(filters: { channel: string; code: string }) {
    return Object.fromEntries(
      Object.entries({ kenh: filters.channel, ma: filters.code }).filter(([, value]) => value !== '')
    )
  }
}
