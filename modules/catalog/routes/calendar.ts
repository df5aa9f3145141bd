/*
 * Working-calendar routes (issue 3, item 6), mounted inside the tenant group of start/routes.ts.
 * For officers with the admin role (403 for others).
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const WorkingCalendarController = () => import('#catalog/controllers/working_calendar_controller')

export function calendarRoutes() {
  router
    .group(() => {
      router.get('/lich-lam-viec', [WorkingCalendarController, 'show'])
      router.post('/lich-lam-viec', [WorkingCalendarController, 'update'])
      router.post('/lich-lam-viec/ngay', [WorkingCalendarController, 'storeOverride'])
      router.post('/lich-lam-viec/ngay/:id/xoa', [WorkingCalendarController, 'destroyOverride'])
    })
    .prefix('/quan-tri')
    .where('id', router.matchers.number())
    .use(middleware.auth())
}
