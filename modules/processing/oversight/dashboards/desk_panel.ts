/*
 * The oversight panel of the officer's desk (/mot-cua): the quick code lookup (NF-16), the
 * reminders of new and overdue work (OS-22.5) and the counts of each role the officer holds
 * (OS-22.1–22.4). Registered with the users module's desk when the routes are mounted.
 */
import type { HttpContext } from '@adonisjs/core/http'
import type { User } from '#users/index'
import { deskDashboard } from '#processing/oversight/dashboards/desk_dashboard'
import { countUnseenReminders, unseenRemindersOf } from '#processing/services/reminders'

/** How many reminders the desk lists; the rest are counted. */
export const DESK_REMINDERS = 10

export async function oversightDeskPanel({ view }: HttpContext, officer: User) {
  if (!officer.isOfficer) return null
  return view.render('processing::oversight/dashboards/panel', {
    sections: await deskDashboard(officer),
    reminders: await unseenRemindersOf(officer, DESK_REMINDERS),
    unseen: await countUnseenReminders(officer),
  })
}
