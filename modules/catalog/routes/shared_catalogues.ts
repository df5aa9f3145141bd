/*
 * Shared-catalogue admin routes (OS-16, GR-6), mounted inside the tenant group of
 * start/routes.ts. Admins only for now (403 for others); ids are numbers, and every record is
 * looked up in the current tenant (404 for another tenant's id).
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const SharedCataloguesController = () => import('#catalog/controllers/shared_catalogues_controller')
const SharedCatalogueEntriesController = () => import('#catalog/controllers/shared_catalogue_entries_controller')
const SharedCatalogueEntryDeactivationsController = () =>
  import('#catalog/controllers/shared_catalogue_entry_deactivations_controller')
const SharedCatalogueEntryActivationsController = () =>
  import('#catalog/controllers/shared_catalogue_entry_activations_controller')
const SharedCatalogueImportsController = () => import('#catalog/controllers/shared_catalogue_imports_controller')
const SharedCatalogueSyncsController = () => import('#catalog/controllers/shared_catalogue_syncs_controller')
const AdministrativeUnitsController = () => import('#catalog/controllers/administrative_units_controller')
const AgencyCatalogueController = () => import('#catalog/controllers/agency_catalogue_controller')

export function sharedCatalogueRoutes() {
  router
    .group(() => {
      router.get('/', [SharedCataloguesController, 'index'])
      router.post('/', [SharedCataloguesController, 'store'])
      router.post('/nhap-tep', [SharedCatalogueImportsController, 'store'])
      router.get('/don-vi-hanh-chinh', [AdministrativeUnitsController, 'index'])
      router.get('/co-quan', [AgencyCatalogueController, 'index'])

      router.get('/:id', [SharedCataloguesController, 'show'])
      router.post('/:id/dong-bo', [SharedCatalogueSyncsController, 'store'])
      router.post('/:id/muc', [SharedCatalogueEntriesController, 'store'])
      router.get('/:id/muc/:entryId/sua', [SharedCatalogueEntriesController, 'edit'])
      router.post('/:id/muc/:entryId', [SharedCatalogueEntriesController, 'update'])
      router.post('/:id/muc/:entryId/ngung-su-dung', [SharedCatalogueEntryDeactivationsController, 'store'])
      router.post('/:id/muc/:entryId/su-dung-lai', [SharedCatalogueEntryActivationsController, 'store'])
    })
    .prefix('/quan-tri/danh-muc')
    .where('id', router.matchers.number())
    .where('entryId', router.matchers.number())
    .use(middleware.auth())
}
