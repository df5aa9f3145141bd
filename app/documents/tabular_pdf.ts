/** A tabular document as an A4 PDF, the table's heading row repeated on every page. */
import type { Content, TableCell } from 'pdfmake/interfaces.js'
import { MM, writePdf } from '#documents/pdf'
import { columnPercentages, type TabularDocument } from '#documents/tabular_document'

export function tabularPdf(document: TabularDocument): Promise<Buffer> {
  const widths = columnPercentages(document.columns).map((share) => `${share.toFixed(2)}%`)
  const head: TableCell[] = document.columns.map((column) => ({ text: column.heading, bold: true, alignment: 'center' }))
  const body: TableCell[][] = [head, ...document.rows.map((row) => document.columns.map((_, index) => ({ text: row[index] ?? '' })))]
  const content: Content[] = [
    { text: document.title, bold: true, fontSize: 14, alignment: 'center', margin: [0, 0, 0, 8] },
    ...document.details.map((detail): Content => ({ text: [{ text: `${detail.label}: `, bold: true }, detail.value] })),
    { table: { headerRows: 1, widths, body }, fontSize: 9, margin: [0, 8, 0, 8] },
    ...document.notes.map((note): Content => ({ text: note, margin: [0, 0, 0, 4] })),
  ]
  return writePdf({
    info: { title: document.title },
    pageOrientation: document.landscape ? 'landscape' : 'portrait',
    pageMargins: [20 * MM, 15 * MM, 15 * MM, 15 * MM],
    defaultStyle: { fontSize: 11 },
    footer: (page, pages) => ({ text: `Trang ${page}/${pages}`, alignment: 'center', fontSize: 9 }),
    content,
  })
}
