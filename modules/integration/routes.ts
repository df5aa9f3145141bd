/*
 * The integration module's routes, mounted inside the tenant group of start/routes.ts: the admin
 * screens of the tenant's connections to other systems (OS-22.6). Admins only (403 for others).
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ReminderPushController = () => import('#integration/reminder_push/reminder_push_controller')
const ReminderPushTestsController = () => import('#integration/reminder_push/reminder_push_tests_controller')
const CounterAddressController = () => import('#integration/postal/counter_address_controller')

export function integrationRoutes() {
  router
    .group(() => {
      router.get('/nhac-viec', [ReminderPushController, 'show'])
      router.post('/nhac-viec', [ReminderPushController, 'update'])
      router.post('/nhac-viec/gui-thu', [ReminderPushTestsController, 'store'])
      router.get('/buu-chinh', [CounterAddressController, 'show'])
      router.post('/buu-chinh', [CounterAddressController, 'update'])
    })
    .prefix('/quan-tri/ket-noi')
    .use(middleware.auth())
}
