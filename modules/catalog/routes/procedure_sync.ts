/*
 * OS-1.3, GR-6: sync with the National Database on Administrative Procedures, mounted inside
 * the tenant group of start/routes.ts. Catalog editors only (403 for others); report ids are
 * numbers looked up in the current tenant (404 for another tenant's id).
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ProcedureImportsController = () => import('#catalog/controllers/procedure_imports_controller')
const ProcedureImportApplicationsController = () => import('#catalog/controllers/procedure_import_applications_controller')
const ProcedureImportDiscardsController = () => import('#catalog/controllers/procedure_import_discards_controller')

export function procedureSyncRoutes() {
  router
    .group(() => {
      router.get('/', [ProcedureImportsController, 'index'])
      router.post('/', [ProcedureImportsController, 'store'])
      router.get('/:id', [ProcedureImportsController, 'show'])
      router.post('/:id/ap-dung', [ProcedureImportApplicationsController, 'store'])
      router.post('/:id/huy', [ProcedureImportDiscardsController, 'store'])
    })
    .prefix('/quan-tri/dong-bo-thu-tuc')
    .where('id', router.matchers.number())
    .use(middleware.auth())
}
