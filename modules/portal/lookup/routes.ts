/*
 * PT-12: the public dossier lookup, by dossier code or by the applicant's phone or email with a
 * one-time code. Mounted by the portal's routes inside the tenant group of start/routes.ts.
 */
import router from '@adonisjs/core/services/router'

const LookupController = () => import('#portal/lookup/lookup_controller')
const ContactLookupController = () => import('#portal/lookup/contact_lookup_controller')

export function lookupRoutes() {
  router.get('/tra-cuu', [LookupController, 'create'])
  router.post('/tra-cuu', [LookupController, 'store'])
  router.get('/tra-cuu/dien-thoai-email', [ContactLookupController, 'create'])
  router.post('/tra-cuu/dien-thoai-email', [ContactLookupController, 'store'])
  router.get('/tra-cuu/dien-thoai-email/ma-xac-nhan', [ContactLookupController, 'edit'])
  router.post('/tra-cuu/dien-thoai-email/ma-xac-nhan', [ContactLookupController, 'update'])
}
