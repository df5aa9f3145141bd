import type { HttpContext } from '@adonisjs/core/http'

/** The portal's static pages; each later issue replaces its page with a module's own. */
export default class PortalPagesController {
  home({ view }: HttpContext) {
    return view.render('pages/portal/home')
  }

  about({ view }: HttpContext) {
    return view.render('pages/portal/about')
  }

  sitemap({ view }: HttpContext) {
    return view.render('pages/portal/sitemap')
  }
}
