/*
 * Account routes, mounted inside the tenant group of start/routes.ts: login, registration,
 * email verification and password reset on the portal; the one-stop entry for officers.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const SessionController = () => import('#users/controllers/session_controller')
const RegistrationController = () => import('#users/controllers/registration_controller')
const CaptchaController = () => import('#users/controllers/captcha_controller')
const EmailVerificationController = () => import('#users/controllers/email_verification_controller')
const PasswordResetController = () => import('#users/controllers/password_reset_controller')
const AccountController = () => import('#users/controllers/account_controller')
const OneStopHomeController = () => import('#users/controllers/one_stop_home_controller')

export function accountRoutes() {
  router.get('/ma-xac-nhan', [CaptchaController, 'show'])

  router
    .group(() => {
      router.get('/dang-nhap', [SessionController, 'create'])
      router.post('/dang-nhap', [SessionController, 'store'])
      router.get('/dang-ky', [RegistrationController, 'create'])
      router.post('/dang-ky', [RegistrationController, 'store'])
    })
    .use(middleware.guest())

  router.post('/dang-xuat', [SessionController, 'destroy'])
  router.get('/xac-thuc-email', [EmailVerificationController, 'create'])
  router.post('/xac-thuc-email', [EmailVerificationController, 'store'])
  router.get('/xac-thuc-email/:token', [EmailVerificationController, 'show'])
  router.get('/quen-mat-khau', [PasswordResetController, 'create'])
  router.post('/quen-mat-khau', [PasswordResetController, 'store'])
  router.get('/dat-lai-mat-khau/:token', [PasswordResetController, 'edit'])
  router.post('/dat-lai-mat-khau/:token', [PasswordResetController, 'update'])

  router.get('/tai-khoan', [AccountController, 'show']).use(middleware.auth())
  router.get('/mot-cua', [OneStopHomeController, 'show']).use(middleware.auth())
}
