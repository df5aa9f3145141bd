/*
 * PT-4.2, PT-5.2a, OS-5.8, OS-6.4: My dossiers, behind login. Mounted by the portal's routes.
 * `:id` is the dossier's id; a dossier that is not the applicant's own is not found (404).
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const MyDossiersController = () => import('#portal/my_dossiers/my_dossiers_controller')
const DossierWithdrawalsController = () => import('#portal/my_dossiers/dossier_withdrawals_controller')
const DossierSupplementsController = () => import('#portal/my_dossiers/dossier_supplements_controller')
const DossierChangesController = () => import('#portal/my_dossiers/dossier_changes_controller')

export function myDossierRoutes() {
  router
    .group(() => {
      router.get('/', [MyDossiersController, 'index'])
      router.get('/:id', [MyDossiersController, 'show'])
      router.post('/:id/rut-ho-so', [DossierWithdrawalsController, 'store'])
      router.post('/:id/khoi-phuc', [DossierWithdrawalsController, 'destroy'])
      router.post('/:id/bo-sung', [DossierSupplementsController, 'store'])
      router.get('/:id/sua', [DossierChangesController, 'edit'])
      router.post('/:id/sua', [DossierChangesController, 'update'])
    })
    .prefix('/ho-so-cua-toi')
    .where('id', router.matchers.number())
    .use(middleware.auth())
}
