import type { HttpContext } from '@adonisjs/core/http'
import { deskPanelsFor } from '#users/services/desk_panels'

/** The officer's desk: who they are, where they sit and what they may do. */
export default class OneStopHomeController {
  async show(ctx: HttpContext) {
    const { view, auth, bouncer } = ctx
    await bouncer.authorize('useOneStop')
    const officer = auth.user!
    await officer.load('department')
    return view.render('users::pages/one_stop_home', { officer, panels: await deskPanelsFor(ctx, officer) })
  }
}
