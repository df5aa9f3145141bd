/* PT-7.1, OL-5: the guidance pages, mounted by the portal's routes inside the tenant group. */
import router from '@adonisjs/core/services/router'

const GuidesController = () => import('#portal/guides/guides_controller')

export function guideRoutes() {
  router.get('/huong-dan', [GuidesController, 'index'])
  router.get('/huong-dan/muc-do-dich-vu', [GuidesController, 'levels'])
}
