import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { formatDate, VIETNAM_ZONE } from '#services/vietnamese_format'
import { tabularXlsx } from '#documents/tabular_xlsx'
import { trackingBookPeriod, type PeriodField } from '#intake/documents/tracking_book_period'
import { trackingBook, trackingBookDocument, trackingBookFileName, trackingBookPdf } from '#intake/documents/tracking_book'
import { sendFile } from '#intake/documents/send_file'

/** OS-12.1: the tracking book of a period, chosen on a page and downloaded as PDF or spreadsheet. */
export default class TrackingBookController {
  /** The period form; with a period in the query string that is not valid, its errors at the fields. */
  async show({ request, view, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('useOneStop')
    const query = request.qs()
    const today = DateTime.now().setZone(VIETNAM_ZONE)
    const checked = 'tu' in query || 'den' in query ? trackingBookPeriod(query) : null
    const errors = checked && !checked.valid ? checked.errors : {}
    const defaults: Record<PeriodField, string> = { tu: formatDate(today.startOf('month')), den: formatDate(today) }
    const fields = (['tu', 'den'] as const).map((name) => ({
      name,
      label: i18n.t(`documents.tracking_book.${name === 'tu' ? 'from' : 'to'}`),
      value: typeof query[name] === 'string' ? query[name] : defaults[name],
      error: errors[name] ? i18n.t(`documents.tracking_book.errors.${errors[name]}`) : null,
    }))
    return view.render('intake::documents/tracking_book', { fields })
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
    if (!period.valid) {
      // Back to the form, which shows what is wrong at each date.
      return ctx.response.redirect().withQs(ctx.request.qs()).toPath('/mot-cua/so-theo-doi')
    }
    const book = await trackingBook(period.from, period.to)
    const file = format === 'pdf' ? await trackingBookPdf(book) : await tabularXlsx(trackingBookDocument(book))
    return sendFile(ctx, file, { type: format, name: trackingBookFileName(book, format) })
  }
}
