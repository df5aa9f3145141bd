import type { HttpContext } from '@adonisjs/core/http'
import { tabularDocx } from '#documents/tabular_docx'
import { tabularOdt } from '#documents/tabular_odt'
import { tabularPdf } from '#documents/tabular_pdf'
import { tabularXlsx } from '#documents/tabular_xlsx'
import type { TabularDocument } from '#documents/tabular_document'
import { dossierTrailDocument, trailFileName } from '#intake/documents/trail_export'
import { sendFile, type DocumentFormat } from '#intake/documents/send_file'

const WRITERS: Record<DocumentFormat, (document: TabularDocument) => Buffer | Promise<Buffer>> = {
  docx: tabularDocx,
  xlsx: tabularXlsx,
  odt: tabularOdt,
  pdf: tabularPdf,
}

/** OS-18.2: a dossier's trail, with its chain check, as .docx, .xlsx, .odt or .pdf (the route's extension). */
export default class TrailExportsController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    const format = ctx.request.url().split('.').pop() as DocumentFormat
    const document = await dossierTrailDocument(ctx.params.id)
    const code = document.details[0].value
    return sendFile(ctx, await WRITERS[format](document), { type: format, name: trailFileName(code, format) })
  }
}
