import type { HttpContext } from '@adonisjs/core/http'
import {
  APPLICANT_STATUSES,
  applicantFiltersFrom,
  applicantStatusOf,
  findApplicant,
  pageOf,
  queryStringOf,
  searchApplicants,
} from '#users/queries/account_directory'

/** OS-17.3: citizens' and organisations' accounts, searched and looked at by an admin. */
export default class ApplicantsController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.authorize('administerAccounts')
    const filters = applicantFiltersFrom(request.qs())
    const applicants = await searchApplicants(filters, pageOf(request.qs()))
    const exportQuery = new URLSearchParams(queryStringOf(filters)).toString()
    return view.render('users::pages/admin/applicants/index', {
      applicants,
      filters,
      statuses: APPLICANT_STATUSES,
      statusOf: applicantStatusOf,
      exportHref: `/quan-tri/cong-dan.csv${exportQuery ? `?${exportQuery}` : ''}`,
    })
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.authorize('administerAccounts')
    const applicant = await findApplicant(params.id)
    return view.render('users::pages/admin/applicants/show', { applicant, status: applicantStatusOf(applicant) })
  }
}
