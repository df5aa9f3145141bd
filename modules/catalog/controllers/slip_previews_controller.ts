import type { HttpContext } from '@adonisjs/core/http'
import { findSlipTemplate, isLandscape } from '#catalog/services/slip_templates'
import { SLIP_PRINT_CSS, renderSlipFragment, sampleSlipData } from '#catalog/services/slip_rendering'

export const SLIP_STYLESHEET_PATH = '/quan-tri/mau-phieu/phieu-in.css'

/** OS-2.5, OS-12.1: a slip filled with sample data on a printable A4 page. */
export default class SlipPreviewsController {
  async show({ params, view, bouncer, tenant }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const template = await findSlipTemplate(params.id)
    const data = sampleSlipData({
      agencyName: tenant?.contact?.agencyName,
      parentAgencyName: tenant?.name,
      agencyPhone: tenant?.contact?.phone,
    })
    return view.render('catalog::pages/admin/slips/preview', {
      template,
      stylesheet: SLIP_STYLESHEET_PATH,
      // Safe to print raw: the renderer escapes every value and every character of the text.
      slipHtml: renderSlipFragment({ title: template.title, body: template.body, landscape: isLandscape(template) }, data),
    })
  }

  /** The print stylesheet, served from the app because the CSP allows no inline style. */
  async stylesheet({ response }: HttpContext) {
    response.header('content-type', 'text/css; charset=utf-8')
    response.header('cache-control', 'private, max-age=3600')
    return SLIP_PRINT_CSS
  }
}
