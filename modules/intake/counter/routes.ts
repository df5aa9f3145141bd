/*
 * The counter's intake screens (OS-5, OS-6), for receptionists: the queue of dossiers waiting
 * for a decision, new intake at the counter or by post, the decision on one dossier, and the
 * list of dossiers waiting for a supplement. Routes are named `counter.*`: names derived from
 * controller names would clash with other modules' controllers of the same name.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const IntakeQueueController = () => import('#intake/counter/controllers/intake_queue_controller')
const CounterIntakesController = () => import('#intake/counter/controllers/counter_intakes_controller')
const CompletenessChecksController = () => import('#intake/counter/controllers/completeness_checks_controller')
const IntakeDossiersController = () => import('#intake/counter/controllers/intake_dossiers_controller')
const AcceptancesController = () => import('#intake/counter/controllers/acceptances_controller')
const SupplementRequestsController = () => import('#intake/counter/controllers/supplement_requests_controller')
const RefusalsController = () => import('#intake/counter/controllers/refusals_controller')
const SupplementsController = () => import('#intake/counter/controllers/supplements_controller')
const CounterWithdrawalsController = () => import('#intake/counter/controllers/counter_withdrawals_controller')

export function counterRoutes() {
  router
    .group(() => {
      router.get('/', [IntakeQueueController, 'index']).as('counter.queue')
      router.get('/cho-bo-sung', [IntakeQueueController, 'awaitingSupplement']).as('counter.awaiting_supplement')
      router.get('/moi', [CounterIntakesController, 'create']).as('counter.intakes.create')
      router.post('/moi', [CounterIntakesController, 'store']).as('counter.intakes.store')
      router.get('/thanh-phan', [CompletenessChecksController, 'show']).as('counter.completeness')
      router.get('/ho-so/:id', [IntakeDossiersController, 'show']).as('counter.dossiers.show')
      router.post('/ho-so/:id/tiep-nhan', [AcceptancesController, 'store']).as('counter.acceptances.store')
      router.post('/ho-so/:id/yeu-cau-bo-sung', [SupplementRequestsController, 'store']).as('counter.supplement_requests.store')
      router.post('/ho-so/:id/tu-choi', [RefusalsController, 'store']).as('counter.refusals.store')
      router.post('/ho-so/:id/bo-sung', [SupplementsController, 'store']).as('counter.supplements.store')
      router.post('/ho-so/:id/rut-ho-so', [CounterWithdrawalsController, 'store']).as('counter.withdrawals.store')
      router.post('/ho-so/:id/khoi-phuc', [CounterWithdrawalsController, 'destroy']).as('counter.withdrawals.destroy')
    })
    .prefix('/mot-cua/tiep-nhan')
    .where('id', router.matchers.number())
    .use(middleware.auth())
}
