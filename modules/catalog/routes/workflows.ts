/*
 * Workflow administration (OS-3, OS-24), mounted inside the tenant group of start/routes.ts.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const WorkflowsController = () => import('#catalog/controllers/workflows_controller')

export function workflowRoutes() {
  router
    .group(() => {
      router.get('/thu-tuc/:id/quy-trinh', [WorkflowsController, 'show'])
      router.post('/thu-tuc/:id/quy-trinh', [WorkflowsController, 'store'])
      router.post('/thu-tuc/:id/quy-trinh/kiem-tra', [WorkflowsController, 'check'])
    })
    .prefix('/quan-tri')
    .where('id', router.matchers.number())
    .use(middleware.auth())
}
