/*
 * OS-17.3: applicant accounts as CSV. UTF-8 with a byte-order mark so that Excel shows
 * Vietnamese correctly, CRLF line ends, dates as DD/MM/YYYY, and cells that a spreadsheet would
 * read as a formula (=, +, -, @) defused with a leading apostrophe.
 */
import type { I18n } from '@adonisjs/i18n'
import type User from '#users/models/user'
import { applicantStatusOf } from '#users/queries/account_directory'
import { formatDate } from '#services/vietnamese_format'

const BOM = '\uFEFF'

function cell(value: string | null | undefined) {
  let text = value ?? ''
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function applicantsCsv(applicants: User[], i18n: I18n) {
  const columns = ['full_name', 'national_id', 'date_of_birth', 'phone', 'email', 'status', 'registered_at']
  const lines = [columns.map((column) => cell(i18n.t(`staff.applicants.csv.${column}`))).join(',')]
  for (const applicant of applicants) {
    lines.push(
      [
        applicant.fullName,
        applicant.nationalId,
        formatDate(applicant.dateOfBirth),
        applicant.phone,
        applicant.email,
        i18n.t(`staff.applicants.statuses.${applicantStatusOf(applicant)}`),
        formatDate(applicant.createdAt),
      ]
        .map(cell)
        .join(',')
    )
  }
  return BOM + lines.join('\r\n') + '\r\n'
}
