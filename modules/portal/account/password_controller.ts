import type { HttpContext } from '@adonisjs/core/http'
import { endOtherSessionsOf } from '#users/index'
import { checkCurrentPassword } from '#portal/account/current_password'
import { namespacedMessages } from '#portal/account/validation_messages'
import { passwordChangeValidator } from '#portal/account/validators'

/**
 * The account holder changes their password, giving the current one. The account's other
 * sessions end: whoever knew the old password is logged out everywhere else.
 */
export default class PasswordController {
  edit({ view }: HttpContext) {
    return view.render('portal::account/password')
  }

  async update({ request, response, session, auth, i18n }: HttpContext) {
    const user = auth.user!
    const input = await request.validateUsing(passwordChangeValidator, {
      messagesProvider: namespacedMessages(i18n, 'account_settings'),
    })
    const check = await checkCurrentPassword(user, input.current_password)
    if (check !== 'right') {
      session.flash('inputErrorsBag', { current_password: [i18n.t(`account_settings.current_password.${check}`)] })
      return response.redirect('/tai-khoan/mat-khau')
    }
    user.password = input.password
    await user.save()
    await endOtherSessionsOf(user, session.sessionId)
    session.flash('notice', i18n.t('account_settings.password.changed'))
    return response.redirect('/tai-khoan/mat-khau')
  }
}
