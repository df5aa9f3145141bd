import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#exceptions/handler'))

server.use([
  () => import('#middleware/container_bindings_middleware'),
  () => import('@adonisjs/static/static_middleware'),
])

router.use([
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('#middleware/normalize_input_middleware'),
  () => import('@adonisjs/session/session_middleware'),
  // Before Shield, so that a refused CSRF token is explained in the visitor's language.
  () => import('#middleware/detect_locale_middleware'),
  () => import('@adonisjs/shield/shield_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#middleware/initialize_bouncer_middleware'),
])

export const middleware = router.named({
  tenant: () => import('#middleware/tenant_middleware'),
  displayPreferences: () => import('#middleware/display_preferences_middleware'),
  silentAuth: () => import('#middleware/silent_auth_middleware'),
  userSessions: () => import('#users/middleware/user_session_middleware'),
  auth: () => import('#middleware/auth_middleware'),
  guest: () => import('#middleware/guest_middleware'),
})
