/*
 * NF-24: attachments viewed in the browser. PDF and images are shown as they are (the browser
 * renders them, under a sandboxing CSP); Word documents become safe HTML, spreadsheets tables,
 * and .doc, .odt and .rtf their text. Everything produced from a file is escaped by Edge or
 * passed through sanitize-html, so a crafted document cannot run script in the app's origin.
 */
import mammoth from 'mammoth'
import * as XLSX from '@e965/xlsx'
import JSZip from 'jszip'
import WordExtractor from 'word-extractor'
import sanitizeHtml from 'sanitize-html'
import type StoredFile from '#intake/files/stored_file'
import { rtfToText } from '#intake/files/rtf_text'

/** Types the browser shows itself. */
export const INLINE_TYPES = ['pdf', 'jpg', 'png']

/** Beyond these, a spreadsheet is cut (and the page says so): a phone must be able to open it. */
const MAX_SHEET_ROWS = 1000
const MAX_SHEET_COLUMNS = 50
const MAX_TEXT_CHARS = 500_000

export interface SheetView {
  name: string
  rows: string[][]
  truncated: boolean
}

export type FileView =
  | { kind: 'inline' }
  | { kind: 'html'; html: string }
  | { kind: 'sheets'; sheets: SheetView[] }
  | { kind: 'text'; paragraphs: string[]; truncated: boolean }
  | { kind: 'unavailable' }

/** What survives of a converted document: structure, emphasis, tables and embedded pictures. */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'b', 'i', 'u', 's', 'sub', 'sup', 'br',
    'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'blockquote', 'img',
  ],
  allowedAttributes: { td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], img: ['src', 'alt'] },
  // Pictures embedded in the document only: nothing is fetched from elsewhere.
  allowedSchemes: [],
  allowedSchemesByTag: { img: ['data'] },
  allowProtocolRelative: false,
  // Links lose their address and keep their text.
  nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript'],
}

export function sanitizeDocumentHtml(html: string) {
  return sanitizeHtml(html, SANITIZE_OPTIONS)
}

function paragraphsOf(text: string): { paragraphs: string[]; truncated: boolean } {
  const truncated = text.length > MAX_TEXT_CHARS
  const paragraphs = text
    .slice(0, MAX_TEXT_CHARS)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\u0000-\u0008\u000b-\u001f]/g, '').trimEnd())
    .filter((line) => line.trim() !== '')
  return { paragraphs, truncated }
}

function sheetsOf(bytes: Buffer): SheetView[] {
  const workbook = XLSX.read(bytes, { type: 'buffer', cellFormula: false, cellHTML: false, cellStyles: false })
  return workbook.SheetNames.map((name) => {
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[name], { header: 1, raw: false, defval: '', blankrows: false })
    const truncated = rows.length > MAX_SHEET_ROWS || rows.some((row) => row.length > MAX_SHEET_COLUMNS)
    return {
      name,
      rows: rows.slice(0, MAX_SHEET_ROWS).map((row) => row.slice(0, MAX_SHEET_COLUMNS).map((cell) => String(cell ?? ''))),
      truncated,
    }
  })
}

/** The text of an OpenDocument text: its paragraphs and headings, from content.xml. */
async function odtText(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes)
  const content = await zip.file('content.xml')?.async('string')
  if (!content) throw new Error('No content.xml in the OpenDocument file')
  const body = content.replace(/^[\s\S]*?<office:body>/, '')
  return body
    .replace(/<text:(?:tab)\s*\/>/g, '\t')
    .replace(/<text:line-break\s*\/>/g, '\n')
    .replace(/<text:s(?:\s+text:c="(\d+)")?\s*\/>/g, (_, count) => ' '.repeat(Number(count ?? 1)))
    .replace(/<\/text:(?:p|h)>/g, '\n')
    .replace(/<\/table:table-cell>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name, decimal, hex) => {
      if (decimal) return String.fromCodePoint(Number(decimal))
      if (hex) return String.fromCodePoint(Number.parseInt(hex, 16))
      return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name as 'lt']
    })
}

/** How the file is shown in the browser; `unavailable` when it cannot be read (the page offers the download). */
export async function viewOf(file: StoredFile, read: () => Promise<Buffer>): Promise<FileView> {
  if (INLINE_TYPES.includes(file.fileType)) return { kind: 'inline' }
  try {
    switch (file.fileType) {
      case 'docx': {
        const result = await mammoth.convertToHtml({ buffer: await read() })
        return { kind: 'html', html: sanitizeDocumentHtml(result.value) }
      }
      case 'xlsx':
      case 'xls':
        return { kind: 'sheets', sheets: sheetsOf(await read()) }
      case 'doc': {
        const document = await new WordExtractor().extract(await read())
        return { kind: 'text', ...paragraphsOf(document.getBody()) }
      }
      case 'odt':
        return { kind: 'text', ...paragraphsOf(await odtText(await read())) }
      case 'rtf':
        return { kind: 'text', ...paragraphsOf(rtfToText(await read())) }
    }
  } catch {
    // A damaged or unusual file: the page says so and offers the download instead.
  }
  return { kind: 'unavailable' }
}
