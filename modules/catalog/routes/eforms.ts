/*
 * Form templates (OS-2.5, OL-7) and e-forms (PT-1.1, PT-1.2) of procedures. Mounted inside the
 * tenant group of start/routes.ts. The admin screens need a login (and the admin ability, checked
 * by each action); downloading a template does not: published procedures' templates are public.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const FormTemplatesController = () => import('#catalog/controllers/form_templates_controller')
const FormTemplateDownloadsController = () => import('#catalog/controllers/form_template_downloads_controller')
const EformsController = () => import('#catalog/controllers/eforms_controller')
const EformFieldsController = () => import('#catalog/controllers/eform_fields_controller')

/** A field of the current version: `key`, or `group.child` inside a repeatable group. */
const FIELD_PATH = /^[a-z][a-z0-9_]{0,39}(\.[a-z][a-z0-9_]{0,39})?$/

export function eformRoutes() {
  router.get('/mau-don/:id/tai-ve', [FormTemplateDownloadsController, 'show']).where('id', router.matchers.number())

  router
    .group(() => {
      router.get('/mau-don', [FormTemplatesController, 'index'])
      router.post('/mau-don', [FormTemplatesController, 'store'])
      router.post('/mau-don/:templateId/xoa', [FormTemplatesController, 'destroy'])

      router.get('/bieu-mau', [EformsController, 'show'])
      router.post('/bieu-mau', [EformsController, 'store'])
      router.get('/bieu-mau/xem-truoc', [EformsController, 'preview'])
      router.post('/bieu-mau/xem-truoc', [EformsController, 'check'])

      router.get('/bieu-mau/truong/them', [EformFieldsController, 'create'])
      router.post('/bieu-mau/truong', [EformFieldsController, 'store'])
      router.get('/bieu-mau/truong/:path/sua', [EformFieldsController, 'edit'])
      router.post('/bieu-mau/truong/:path', [EformFieldsController, 'update'])
      router.post('/bieu-mau/truong/:path/xoa', [EformFieldsController, 'destroy'])
      router.post('/bieu-mau/truong/:path/len', [EformFieldsController, 'moveUp'])
      router.post('/bieu-mau/truong/:path/xuong', [EformFieldsController, 'moveDown'])
    })
    .prefix('/quan-tri/thu-tuc/:id')
    .where('id', router.matchers.number())
    .where('templateId', router.matchers.number())
    .where('path', { match: FIELD_PATH })
    .use(middleware.auth())
}
