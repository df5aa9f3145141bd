import type { HttpContext } from '@adonisjs/core/http'
import {
  FONT_SIZES,
  displayCookieValue,
  displayPreferencesFrom,
  type FontSize,
} from '#http/display_preferences'
import { safeReturnPath } from '#http/safe_return_path'

const ONE_YEAR = 60 * 60 * 24 * 365

export default class DisplayPreferencesController {
  update({ request, response }: HttpContext) {
    const current = displayPreferencesFrom(request.cookie('display'))
    const fontSize = request.input('font_size')
    const next = {
      fontSize: FONT_SIZES.includes(fontSize) ? (fontSize as FontSize) : current.fontSize,
      highContrast: request.input('contrast') === 'toggle' ? !current.highContrast : current.highContrast,
    }
    response.cookie('display', displayCookieValue(next), { maxAge: ONE_YEAR, httpOnly: true, sameSite: 'lax' })
    return response.redirect(safeReturnPath(request.input('return_to')))
  }
}
