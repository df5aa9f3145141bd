import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { VIETNAM_ZONE } from '#services/vietnamese_format'
import { OVERRIDE_KINDS } from '#catalog/models/calendar_override'
import {
  addCalendarOverride,
  calendarYear,
  findCalendarOverride,
  removeCalendarOverride,
  saveCalendarSettings,
} from '#catalog/services/working_calendar'
import {
  MAX_WORKING_PERIODS,
  calendarFormMessages,
  calendarOverrideValidator,
  calendarSettingsValidator,
} from '#catalog/validators/calendar_validator'

const PAGE = '/quan-tri/lich-lam-viec'

/** The year asked for in `?nam=`, or the current year in Vietnam. */
function yearOf(query: Record<string, any>) {
  const asked = Number(query.nam)
  return Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : DateTime.now().setZone(VIETNAM_ZONE).year
}

/** Issue 3 item 6: the tenant's working days, office hours, holidays and admin overrides. */
export default class WorkingCalendarController {
  async show({ request, view, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const year = yearOf(request.qs())
    const { calendar, days } = await calendarYear(year)
    const periods = calendar.settings.workingPeriods
    return view.render('catalog::pages/admin/calendar/show', {
      year,
      days,
      settings: calendar.settings,
      minutesPerWorkingDay: calendar.minutesPerWorkingDay,
      // The saved periods, then empty rows up to the maximum, so one more can be added.
      periodRows: [...periods, ...Array.from({ length: Math.max(1, MAX_WORKING_PERIODS - periods.length) }, () => null)].slice(
        0,
        MAX_WORKING_PERIODS
      ),
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      kinds: OVERRIDE_KINDS,
    })
  }

  async update({ request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const details = await request.validateUsing(calendarSettingsValidator, {
      messagesProvider: calendarFormMessages(i18n),
    })
    await saveCalendarSettings({
      workingWeekdays: details.working_weekdays,
      workingPeriods: details.working_periods.map((period) => ({ start: period.start_time, end: period.end_time })),
    })
    session.flash('notice', i18n.t('calendar.settings_saved'))
    return response.redirect().status(303).toPath(PAGE)
  }

  async storeOverride({ request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const details = await request.validateUsing(calendarOverrideValidator, {
      messagesProvider: calendarFormMessages(i18n),
    })
    const override = await addCalendarOverride(details)
    session.flash(
      'notice',
      i18n.t(`calendar.override_saved.${override.kind}`, { date: override.date.toFormat('dd/MM/yyyy') })
    )
    return response.redirect().status(303).toPath(`${PAGE}?nam=${override.date.year}`)
  }

  async destroyOverride({ params, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const override = await findCalendarOverride(params.id)
    await removeCalendarOverride(override)
    session.flash('notice', i18n.t('calendar.override_deleted', { date: override.date.toFormat('dd/MM/yyyy') }))
    return response.redirect().status(303).toPath(`${PAGE}?nam=${override.date.year}`)
  }
}
