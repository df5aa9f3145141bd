/*
 * Routes: platform-wide ones (health, assets, the tenant index on plain localhost), then every
 * tenant's routes behind the tenant middleware. Each module mounts its own routes file.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { accountRoutes } from '#users/routes'
import { catalogRoutes } from '#catalog/routes'
import { portalRoutes } from '#portal/routes'
import { intakeRoutes } from '#intake/routes'
import { processingRoutes } from '#processing/routes'
import { integrationRoutes } from '#integration/routes'

const HealthController = () => import('#controllers/health_controller')
const AssetsController = () => import('#http/assets_controller')
const PlatformController = () => import('#controllers/platform_controller')
const PortalPagesController = () => import('#controllers/portal_pages_controller')
const DisplayPreferencesController = () => import('#controllers/display_preferences_controller')
const LocaleController = () => import('#controllers/locale_controller')

/*
 * A request whose host matches a domain group only sees that group's routes, so the
 * host-independent routes are registered for the platform hosts as well as for every other host.
 */
function hostIndependentRoutes() {
  router.get('/health/live', [HealthController, 'live'])
  router.get('/health/ready', [HealthController, 'ready'])
  router.get('/assets/*', [AssetsController, 'show'])
}

hostIndependentRoutes()
for (const platformHost of ['localhost', '127.0.0.1']) {
  router
    .group(() => {
      hostIndependentRoutes()
      router.get('/', [PlatformController, 'index'])
    })
    .domain(platformHost)
}

router
  .group(() => {
    router.post('/tuy-chon-hien-thi', [DisplayPreferencesController, 'update'])
    router.post('/ngon-ngu', [LocaleController, 'update'])

    router.get('/', [PortalPagesController, 'home'])
    router.get('/gioi-thieu', [PortalPagesController, 'about'])
    router.get('/so-do-cong', [PortalPagesController, 'sitemap'])

    accountRoutes()
    catalogRoutes()
    portalRoutes()
    intakeRoutes()
    processingRoutes()
    integrationRoutes()
  })
  .use([middleware.tenant(), middleware.displayPreferences(), middleware.silentAuth(), middleware.userSessions()])
