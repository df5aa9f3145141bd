import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { formatDate, VIETNAM_ZONE } from '#services/vietnamese_format'
import { tabularXlsx } from '#documents/tabular_xlsx'
import { trackingBookPeriod, type PeriodField } from '#intake/documents/tracking_book_period'
import { Sector, trackingBookBySector } from '#catalog/index'
import { bookSectorOf, trackingBook, trackingBookDocument, trackingBookFileName, trackingBookPdf } from '#intake/documents/tracking_book'
import { sendFile } from '#intake/documents/send_file'

/**
 * OS-12.1: the tracking book of a period (and of a sector, when the tenant keeps one book per
 * sector), chosen on a page and downloaded as PDF or spreadsheet.
 */
export default class TrackingBookController {
  /** The period form; with a period in the query string that is not valid, its errors at the fields. */
  async show({ request, view, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('useOneStop')
    const query = request.qs()
    const today = DateTime.now().setZone(VIETNAM_ZONE)
    const asked = 'tu' in query || 'den' in query
    const checked = asked ? trackingBookPeriod(query) : null
    const errors = checked && !checked.valid ? checked.errors : {}
    const sectorChoice = asked ? await bookSectorOf(query) : null
    const defaults: Record<PeriodField, string> = { tu: formatDate(today.startOf('month')), den: formatDate(today) }
    const fields = (['tu', 'den'] as const).map((name) => ({
      name,
      label: i18n.t(`documents.tracking_book.${name === 'tu' ? 'from' : 'to'}`),
      value: typeof query[name] === 'string' ? query[name] : defaults[name],
      error: errors[name] ? i18n.t(`documents.tracking_book.errors.${errors[name]}`) : null,
    }))
    const sector = {
      value: typeof query.linh_vuc === 'string' ? query.linh_vuc : '',
      required: trackingBookBySector(),
      options: (await Sector.query().orderBy('position').orderBy('name')).map((row) => ({ id: row.id, name: row.name })),
      error: sectorChoice && !sectorChoice.valid ? i18n.t(`documents.tracking_book.errors.${sectorChoice.error}`) : null,
    }
    return view.render('intake::documents/tracking_book', { fields, sector })
  }

  async pdf(ctx: HttpContext) {
    return this.download(ctx, 'pdf')
  }

  async xlsx(ctx: HttpContext) {
    return this.download(ctx, 'xlsx')
  }

  private async download(ctx: HttpContext, format: 'pdf' | 'xlsx') {
    await ctx.bouncer.authorize('useOneStop')
    const period = trackingBookPeriod(ctx.request.qs())
    const sector = await bookSectorOf(ctx.request.qs())
    if (!period.valid || !sector.valid) {
      // Back to the form, which shows what is wrong at each field.
      return ctx.response.redirect().withQs(ctx.request.qs()).toPath('/mot-cua/so-theo-doi')
    }
    const book = await trackingBook(period.from, period.to, sector.sector)
    const file = format === 'pdf' ? await trackingBookPdf(book) : await tabularXlsx(trackingBookDocument(book))
    return sendFile(ctx, file, { type: format, name: trackingBookFileName(book, format) })
  }
}
