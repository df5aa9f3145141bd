import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import { applicantFiltersFrom, applicantsForExport } from '#users/queries/account_directory'
import { applicantsCsv } from '#users/services/applicant_csv'
import { VIETNAM_ZONE } from '#services/vietnamese_format'

/** OS-17.3: the (filtered) list of applicant accounts as a CSV file Excel opens correctly. */
export default class ApplicantExportsController {
  async show({ request, response, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('administerAccounts')
    const applicants = await applicantsForExport(applicantFiltersFrom(request.qs()))
    const day = DateTime.now().setZone(VIETNAM_ZONE).toFormat('yyyyMMdd')
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header('content-disposition', `attachment; filename="${i18n.t('staff.applicants.csv.file_name')}-${day}.csv"`)
    response.header('cache-control', 'no-store')
    return response.send(applicantsCsv(applicants, i18n))
  }
}
