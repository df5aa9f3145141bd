/*
 * Oversight screens of the one-stop system (OS-20d, OS-22, OS-23, NF-16): the dossier search and
 * its exports, the direction view for leaders, and the dashboard panel of the officer's desk.
 * Mounted by processingRoutes() inside the tenant group of start/routes.ts.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { registerDeskPanel } from '#users/index'

const DossierSearchController = () => import('#processing/oversight/controllers/dossier_search_controller')
const DossierSearchExportsController = () => import('#processing/oversight/controllers/dossier_search_exports_controller')
const RemindersController = () => import('#processing/oversight/controllers/reminders_controller')
const DirectionController = () => import('#processing/oversight/controllers/direction_controller')

export function oversightRoutes() {
  router
    .group(() => {
      router.get('/tra-cuu-ho-so', [DossierSearchController, 'index'])
      router.get('/tra-cuu-ho-so.xlsx', [DossierSearchExportsController, 'show']).as('oversight.search_export.xlsx')
      router.get('/tra-cuu-ho-so.csv', [DossierSearchExportsController, 'show']).as('oversight.search_export.csv')
      router.get('/dieu-hanh', [DirectionController, 'index'])
      router.get('/dieu-hanh/:id', [DirectionController, 'show'])
      router.post('/nhac-viec/da-xem', [RemindersController, 'allSeen'])
      router.post('/nhac-viec/:id/da-xem', [RemindersController, 'seen'])
    })
    .prefix('/mot-cua')
    .where('id', router.matchers.number())
    .use(middleware.auth())

  // Loaded at the first desk visit, like the controllers, so booting the routes stays light.
  registerDeskPanel(async (ctx, officer) => {
    const { oversightDeskPanel } = await import('#processing/oversight/dashboards/desk_panel')
    return oversightDeskPanel(ctx, officer)
  })
}
