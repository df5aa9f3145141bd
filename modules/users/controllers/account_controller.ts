import type { HttpContext } from '@adonisjs/core/http'

/** The applicant's own account page: the identity they registered with. */
export default class AccountController {
  show({ view, auth }: HttpContext) {
    return view.render('users::pages/account', { user: auth.user! })
  }
}
