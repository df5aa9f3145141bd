import type { HttpContext } from '@adonisjs/core/http'
import {
  CHANNELS,
  DEADLINE_FILTERS,
  INVOLVEMENTS,
  STAGES,
  STEP_KINDS,
  STEP_ROLES,
  hasCriteria,
  queryStringOf,
  readCriteria,
  SEARCH_PATH,
} from '#processing/oversight/search/criteria'
import { dossierWithCode, searchDossiers } from '#processing/oversight/search/dossier_search'
import { searchChoices } from '#processing/oversight/search/search_choices'
import { errorMessages, exportLinks, sortHeaders } from '#processing/oversight/search/search_page'
import { dossierPath, wantsFragment } from '#processing/oversight/fragments'

function pageOf(qs: Record<string, unknown>) {
  const page = Number(qs.page)
  return Number.isInteger(page) && page > 0 && page < 100000 ? page : 1
}

/** OS-23: the one-stop dossier search, for every officer; NF-16: a scanned code opens its dossier. */
export default class DossierSearchController {
  async index(ctx: HttpContext) {
    const { request, response, view, bouncer, i18n } = ctx
    await bouncer.authorize('useOneStop')
    const { criteria, filters, errors } = readCriteria(request.qs())
    const valid = Object.keys(errors).length === 0

    // A barcode scanner types the code and Enter: the exact code goes straight to its dossier.
    if (valid && filters.code) {
      const exact = await dossierWithCode(filters.code)
      if (exact) {
        // htmx follows HX-Redirect; the link is there for the moment before (an empty body would be a 204).
        if (wantsFragment(ctx)) {
          response.header('HX-Redirect', dossierPath(exact.id))
          return view.render('processing::oversight/search/_opening', { dossier: exact })
        }
        return response.redirect().withQs(false).toPath(dossierPath(exact.id))
      }
    }

    const result = valid ? await searchDossiers(filters, pageOf(request.qs())) : null
    result?.paginator.baseUrl(SEARCH_PATH).queryString(queryStringOf(criteria))
    // The same URL answers with the page or, for htmx, the results alone: caches must tell them apart.
    response.header('Vary', 'HX-Request, HX-Request-Type')
    const state = {
      criteria,
      errors: errorMessages(errors, i18n),
      result,
      hasCriteria: hasCriteria(criteria),
      sortHeaders: sortHeaders(criteria),
      exports: exportLinks(criteria),
    }
    if (wantsFragment(ctx)) return view.render('processing::oversight/search/_results', state)
    return view.render('processing::oversight/search/index', {
      ...state,
      choices: await searchChoices(),
      options: { stages: STAGES, steps: STEP_KINDS, roles: STEP_ROLES, channels: CHANNELS, deadlines: DEADLINE_FILTERS, involvements: INVOLVEMENTS },
    })
  }
}
