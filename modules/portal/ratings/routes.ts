/*
 * OL-12, PT-9.1: the applicant rates a dossier from My dossiers (`/ho-so-cua-toi/:id`, which links
 * here). Behind login; mounted by the portal's routes inside the tenant group.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const RatingsController = () => import('#portal/ratings/ratings_controller')

export function ratingRoutes() {
  router
    .group(() => {
      router.get('/ho-so-cua-toi/:id/danh-gia', [RatingsController, 'show'])
      router.post('/ho-so-cua-toi/:id/danh-gia', [RatingsController, 'store'])
    })
    .where('id', router.matchers.number())
    .use(middleware.auth())
}
