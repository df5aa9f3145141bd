import type { HttpContext } from '@adonisjs/core/http'
import { issueCaptcha } from '#users/services/captcha'

export default class CaptchaController {
  show({ response, session }: HttpContext) {
    response.header('Content-Type', 'image/svg+xml; charset=utf-8')
    response.header('Cache-Control', 'no-store')
    return response.send(issueCaptcha(session))
  }
}
