import i18nManager from '@adonisjs/i18n/services/main'
import type { I18n } from '@adonisjs/i18n'
import { RequestValidator, type HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

export const LOCALE_COOKIE = 'locale'

// Validation messages in the visitor's language (resources/lang/<locale>/validator.json).
RequestValidator.messagesProvider = (ctx) => ctx.i18n.createMessagesProvider()

/** Vietnamese unless the visitor switched to English (the choice is kept in a cookie). */
export default class DetectLocaleMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const chosen = ctx.request.cookie(LOCALE_COOKIE)
    const locale = i18nManager.supportedLocales().includes(chosen) ? chosen : i18nManager.defaultLocale
    ctx.i18n = i18nManager.locale(locale)
    ctx.view.share({ i18n: ctx.i18n })
    return next()
  }
}


declare module '@adonisjs/core/http' {
  interface HttpContext {
    i18n: I18n
  }
}
