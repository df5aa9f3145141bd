import type { HttpContext } from '@adonisjs/core/http'
import { SLIP_PRINT_CSS } from '#catalog/index'
import { publicUrl } from '#http/public_url'
import { sendFile } from '#intake/documents/send_file'
import { prepareSlip, slipPdf, slipPrintFragment, SlipNotAvailableException, slipPrintPath } from '#intake/documents/slips'
import { slipKindOfSlug } from '#intake/documents/slip_kinds'
import { SLIP_CODES_CSS } from '#intake/documents/slip_codes_css'

export const SLIP_STYLESHEET_PATH = '/mot-cua/phieu-in.css'

/** The portal lookup a slip's QR code opens, on the tenant's own host. */
function lookupUrl(ctx: HttpContext, code: string) {
  return publicUrl(ctx, `/tra-cuu?ma=${encodeURIComponent(code)}`)
}

function slipKindOf(slug: string) {
  const kind = slipKindOfSlug(slug)
  if (!kind) throw new SlipNotAvailableException(`No slip ${slug}`)
  return kind
}

/** OS-12.1, NF-16: a dossier's official slips, printable page and PDF, printed and reprinted at will. */
export default class SlipsController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    const slip = await prepareSlip(ctx.params.id, slipKindOf(ctx.params.kind))
    ctx.response.header('cache-control', 'no-store')
    return ctx.view.render('intake::documents/slip_print', {
      title: slip.title,
      code: slip.code,
      stylesheet: SLIP_STYLESHEET_PATH,
      dossierUrl: `/mot-cua/ho-so/${slip.dossierId}`,
      pdfUrl: `${slipPrintPath(slip.dossierId, slip.kind)}.pdf`,
      slipHtml: await slipPrintFragment(slip, lookupUrl(ctx, slip.code)),
    })
  }

  async pdf(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    const slip = await prepareSlip(ctx.params.id, slipKindOf(ctx.params.kind))
    const file = await slipPdf(slip, lookupUrl(ctx, slip.code))
    // Inline: the browser's viewer opens it, ready to print.
    return sendFile(ctx, file, { type: 'pdf', name: `${ctx.params.kind}-${slip.code}.pdf`, inline: true })
  }

  /** The print stylesheet, served because the CSP allows no inline style. */
  async stylesheet({ response }: HttpContext) {
    response.header('content-type', 'text/css; charset=utf-8')
    response.header('cache-control', 'public, max-age=3600')
    return SLIP_PRINT_CSS + SLIP_CODES_CSS
  }
}
