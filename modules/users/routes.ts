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
const OfficersController = () => import('#users/controllers/officers_controller')
const OfficerDeactivationsController = () => import('#users/controllers/officer_deactivations_controller')
const OfficerActivationsController = () => import('#users/controllers/officer_activations_controller')
const OfficerInvitationsController = () => import('#users/controllers/officer_invitations_controller')
const ApplicantsController = () => import('#users/controllers/applicants_controller')
const ApplicantActivationsController = () => import('#users/controllers/applicant_activations_controller')
const ApplicantDeactivationsController = () => import('#users/controllers/applicant_deactivations_controller')
const ApplicantExportsController = () => import('#users/controllers/applicant_exports_controller')

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

  adminRoutes()
}

/** OS-17.1–17.3: account administration, for officers with the admin role (403 for others). */
function adminRoutes() {
  router
    .group(() => {
      router.get('/', async ({ bouncer, response }) => {
        await bouncer.authorize('administerAccounts')
        return response.redirect('/quan-tri/can-bo')
      })

      router.get('/can-bo', [OfficersController, 'index'])
      router.get('/can-bo/them', [OfficersController, 'create'])
      router.post('/can-bo', [OfficersController, 'store'])
      router.get('/can-bo/:id/sua', [OfficersController, 'edit'])
      router.post('/can-bo/:id', [OfficersController, 'update'])
      router.post('/can-bo/:id/ngung-hoat-dong', [OfficerDeactivationsController, 'store'])
      router.post('/can-bo/:id/kich-hoat', [OfficerActivationsController, 'store'])
      router.post('/can-bo/:id/thu-moi', [OfficerInvitationsController, 'store'])

      router.get('/cong-dan', [ApplicantsController, 'index'])
      router.get('/cong-dan.csv', [ApplicantExportsController, 'show'])
      router.get('/cong-dan/:id', [ApplicantsController, 'show'])
      router.post('/cong-dan/:id/kich-hoat', [ApplicantActivationsController, 'store'])
      router.post('/cong-dan/:id/ngung-hoat-dong', [ApplicantDeactivationsController, 'store'])
    })
    .prefix('/quan-tri')
    .where('id', router.matchers.number())
    .use(middleware.auth())
}
