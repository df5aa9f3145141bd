/*
 * PT-1.1, NF-8, PT-5.2, NF-23: the account pages under /tai-khoan, behind login. Mounted by the
 * portal's routes; `/tai-khoan` itself is the users module's overview.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ProfileController = () => import('#portal/account/profile_controller')
const VaultController = () => import('#portal/account/vault_controller')
const NotificationPreferencesController = () => import('#portal/account/notification_preferences_controller')
const PasswordController = () => import('#portal/account/password_controller')
const SessionsController = () => import('#portal/account/sessions_controller')

export function accountSettingsRoutes() {
  router
    .group(() => {
      router.get('/thong-tin', [ProfileController, 'edit'])
      router.post('/thong-tin', [ProfileController, 'update'])
      router.get('/kho-giay-to', [VaultController, 'index'])
      router.post('/kho-giay-to', [VaultController, 'store'])
      router.post('/kho-giay-to/:id/xoa', [VaultController, 'destroy'])
      router.get('/thong-bao', [NotificationPreferencesController, 'edit'])
      router.post('/thong-bao', [NotificationPreferencesController, 'update'])
      router.get('/mat-khau', [PasswordController, 'edit'])
      router.post('/mat-khau', [PasswordController, 'update'])
      router.get('/phien-dang-nhap', [SessionsController, 'index'])
      router.post('/phien-dang-nhap/:id/ket-thuc', [SessionsController, 'destroy'])
    })
    .prefix('/tai-khoan')
    .where('id', router.matchers.number())
    .use(middleware.auth())
}
