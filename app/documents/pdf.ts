/*
 * PDF writing for every generated document (slips, the tracking book, trail exports): pdfmake
 * lays out text, tables and images on A4 pages and embeds the Vietnamese-capable font. Images
 * come as data URLs; pdfmake may read the font files and nothing else, and fetch no URL.
 */
import pdfmake from 'pdfmake'
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js'
import { DOCUMENT_FONT_FAMILY, documentFontFiles } from '#documents/fonts'

let prepared = false

function prepare() {
  if (prepared) return
  const files = documentFontFiles()
  const allowed = new Set(Object.values(files))
  pdfmake.setFonts({ [DOCUMENT_FONT_FAMILY]: { ...files } })
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path))
  prepared = true
}

/** 1 mm in PDF points. */
export const MM = 72 / 25.4

export type PdfDefinition = TDocumentDefinitions

/** The PDF of `definition`: A4 and the document font unless it says otherwise. */
export async function writePdf(definition: PdfDefinition): Promise<Buffer> {
  prepare()
  const document = pdfmake.createPdf({
    pageSize: 'A4',
    ...definition,
    defaultStyle: { font: DOCUMENT_FONT_FAMILY, fontSize: 12, lineHeight: 1.2, ...definition.defaultStyle },
  })
  return document.getBuffer()
}
