/*
 * Catalog admin routes (OS-1.1, OS-1.2): procedures, their publication, sectors and groups.
 * Mounted inside the tenant group of start/routes.ts. The form's htmx helpers (rows editors,
 * national code check) sit before the `:id` routes.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ProceduresController = () => import('#catalog/controllers/procedures_controller')
const ProcedureRowsController = () => import('#catalog/controllers/procedure_rows_controller')
const ProcedurePublicationsController = () => import('#catalog/controllers/procedure_publications_controller')
const SectorsController = () => import('#catalog/controllers/sectors_controller')

export function procedureRoutes() {
  router
    .group(() => {
      router.get('/thu-tuc', [ProceduresController, 'index'])
      router.get('/thu-tuc/them', [ProceduresController, 'create'])
      router.post('/thu-tuc', [ProceduresController, 'store'])
      router.post('/thu-tuc/thanh-phan', [ProcedureRowsController, 'components'])
      router.post('/thu-tuc/phi', [ProcedureRowsController, 'fees'])
      router.get('/thu-tuc/ma-quoc-gia', [ProcedureRowsController, 'nationalCode'])
      router.get('/thu-tuc/:id', [ProceduresController, 'show'])
      router.get('/thu-tuc/:id/sua', [ProceduresController, 'edit'])
      router.post('/thu-tuc/:id', [ProceduresController, 'update'])
      router.post('/thu-tuc/:id/cong-bo', [ProcedurePublicationsController, 'store'])
      router.post('/thu-tuc/:id/go-cong-bo', [ProcedurePublicationsController, 'destroy'])

      router.get('/linh-vuc', [SectorsController, 'index'])
      router.post('/linh-vuc', [SectorsController, 'store'])
      router.get('/linh-vuc/:id/sua', [SectorsController, 'edit'])
      router.post('/linh-vuc/:id', [SectorsController, 'update'])
      router.post('/linh-vuc/:id/nhom', [SectorsController, 'storeGroup'])
      router.post('/nhom-thu-tuc/:id', [SectorsController, 'updateGroup'])
    })
    .prefix('/quan-tri')
    .where('id', router.matchers.number())
    .use(middleware.auth())
}
