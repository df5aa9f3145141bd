import type { HttpContext } from '@adonisjs/core/http'
import { endSessionOf, isSessionOf, openSessionsOf } from '#users/index'
import { deviceName } from '#portal/account/device_names'
import { AccountRecordNotFound } from '#portal/account/not_found'

/** NF-23: where the account is logged in, and ending a session elsewhere ("đăng xuất phiên này"). */
export default class SessionsController {
  async index({ view, auth, session }: HttpContext) {
    const sessions = await openSessionsOf(auth.user!)
    return view.render('portal::account/sessions', {
      sessions: sessions.map((record) => ({
        record,
        device: deviceName(record.userAgent),
        current: isSessionOf(record, session.sessionId),
      })),
    })
  }

  async destroy({ params, response, session, auth, i18n }: HttpContext) {
    const sessions = await openSessionsOf(auth.user!)
    const target = sessions.find((record) => record.id === Number(params.id))
    // This session ends with the logout button; another account's or an ended one is not found.
    if (!target || isSessionOf(target, session.sessionId) || !(await endSessionOf(auth.user!, target.id))) {
      throw new AccountRecordNotFound('No such open session of the account')
    }
    session.flash('notice', i18n.t('account_settings.sessions.ended'))
    return response.redirect('/tai-khoan/phien-dang-nhap')
  }
}
