import type { HttpContext } from '@adonisjs/core/http'
import {
  ADMINISTRATIVE_LEVELS,
  ONLINE_LEVELS,
  agenciesWithServices,
  findPublishedService,
  hasFilters,
  pageFrom,
  searchServices,
  sectorsWithServices,
  serviceFiltersFrom,
  servicesOfSector,
} from '#portal/services/service_search'
import { applyPath, parseServiceRef, sectorPath, servicePath } from '#portal/services/service_urls'
import {
  deadlineLabel,
  fileSizeLabel,
  fileTypeLabel,
  governmentServiceJsonLd,
  serviceDescription,
} from '#portal/services/service_presenter'
import { publicUrl } from '#http/public_url'
import { currentWorkflowText } from '#catalog/index'
import { serviceFigures } from '#portal/figures/service_figures'
import { figureLines } from '#portal/figures/figures_presenter'

/**
 * A request from htmx that swaps part of the page gets the fragment; a page load, a back/forward
 * restore (htmx 4 re-fetches the full page) or a plain browser gets the whole page.
 */
function wantsFragment({ request }: HttpContext) {
  return (
    request.header('hx-request') === 'true' &&
    request.header('hx-history-restore-request') !== 'true' &&
    request.header('hx-request-type') !== 'full'
  )
}

/** PT-3, PT-10, OL-5, OL-6: the citizen's catalogue of online public services. */
export default class ServicesController {
  /** `/dich-vu-cong`: every published service, searched and filtered from the query string. */
  async index(ctx: HttpContext) {
    const { request, response, view } = ctx
    const filters = serviceFiltersFrom(request.qs())
    const services = await searchServices(filters, pageFrom(request.qs()))
    // The same URL answers with the page or, for htmx, the results alone: caches must tell them apart.
    response.header('Vary', 'HX-Request, HX-Request-Type')
    const state = { services, filters, filtered: hasFilters(filters), servicePath, deadlineLabel: this.deadline(ctx) }
    if (wantsFragment(ctx)) return view.render('portal::pages/services/_results', state)
    return view.render('portal::pages/services/index', {
      ...state,
      sectors: await sectorsWithServices(),
      agencies: await agenciesWithServices(),
      levels: ONLINE_LEVELS,
      administrativeLevels: ADMINISTRATIVE_LEVELS,
    })
  }

  /** `/dich-vu-cong/linh-vuc/:code`: all of a sector's services on one page (two clicks from home). */
  async sector(ctx: HttpContext) {
    const found = await servicesOfSector(String(ctx.params.code))
    if (!found || found.services.length === 0) return ctx.response.notFound(await ctx.view.render('pages/errors/not_found'))
    return ctx.view.render('portal::pages/services/sector', {
      ...found,
      servicePath,
      sectorPath,
      deadlineLabel: this.deadline(ctx),
    })
  }

  /** `/dich-vu-cong/:id-:slug`: everything a level-1 service must tell (OL-5), with its forms. */
  async show(ctx: HttpContext) {
    const { params, response, view, i18n, tenant, auth } = ctx
    const ref = parseServiceRef(String(params.ref))
    const found = ref ? await findPublishedService(ref.id) : null
    if (!ref || !found) return response.notFound(await view.render('pages/errors/not_found'))
    const { procedure, formTemplates } = found
    const canonical = servicePath(procedure)
    if (ctx.request.url() !== canonical) {
      return response.redirect().withQs(false).status(301).toPath(canonical)
    }
    const apply = procedure.onlineLevel >= 3 ? applyPath(procedure) : null
    const workflow = await currentWorkflowText(procedure, i18n)
    const figures = await serviceFigures(procedure.id)
    return view.render('portal::pages/services/show', {
      procedure,
      formTemplates: formTemplates.map((template) => ({
        id: template.id,
        name: template.name,
        type: fileTypeLabel(template),
        size: fileSizeLabel(template.sizeBytes),
      })),
      workflowSteps: workflow?.steps ?? [],
      deadline: deadlineLabel(i18n, procedure.legalDeadlineDays),
      description: serviceDescription(i18n, procedure, tenant),
      sectorHref: sectorPath(procedure.sector),
      // Applying needs an account (PT-6.1): a visitor logs in first and comes back to the form.
      applyHref: apply ? (auth.user ? apply : `/dang-nhap?return_to=${encodeURIComponent(apply)}`) : null,
      jsonLd: governmentServiceJsonLd(i18n, procedure, tenant, { page: publicUrl(ctx, canonical) }),
      figures: { year: String(figures.year), lines: figureLines(i18n, figures, procedure.onlineLevel) },
    })
  }

  private deadline({ i18n }: HttpContext) {
    return (days: number) => deadlineLabel(i18n, days)
  }
}
