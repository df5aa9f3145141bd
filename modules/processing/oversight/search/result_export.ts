/*
 * OS-23: the search's result list as a file, the same columns as the screen. The spreadsheet goes
 * through the shared tabular document writer (app/documents), so it looks like every other list
 * export; the CSV is UTF-8 with a byte-order mark (Excel shows Vietnamese correctly), CRLF line
 * ends, and cells a spreadsheet would read as a formula defused with a leading apostrophe.
 */
import type { I18n } from '@adonisjs/i18n'
import type { DateTime } from 'luxon'
import type { TabularDocument } from '#documents/tabular_document'
import { tabularXlsx } from '#documents/tabular_xlsx'
import { formatDate, formatDateTime } from '#services/vietnamese_format'
import type { SearchRow } from '#processing/oversight/search/dossier_search'

export type ExportFormat = 'xlsx' | 'csv'

const COLUMNS = [
  ['number', 4],
  ['code', 18],
  ['procedure', 26],
  ['sector', 12],
  ['applicant', 16],
  ['organisation', 16],
  ['channel', 9],
  ['received', 11],
  ['appointment', 11],
  ['status', 14],
  ['deadline', 14],
  ['agency', 14],
  ['department', 14],
  ['handler', 14],
] as const

export interface ResultExport {
  rows: SearchRow[]
  truncated: boolean
  /** "Label: value" lines describing the criteria, as the page lists them. */
  criteria: { label: string; value: string }[]
  exportedAt: DateTime
}

function cellsOf(row: SearchRow, index: number, i18n: I18n) {
  return [
    String(index + 1),
    row.code,
    row.procedureName,
    row.sectorName,
    row.applicantName,
    row.organisationName ?? '',
    i18n.t(`oversight.channels.${row.channel}`),
    formatDate(row.receivedAt),
    formatDate(row.appointmentAt),
    row.statusLabel,
    row.overdueText ?? '',
    row.agencyName,
    row.departmentName ?? '',
    row.handlerName ?? '',
  ]
}

export function resultDocument(result: ResultExport, i18n: I18n): TabularDocument {
  const notes = [i18n.t('oversight.export.count', { count: result.rows.length })]
  if (result.truncated) notes.push(i18n.t('oversight.export.truncated', { count: result.rows.length }))
  return {
    title: i18n.t('oversight.export.title'),
    details: [{ label: i18n.t('oversight.export.exported_at'), value: formatDateTime(result.exportedAt) }, ...result.criteria],
    columns: COLUMNS.map(([key, width]) => ({ heading: i18n.t(`oversight.columns.${key}`), width })),
    rows: result.rows.map((row, index) => cellsOf(row, index, i18n)),
    notes,
    landscape: true,
    sheetName: i18n.t('oversight.export.sheet'),
  }
}

function csvCell(value: string) {
  let text = value
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The table of a tabular document as CSV: the heading row, then one line per row. */
export function csvOf(document: TabularDocument) {
  const lines = [document.columns.map((column) => column.heading), ...document.rows].map((cells) => cells.map(csvCell).join(','))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

export async function writeResultExport(format: ExportFormat, result: ResultExport, i18n: I18n): Promise<Buffer> {
  const document = resultDocument(result, i18n)
  if (format === 'xlsx') return tabularXlsx(document)
  return Buffer.from(csvOf(document), 'utf8')
}
