/*
 * Official slips and result templates (OS-2.5), mounted inside the tenant group of
 * start/routes.ts. Admins and catalogue editors only; ids are looked up in the current tenant.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const SlipsController = () => import('#catalog/controllers/slips_controller')
const SlipSetsController = () => import('#catalog/controllers/slip_sets_controller')
const SlipResetsController = () => import('#catalog/controllers/slip_resets_controller')
const SlipPreviewsController = () => import('#catalog/controllers/slip_previews_controller')
const ResultTemplatesController = () => import('#catalog/controllers/result_templates_controller')

export function slipRoutes() {
  router
    .group(() => {
      router.get('/', [SlipsController, 'index'])
      router.get('/phieu-in.css', [SlipPreviewsController, 'stylesheet'])
      router.post('/bo-mau', [SlipSetsController, 'update'])
      router.post('/ket-qua', [ResultTemplatesController, 'store'])
      router.get('/:id/sua', [SlipsController, 'edit'])
      router.post('/:id', [SlipsController, 'update'])
      router.get('/:id/xem-truoc', [SlipPreviewsController, 'show'])
      router.post('/:id/khoi-phuc', [SlipResetsController, 'store'])
    })
    .prefix('/quan-tri/mau-phieu')
    .where('id', router.matchers.number())
    .use(middleware.auth())
}
