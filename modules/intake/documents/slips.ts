/*
 * OS-12.1, NF-16: a dossier's official slips, from the tenant's set of templates and the
 * dossier's data, as PDF and as a printable HTML page; each carries the dossier code as a
 * Code 128 barcode (counter scanners type it into the search box) and a QR code opening the
 * portal's lookup for the dossier.
 */
import { Exception } from '@adonisjs/core/exceptions'
import type { Content } from 'pdfmake/interfaces.js'
import { renderSlipFragment, slipTemplateFor, type SlipData } from '#catalog/index'
import { code128, qrCode } from '#documents/barcodes'
import { MM, writePdf } from '#documents/pdf'
import { escapeXml } from '#documents/escape'
import Dossier from '#intake/models/dossier'
import DossierEvent from '#intake/models/dossier_event'
import { loadDossierFacts } from '#intake/documents/dossier_facts'
import { slipDataFor } from '#intake/documents/slip_data'
import { slipContent } from '#intake/documents/slip_layout'
import { trackingBookEntries } from '#intake/documents/tracking_book_entries'
import { DOSSIER_SLIP_KINDS, SLIP_SLUGS, eventOfSlip, type DossierSlipKind } from '#intake/documents/slip_kinds'

export class SlipNotAvailableException extends Exception {
  static status = 404
  static code = 'E_SLIP_NOT_AVAILABLE'
}

export interface SlipLink {
  kind: DossierSlipKind
  /** The slip's name in the tenant's set, e.g. "Giấy tiếp nhận hồ sơ và hẹn trả kết quả". */
  title: string
  /** The printable page. */
  printUrl: string
  pdfUrl: string
}

export function slipPrintPath(dossierId: number, kind: DossierSlipKind) {
  return `/mot-cua/ho-so/${dossierId}/phieu/${SLIP_SLUGS[kind]}`
}

/**
 * The slips the dossier has so far, in the order of the circular's forms, with their addresses:
 * what the dossier page lists for printing and reprinting.
 */
export async function slipKindsFor(dossier: Dossier | number): Promise<SlipLink[]> {
  const dossierId = typeof dossier === 'number' ? dossier : dossier.id
  const events = await DossierEvent.query().where('dossier_id', dossierId).select('to_status', 'action')
  const links: SlipLink[] = []
  for (const kind of DOSSIER_SLIP_KINDS) {
    if (!eventOfSlip(kind, events)) continue
    const template = await slipTemplateFor(kind)
    if (!template) continue
    const path = slipPrintPath(dossierId, kind)
    links.push({ kind, title: template.title, printUrl: path, pdfUrl: `${path}.pdf` })
  }
  return links
}

export interface PreparedSlip {
  kind: DossierSlipKind
  dossierId: number
  code: string
  title: string
  body: string
  landscape: boolean
  data: SlipData
}

/** The template and values of slip `kind` of a dossier; a 404 when the dossier has no such slip. */
export async function prepareSlip(dossierId: number, kind: DossierSlipKind): Promise<PreparedSlip> {
  const facts = await loadDossierFacts(dossierId)
  const template = await slipTemplateFor(kind)
  if (!template || !eventOfSlip(kind, facts.events)) {
    throw new SlipNotAvailableException(`Dossier ${facts.dossier.code} has no slip ${kind}`)
  }
  const [bookEntry] = kind === 'receipt' ? await trackingBookEntries({ dossierId }) : []
  return {
    kind,
    dossierId,
    code: facts.dossier.code,
    title: template.title,
    body: template.body,
    landscape: template.landscape,
    data: slipDataFor(facts, kind, { bookEntry }),
  }
}

/** The slip as an A4 PDF; `lookupUrl` is what its QR code opens. */
export async function slipPdf(slip: PreparedSlip, lookupUrl: string): Promise<Buffer> {
  const [barcode, qr] = await Promise.all([code128(slip.code), qrCode(lookupUrl)])
  const codes: Content = {
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        stack: [
          { image: barcode.dataUrl, width: 62 * MM, height: 10 * MM },
          { text: slip.code, fontSize: 8, alignment: 'center' },
        ],
      },
      { image: qr.dataUrl, width: 18 * MM, height: 18 * MM },
    ],
    columnGap: 4 * MM,
    margin: [0, 2, 0, 0],
  }
  return writePdf({
    info: { title: `${slip.title} - ${slip.code}`, subject: slip.code },
    pageOrientation: slip.landscape ? 'landscape' : 'portrait',
    // Decree 30/2020/NĐ-CP margins, as in the print stylesheet.
    pageMargins: slip.landscape ? [20 * MM, 15 * MM, 15 * MM, 15 * MM] : [30 * MM, 20 * MM, 15 * MM, 20 * MM],
    content: slipContent(slip.body, slip.data, { afterHeader: codes }),
  })
}

/** The slip as an <article> for the print page, the codes right under its header, as in the PDF. */
export async function slipPrintFragment(slip: PreparedSlip, lookupUrl: string): Promise<string> {
  const [barcode, qr] = await Promise.all([code128(slip.code), qrCode(lookupUrl)])
  const codes =
    `<div class="slip-codes">` +
    `<figure class="slip-barcode"><img src="${barcode.dataUrl}" alt="Mã vạch mã hồ sơ ${escapeXml(slip.code)}">` +
    `<figcaption>${escapeXml(slip.code)}</figcaption></figure>` +
    `<img class="slip-qr" src="${qr.dataUrl}" alt="Mã QR tra cứu hồ sơ: ${escapeXml(lookupUrl)}">` +
    `</div>`
  // Safe to print raw: the catalog renderer escapes every value and all the template text.
  const fragment = renderSlipFragment({ title: slip.title, body: slip.body, landscape: slip.landscape }, slip.data)
  // After the header's table when the slip starts with one (the print stylesheet styles it as
  // the article's first child), else first.
  const header = /^(<article[^>]*>\n<table class="slip-columns"[\s\S]*?<\/table>)/
  return header.test(fragment) ? fragment.replace(header, `$1\n${codes}`) : fragment.replace(/^(<article[^>]*>)/, `$1\n${codes}`)
}
