import type { HttpContext } from '@adonisjs/core/http'
import { takeCaptchaAnswer } from '#users/index'
import { findPublicDossierStatus, lookupLimiter } from '#portal/lookup/dossier_lookup'
import { lookupMessages, lookupValidator } from '#portal/lookup/lookup_validator'

/** PT-12.1: look a dossier up by its code, behind a captcha and a per-address budget. */
export default class LookupController {
  /** `/tra-cuu`, or `/tra-cuu?ma=<code>` from the QR code of a printed slip (code prefilled). */
  create({ request, view }: HttpContext) {
    const code = String(request.qs().ma ?? '').trim().slice(0, 60)
    return view.render('portal::lookup/show', { code })
  }

  async store({ request, response, session, view, i18n }: HttpContext) {
    const allowed = await lookupLimiter().attempt(`dossier-lookup:${request.ip()}`, () => true)
    if (!allowed) {
      response.status(429)
      return view.render('portal::lookup/show', { code: '', tooMany: true })
    }

    // The captcha is spent and checked first: a wrong one redirects back before any query.
    const { code } = await request.validateUsing(lookupValidator, {
      meta: { captchaAnswer: takeCaptchaAnswer(session) },
      messagesProvider: lookupMessages(i18n),
    })
    const result = await findPublicDossierStatus(code)
    return view.render('portal::lookup/show', { code, result, notFound: !result })
  }
}
