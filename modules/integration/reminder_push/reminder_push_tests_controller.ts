import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { queueTestPush } from '#integration/reminder_push/reminder_push'
import { REMINDER_PUSH_PAGE } from '#integration/reminder_push/reminder_push_controller'

/** OS-22.6 "Gửi thử": a signed test message to the configured receiver, through the outbox. */
export default class ReminderPushTestsController {
  async store({ response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('configureIntegrations')
    const queued = await queueTestPush(DateTime.now())
    if (queued) session.flash('notice', i18n.t('integration.reminder_push.test_queued'))
    else session.flash('warning', i18n.t('integration.reminder_push.test_not_configured'))
    return response.redirect().status(303).toPath(REMINDER_PUSH_PAGE)
  }
}
