import type { HttpContext } from '@adonisjs/core/http'
import { OFFICER_ROLES } from '#users/models/user'
import {
  OFFICER_STATUSES,
  departmentChoices,
  findOfficer,
  officerFiltersFrom,
  pageOf,
  searchOfficers,
} from '#users/queries/account_directory'
import { officerFormMessages, officerValidator } from '#users/validators/officer_validator'
import { createOfficer } from '#users/actions/create_officer'
import { updateOfficer } from '#users/actions/update_officer'
import { inviteOfficer } from '#users/actions/invite_officer'

/** OS-17.1: the officers of the tenant, as its admins see and maintain them. */
export default class OfficersController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.authorize('administerAccounts')
    const filters = officerFiltersFrom(request.qs())
    const officers = await searchOfficers(filters, pageOf(request.qs()))
    return view.render('users::pages/admin/officers/index', {
      officers,
      filters,
      departments: await departmentChoices(),
      roles: OFFICER_ROLES,
      statuses: OFFICER_STATUSES,
    })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.authorize('administerAccounts')
    return view.render('users::pages/admin/officers/create', {
      departments: await departmentChoices(),
      roles: OFFICER_ROLES,
    })
  }

  async store(ctx: HttpContext) {
    const { request, response, session, bouncer, i18n } = ctx
    await bouncer.authorize('administerAccounts')
    const details = await request.validateUsing(officerValidator, {
      meta: { officerId: null },
      messagesProvider: officerFormMessages(i18n),
    })
    const officer = await createOfficer(details)
    const sent = await inviteOfficer(ctx, officer)
    const names = { name: officer.fullName, email: officer.email }
    session.flash(
      sent ? 'notice' : 'warning',
      i18n.t(sent ? 'staff.officers.created' : 'staff.officers.created_mail_failed', names)
    )
    return response.redirect().status(303).toPath('/quan-tri/can-bo')
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.authorize('administerAccounts')
    const officer = await findOfficer(params.id)
    return view.render('users::pages/admin/officers/edit', {
      officer,
      departments: await departmentChoices(),
      roles: OFFICER_ROLES,
    })
  }

  async update({ params, request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('administerAccounts')
    const officer = await findOfficer(params.id)
    const details = await request.validateUsing(officerValidator, {
      meta: { officerId: officer.id },
      messagesProvider: officerFormMessages(i18n),
    })
    await updateOfficer(officer, details)
    session.flash('notice', i18n.t('staff.officers.updated', { name: officer.fullName }))
    return response.redirect().status(303).toPath(`/quan-tri/can-bo/${officer.id}/sua`)
  }
}
