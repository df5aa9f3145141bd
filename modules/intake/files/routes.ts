/*
 * Dossier files: download and view in the browser (NF-24), for the applicant the file belongs
 * to and for the tenant's one-stop officers; anyone else gets 404.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const StoredFilesController = () => import('#intake/files/stored_files_controller')

export function storedFileRoutes() {
  router
    .group(() => {
      router.get('/tep/:id', [StoredFilesController, 'download']).where('id', router.matchers.number())
      router.get('/tep/:id/xem', [StoredFilesController, 'view']).where('id', router.matchers.number())
    })
    .use(middleware.auth())
}
