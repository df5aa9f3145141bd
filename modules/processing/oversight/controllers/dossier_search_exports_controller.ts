import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import { readCriteria, searchUrl } from '#processing/oversight/search/criteria'
import { dossiersForExport } from '#processing/oversight/search/dossier_search'
import { searchChoices } from '#processing/oversight/search/search_choices'
import { describeCriteria } from '#processing/oversight/search/search_page'
import { writeResultExport, type ExportFormat } from '#processing/oversight/search/result_export'
import { VIETNAM_ZONE } from '#services/vietnamese_format'

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
}

/** OS-23: the search's result list as a spreadsheet (.xlsx) or CSV, with the same criteria. */
export default class DossierSearchExportsController {
  async show({ request, response, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('useOneStop')
    const format: ExportFormat = request.url().endsWith('.csv') ? 'csv' : 'xlsx'
    const { criteria, filters, errors } = readCriteria(request.qs())
    // Criteria the page would refuse: back to the page, which says what to correct.
    if (Object.keys(errors).length) return response.redirect().withQs(false).toPath(searchUrl(criteria))

    const exportedAt = DateTime.now().setZone(VIETNAM_ZONE)
    const { rows, truncated } = await dossiersForExport(filters, { clock: () => exportedAt })
    const file = await writeResultExport(
      format,
      { rows, truncated, criteria: describeCriteria(criteria, await searchChoices(), i18n), exportedAt },
      i18n
    )
    response.header('content-type', CONTENT_TYPES[format])
    response.header('content-disposition', `attachment; filename="danh-sach-ho-so-${exportedAt.toFormat('yyyyMMdd-HHmm')}.${format}"`)
    response.header('cache-control', 'no-store')
    return response.send(file)
  }
}
