import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import { countUnseenReminders, unseenRemindersOf } from '#processing/index'
import { markAllRemindersSeen, markReminderSeen } from '#processing/services/reminders'
import { DESK_REMINDERS } from '#processing/oversight/dashboards/desk_panel'
import { wantsFragment } from '#processing/oversight/fragments'

/** OS-22.5: the officer marks their reminders seen; another officer's reminder is not found. */
export default class RemindersController {
  async seen(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    await markReminderSeen(ctx.auth.user!, Number(ctx.params.id), DateTime.now())
    return this.answer(ctx)
  }

  async allSeen(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    await markAllRemindersSeen(ctx.auth.user!, DateTime.now())
    return this.answer(ctx)
  }

  /** htmx gets the reminders again; a plain form goes back to the desk. */
  private async answer(ctx: HttpContext) {
    const officer = ctx.auth.user!
    if (!wantsFragment(ctx)) return ctx.response.redirect().status(303).toPath('/mot-cua')
    return ctx.view.render('processing::oversight/dashboards/_reminders', {
      reminders: await unseenRemindersOf(officer, DESK_REMINDERS),
      unseen: await countUnseenReminders(officer),
    })
  }
}
