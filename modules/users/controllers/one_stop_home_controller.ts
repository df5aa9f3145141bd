import type { HttpContext } from '@adonisjs/core/http'

/** The officer's desk: who they are, where they sit and what they may do. */
export default class OneStopHomeController {
  async show({ view, auth, bouncer }: HttpContext) {
    await bouncer.authorize('useOneStop')
    const officer = auth.user!
    await officer.load('department')
    return view.render('users::pages/one_stop_home', { officer })
  }
}
