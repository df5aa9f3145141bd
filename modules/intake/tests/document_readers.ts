/*
 * Reading generated documents back in tests, with real parsers: PDF text and images (unpdf,
 * PDF.js), barcodes and QR codes decoded from those images (ZXing), DOCX and ODT by unzipping
 * their XML, XLSX with exceljs.
 */
import { unzipSync, strFromU8 } from 'fflate'
import ExcelJS from 'exceljs'
import { extractImages, extractText, getDocumentProxy } from 'unpdf'
import { BinaryBitmap, Code128Reader, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library'

/** The text of every page, with all white space (the layout's line breaks included) as single spaces. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes))
  const { text } = await extractText(pdf, { mergePages: true })
  return text.replace(/\s+/g, ' ')
}

export async function pdfPageCount(bytes: Buffer): Promise<number> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes))
  return pdf.numPages
}

export interface RasterImage {
  data: Uint8ClampedArray
  width: number
  height: number
  channels: 1 | 3 | 4
}

/** The images drawn on a page, as raw pixels. */
export async function pdfImages(bytes: Buffer, page = 1): Promise<RasterImage[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes))
  return (await extractImages(pdf, page)) as RasterImage[]
}

function luminance(image: RasterImage): Uint8ClampedArray {
  const pixels = image.width * image.height
  const out = new Uint8ClampedArray(pixels)
  for (let index = 0; index < pixels; index++) {
    const at = index * image.channels
    out[index] =
      image.channels === 1 ? image.data[at] : Math.round((image.data[at] + 2 * image.data[at + 1] + image.data[at + 2]) / 4)
  }
  return out
}

/**
 * What a barcode or QR code image says, or null when ZXing finds none of `format`. The images
 * come straight out of the PDF, so each is the code alone (ZXing's "pure barcode").
 */
export function decodeImage(image: RasterImage, format: 'qr' | 'code128'): string | null {
  const reader = format === 'qr' ? new QRCodeReader() : new Code128Reader()
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.PURE_BARCODE, true]])
  try {
    const source = new RGBLuminanceSource(luminance(image), image.width, image.height)
    return reader.decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText()
  } catch {
    return null
  }
}

/** Decodes every image of a PDF page that holds a code of `format`. */
export async function pdfCodes(bytes: Buffer, format: 'qr' | 'code128', page = 1): Promise<string[]> {
  const images = await pdfImages(bytes, page)
  return images.map((image) => decodeImage(image, format)).filter((text): text is string => text !== null)
}

/** The entries of a zip-based file (DOCX, ODT, XLSX) by path. */
export function zipEntries(bytes: Buffer): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(bytes))
}

/** The text content of an XML part: tags dropped, paragraphs and cells as line breaks, entities read. */
export function xmlTextOf(xml: string): string {
  return xml
    .replace(/<(w:p|text:p|w:tc|table:table-cell)[ >]/g, '\n$&')
    .replace(/<(w:br|text:line-break)\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

export function docxText(bytes: Buffer): string {
  return xmlTextOf(strFromU8(zipEntries(bytes)['word/document.xml']))
}

export function odtText(bytes: Buffer): string {
  return xmlTextOf(strFromU8(zipEntries(bytes)['content.xml']))
}

/** The first sheet's rows as text cells. */
export async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as any)
  const sheet = workbook.worksheets[0]
  const rows: string[][] = []
  sheet.eachRow((row) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text ?? ''
    })
    rows.push(cells)
  })
  return rows
}
