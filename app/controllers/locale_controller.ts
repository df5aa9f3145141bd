import i18nManager from '@adonisjs/i18n/services/main'
import type { HttpContext } from '@adonisjs/core/http'
import { LOCALE_COOKIE } from '#middleware/detect_locale_middleware'
import { safeReturnPath } from '#http/safe_return_path'

export default class LocaleController {
  update({ request, response }: HttpContext) {
    const locale = request.input('locale')
    if (i18nManager.supportedLocales().includes(locale)) {
      response.cookie(LOCALE_COOKIE, locale, { maxAge: 60 * 60 * 24 * 365, httpOnly: true, sameSite: 'lax' })
    }
    return response.redirect(safeReturnPath(request.input('return_to')))
  }
}
