/*
 * The workflow runtime's screens (issue 5 items 4, 5, 7): the officer's dossier view and its
 * actions, the work queues, the department head's assignment list. Mounted by processingRoutes().
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const DossiersController = () => import('#processing/controllers/dossiers_controller')
const DossierActionsController = () => import('#processing/controllers/dossier_actions_controller')
const DossierAssignmentsController = () => import('#processing/controllers/dossier_assignments_controller')
const WorkQueuesController = () => import('#processing/controllers/work_queues_controller')

export function workflowRoutes() {
  router
    .group(() => {
      router.get('/ho-so/:id', [DossiersController, 'show'])
      router.post('/ho-so/:id/hanh-dong', [DossierActionsController, 'store'])
      router.post('/ho-so/:id/phan-cong', [DossierAssignmentsController, 'store'])
      router.get('/viec-cua-toi', [WorkQueuesController, 'index'])
      router.get('/phan-cong', [DossierAssignmentsController, 'index'])
    })
    .prefix('/mot-cua')
    .where('id', router.matchers.number())
    .use(middleware.auth())
}
