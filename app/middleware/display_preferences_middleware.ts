import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { displayPreferencesFrom } from '#http/display_preferences'

/** Applies the visitor's font size and contrast choice to every page (OL-17). */
export default class DisplayPreferencesMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const preferences = displayPreferencesFrom(ctx.request.cookie('display'))
    ctx.view.share({
      displayClasses: preferences.classes,
      highContrast: preferences.highContrast,
    })
    return next()
  }
}
