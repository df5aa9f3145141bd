import type { HttpContext } from '@adonisjs/core/http'
import { homePageData } from '#portal/index'

/** The portal's static pages; each later issue replaces its page with a module's own. */
export default class PortalPagesController {
  async home({ view }: HttpContext) {
    return view.render('pages/portal/home', await homePageData())
  }

  about({ view }: HttpContext) {
    return view.render('pages/portal/about')
  }

  sitemap({ view }: HttpContext) {
    return view.render('pages/portal/sitemap')
  }
}
