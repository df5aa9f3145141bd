/*
 * PT-12: the public dossier lookup. Mount inside the tenant group of start/routes.ts
 * (`lookupRoutes()`), like the other modules' routes.
 */
import router from '@adonisjs/core/services/router'

const LookupController = () => import('#portal/lookup/lookup_controller')

export function lookupRoutes() {
  router.get('/tra-cuu', [LookupController, 'create'])
  router.post('/tra-cuu', [LookupController, 'store'])
}
