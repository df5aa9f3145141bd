/** A tabular document as an Excel workbook (.xlsx): one sheet, the title and details above the table. */
import ExcelJS from 'exceljs'
import type { TabularDocument } from '#documents/tabular_document'

const THIN = { style: 'thin' as const }
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }
/** Points per line of 11 pt text. */
const LINE_HEIGHT = 15

/**
 * The height a row of wrapped cells needs: not every spreadsheet program grows rows to fit
 * wrapped text when it opens a file, so the writer estimates it from the text and column widths.
 */
function rowHeight(cells: readonly string[], widths: readonly number[]) {
  const lines = cells.map((cell, index) =>
    cell.split(/\r?\n/).reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / Math.max(1, widths[index] - 1))), 0)
  )
  return Math.max(1, ...lines) * LINE_HEIGHT
}

export async function tabularXlsx(document: TabularDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.title = document.title
  const sheet = workbook.addWorksheet(document.sheetName.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: document.landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  const width = document.columns.length
  const widths = document.columns.map((column) => Math.max(6, Math.round(column.width * 1.8)))
  widths.forEach((characters, index) => {
    sheet.getColumn(index + 1).width = characters
  })

  const title = sheet.addRow([document.title])
  sheet.mergeCells(title.number, 1, title.number, width)
  title.font = { bold: true, size: 14 }
  title.alignment = { horizontal: 'center' }
  for (const detail of document.details) {
    const row = sheet.addRow([`${detail.label}: ${detail.value}`])
    sheet.mergeCells(row.number, 1, row.number, width)
  }
  sheet.addRow([])

  const head = sheet.addRow(document.columns.map((column) => column.heading))
  head.font = { bold: true }
  head.height = rowHeight(document.columns.map((column) => column.heading), widths)
  head.eachCell((cell) => {
    cell.border = BORDER
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
  })
  // Printed pages repeat the heading row.
  sheet.pageSetup.printTitlesRow = `${head.number}:${head.number}`
  for (const cells of document.rows) {
    const row = sheet.addRow(document.columns.map((_, index) => cells[index] ?? ''))
    row.height = rowHeight(cells, widths)
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = BORDER
      cell.alignment = { vertical: 'top', wrapText: true }
    })
  }

  if (document.notes.length) sheet.addRow([])
  for (const note of document.notes) {
    const row = sheet.addRow([note])
    sheet.mergeCells(row.number, 1, row.number, width)
    row.alignment = { wrapText: true }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
