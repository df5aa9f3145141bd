import type { HttpContext } from '@adonisjs/core/http'
import { recentPushes } from '#integration/reminder_push/reminder_push'
import { reminderPushSetting, saveReminderPushSetting } from '#integration/reminder_push/reminder_push_settings'
import { MIN_SECRET_LENGTH, reminderPushMessages, reminderPushValidator } from '#integration/reminder_push/reminder_push_validator'

export const REMINDER_PUSH_PAGE = '/quan-tri/ket-noi/nhac-viec'

/** OS-22.6: the admin's screen for pushing reminders into another internal system. */
export default class ReminderPushController {
  async show({ view, bouncer }: HttpContext) {
    await bouncer.authorize('configureIntegrations')
    return view.render('integration::reminder_push/show', {
      setting: await reminderPushSetting(),
      pushes: await recentPushes(),
      minSecretLength: MIN_SECRET_LENGTH,
    })
  }

  async update({ request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('configureIntegrations')
    const current = await reminderPushSetting()
    const [error, details] = await request.tryValidateUsing(reminderPushValidator, {
      messagesProvider: reminderPushMessages(i18n),
      meta: { hasSecret: current.hasSecret },
    })
    if (error) {
      // The default handler would flash every input back, the secret included, into the session store.
      session.flashValidationErrors(error, false)
      session.flashOnly(['url'])
      return response.redirect().toPath(REMINDER_PUSH_PAGE)
    }
    const url = details.url || null
    await saveReminderPushSetting({ url, secret: details.secret || null })
    session.flash('notice', i18n.t(url ? 'integration.reminder_push.saved_on' : 'integration.reminder_push.saved_off'))
    return response.redirect().status(303).toPath(REMINDER_PUSH_PAGE)
  }
}
