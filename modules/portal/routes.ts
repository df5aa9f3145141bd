/*
 * The portal's routes, mounted inside the tenant group of start/routes.ts: the catalogue of
 * online public services, a sector's services, a service's page, and the files search engines
 * read, and the dossier lookup by code. `:ref` is `<id>-<slug>`; the slug is decoration and a wrong one is redirected (301).
 */
import router from '@adonisjs/core/services/router'
import { SERVICE_REF_PATTERN } from '#portal/services/service_urls'
import { lookupRoutes } from '#portal/lookup/routes'
import { applyRoutes } from '#portal/apply/routes'
import { myDossierRoutes } from '#portal/my_dossiers/routes'
import { accountSettingsRoutes } from '#portal/account/routes'
import { ratingRoutes } from '#portal/ratings/routes'
import { guideRoutes } from '#portal/guides/routes'

const ServicesController = () => import('#portal/controllers/services_controller')
const SearchEngineFilesController = () => import('#portal/controllers/search_engine_files_controller')

export function portalRoutes() {
  router.get('/dich-vu-cong', [ServicesController, 'index'])
  router.get('/dich-vu-cong/linh-vuc/:code', [ServicesController, 'sector'])
  router.get('/dich-vu-cong/:ref', [ServicesController, 'show']).where('ref', { match: SERVICE_REF_PATTERN })
  router.get('/sitemap.xml', [SearchEngineFilesController, 'sitemap'])
  router.get('/robots.txt', [SearchEngineFilesController, 'robots'])
  lookupRoutes()
  applyRoutes()
  myDossierRoutes()
  accountSettingsRoutes()
  ratingRoutes()
  guideRoutes()
}
