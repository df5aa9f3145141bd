/*
 * Documents of the one-stop system (OS-12, OS-18.2): a dossier's slips (printable page and
 * PDF), its application form, its trail exports, and the tracking book of a period. Officers
 * only (useOneStop); dossier ids are looked up in the current tenant.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const SlipsController = () => import('#intake/documents/slips_controller')
const TrailExportsController = () => import('#intake/documents/trail_exports_controller')
const TrackingBookController = () => import('#intake/documents/tracking_book_controller')
const ApplicationFormsController = () => import('#intake/documents/application_forms_controller')

export function documentRoutes() {
  router.get('/mot-cua/phieu-in.css', [SlipsController, 'stylesheet']).as('documents.slip_stylesheet')

  router
    .group(() => {
      // The .pdf route first: the router takes the first pattern that matches.
      router.get('/ho-so/:id/phieu/:kind.pdf', [SlipsController, 'pdf']).as('documents.slip_pdf')
      router.get('/ho-so/:id/phieu/:kind', [SlipsController, 'show']).as('documents.slip')
      router.get('/ho-so/:id/to-khai.pdf', [ApplicationFormsController, 'show']).as('documents.application_form')
      for (const format of ['docx', 'xlsx', 'odt', 'pdf']) {
        router.get(`/ho-so/:id/nhat-ky.${format}`, [TrailExportsController, 'show']).as(`documents.trail_${format}`)
      }
      router.get('/so-theo-doi', [TrackingBookController, 'show']).as('documents.tracking_book')
      router.get('/so-theo-doi.pdf', [TrackingBookController, 'pdf']).as('documents.tracking_book_pdf')
      router.get('/so-theo-doi.xlsx', [TrackingBookController, 'xlsx']).as('documents.tracking_book_xlsx')
    })
    .prefix('/mot-cua')
    .where('id', router.matchers.number())
    .use(middleware.auth())
}
