import type { HttpContext } from '@adonisjs/core/http'
import { notificationPreferencesValidator } from '#portal/account/validators'

/** PT-5.2: the channels the applicant wants dossier notices on, besides the portal itself. */
export default class NotificationPreferencesController {
  async edit({ view, auth, bouncer }: HttpContext) {
    await bouncer.authorize('keepApplicantAccount')
    return view.render('portal::account/notifications', { user: auth.user! })
  }

  async update({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('keepApplicantAccount')
    const user = auth.user!
    const input = await request.validateUsing(notificationPreferencesValidator)
    if (input.notify_by_sms && !user.phone) {
      session.flash('inputErrorsBag', { notify_by_sms: [i18n.t('account_settings.notifications.sms_needs_phone')] })
      return response.redirect('/tai-khoan/thong-bao')
    }
    user.merge({ notifyByEmail: !!input.notify_by_email, notifyBySms: !!input.notify_by_sms })
    await user.save()
    session.flash('notice', i18n.t('account_settings.notifications.saved'))
    return response.redirect('/tai-khoan/thong-bao')
  }
}
