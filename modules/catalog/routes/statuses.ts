/*
 * Status catalogue admin routes (OS-4.1), mounted inside the tenant group of start/routes.ts.
 * Admins only for now; ids are numbers looked up in the current tenant.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const StatusesController = () => import('#catalog/controllers/statuses_controller')

export function statusRoutes() {
  router
    .group(() => {
      router.get('/', [StatusesController, 'index'])
      router.post('/', [StatusesController, 'store'])
      router.get('/:id/sua', [StatusesController, 'edit'])
      router.post('/:id', [StatusesController, 'update'])
      router.post('/:id/xoa', [StatusesController, 'destroy'])
    })
    .prefix('/quan-tri/trang-thai')
    .where('id', router.matchers.number())
    .use(middleware.auth())
}
