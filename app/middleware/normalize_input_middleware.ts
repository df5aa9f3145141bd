import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { normalizeToNfc } from '#services/unicode'

/** Vietnamese typed on different keyboards arrives composed or decomposed; store NFC (NF-11). */
export default class NormalizeInputMiddleware {
  handle({ request }: HttpContext, next: NextFn) {
    request.updateBody(normalizeToNfc(request.body()))
    request.updateQs(normalizeToNfc(request.qs()))
    return next()
  }
}
