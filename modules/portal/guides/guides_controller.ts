import type { HttpContext } from '@adonisjs/core/http'
import { searchUrl } from '#portal/services/service_search'

/** The number of steps in the guide to applying online (texts in guides.json). */
const APPLY_STEPS = [1, 2, 3, 4, 5, 6, 7]
const LEVELS = [1, 2, 3, 4]

/** PT-7.1, PT-2.1, OL-5: guidance pages in plain Vietnamese. */
export default class GuidesController {
  /** `/huong-dan`: how to apply online, step by step. */
  index({ view }: HttpContext) {
    return view.render('portal::guides/index', { steps: APPLY_STEPS })
  }

  /** `/huong-dan/muc-do-dich-vu`: what each online service level lets a person do. */
  levels({ view }: HttpContext) {
    return view.render('portal::guides/levels', {
      levels: LEVELS.map((level) => ({ level, href: searchUrl({ level: String(level) }) })),
    })
  }
}
