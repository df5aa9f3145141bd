import type { HttpContext } from '@adonisjs/core/http'
import { DEFAULT_WITHIN_DAYS, readCriteria, searchUrl } from '#processing/oversight/search/criteria'
import { dossierWithCode, searchDossiers } from '#processing/oversight/search/dossier_search'
import { dossierDirection } from '#processing/oversight/direction/dossier_direction'

/** Dossiers nearing their deadline listed on the direction view; the rest are in the search. */
const NEARING_SHOWN = 25

/** OS-20.1(d): the leaders' direction view. */
export default class DirectionController {
  /** The code box and the dossiers nearing their deadline; a known code opens its dossier. */
  async index({ request, response, view, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('directProcessing')
    const code = String(request.input('ma', '') ?? '').normalize('NFC').trim().slice(0, 60)
    let codeError: string | null = null
    if (code) {
      const found = await dossierWithCode(code)
      if (found) return response.redirect().withQs(false).toPath(`/mot-cua/dieu-hanh/${found.id}`)
      codeError = i18n.t('oversight.direction.not_found')
    }
    const nearing = { deadline: 'due_within', within: String(DEFAULT_WITHIN_DAYS), sort: 'appointment' }
    const { rows, paginator } = await searchDossiers(readCriteria(nearing).filters, 1)
    return view.render('processing::oversight/direction/index', {
      code,
      codeError,
      nearing: rows.slice(0, NEARING_SHOWN),
      nearingTotal: paginator.total,
      nearingHref: searchUrl(nearing),
      overdueHref: searchUrl({ deadline: 'overdue', sort: 'appointment' }),
      withinDays: DEFAULT_WITHIN_DAYS,
    })
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.authorize('directProcessing')
    return view.render('processing::oversight/direction/show', { direction: await dossierDirection(Number(params.id)) })
  }
}
