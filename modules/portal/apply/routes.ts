/*
 * PT-1, PT-4.1, PT-15: applying online. Mounted by portalRoutes(); everything behind login (a
 * visitor is sent to the login page and brought back to the form).
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ApplicationsController = () => import('#portal/apply/applications_controller')

export function applyRoutes() {
  router
    .group(() => {
      const id = { id: router.matchers.number() }
      router.get('/dich-vu-cong/:id/nop-ho-so', [ApplicationsController, 'show']).where('id', id.id)
      router.post('/dich-vu-cong/:id/nop-ho-so', [ApplicationsController, 'store']).where('id', id.id)
      router.post('/dich-vu-cong/:id/nop-ho-so/luu-nhap', [ApplicationsController, 'autosave']).where('id', id.id)
      router.post('/dich-vu-cong/:id/nop-ho-so/tep', [ApplicationsController, 'upload']).where('id', id.id)
      router.get('/dich-vu-cong/:id/nop-ho-so/ban-in', [ApplicationsController, 'print']).where('id', id.id)
      router.get('/dich-vu-cong/:id/nop-ho-so/tai-ve', [ApplicationsController, 'export']).where('id', id.id)
      router.get('/dich-vu-cong/:id/nop-ho-so/cuoc-buu-chinh', [ApplicationsController, 'postage']).where('id', id.id)
      router.get('/nop-ho-so/xa-phuong', [ApplicationsController, 'communes'])
      router.get('/nop-ho-so/da-nop/:id', [ApplicationsController, 'submitted']).where('id', id.id)
    })
    .use(middleware.auth())
}
