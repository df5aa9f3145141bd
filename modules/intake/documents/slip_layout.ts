/*
 * The catalog's slip template language (modules/catalog/services/slip_rendering.ts) laid out as
 * PDF: the same lines, columns, lists and tables that the HTML print view shows, with the same
 * rules (values are never markup, an empty value prints a dotted line, the first block of
 * columns is the agency and national motto header). Kept in step with that file: a new line
 * kind there needs its case here.
 */
import type { Content, TableCell } from 'pdfmake/interfaces.js'
import { SLIP_PLACEHOLDERS, slipValueItems, slipValueRows, slipValueText, type SlipData } from '#catalog/index'

type Run = { text: string; bold?: boolean; italics?: boolean; decoration?: 'underline' }

const BLANK = '……………………'
const PLACEHOLDER = /\{\{\s*(.*?)\s*\}\}/g
const SENTINEL = /\u0000(\d+)\u0000/g
const BY_NAME = new Map(SLIP_PLACEHOLDERS.map((placeholder) => [placeholder.name, placeholder]))

function valueText(name: string, data: SlipData): string {
  if (!BY_NAME.has(name)) return BLANK
  const text = slipValueText(data[name]).trim()
  return text || BLANK
}

/** Runs of one line: bold and italic marks read from the template text, never from a value. */
function inlineRuns(line: string, data: SlipData): Run[] {
  const names: string[] = []
  const marked = line.replace(/\u0000/g, '').replace(PLACEHOLDER, (_whole, name: string) => {
    names.push(name)
    return `\u0000${names.length - 1}\u0000`
  })
  const runs: Run[] = []
  const push = (text: string, style: Omit<Run, 'text'>) => {
    const filled = text.replace(SENTINEL, (_whole, index: string) => valueText(names[Number(index)], data))
    if (filled) runs.push({ text: filled, ...style })
  }
  const italics = (text: string, bold: boolean) =>
    text.split(/\*(.+?)\*/).forEach((part, index) => push(part, { bold: bold || undefined, italics: index % 2 === 1 || undefined }))
  marked.split(/\*\*(.+?)\*\*/).forEach((part, index) => italics(part, index % 2 === 1))
  return runs
}

function lonePlaceholder(line: string) {
  const match = /^\{\{\s*([a-z][a-z0-9_]*)\s*\}\}$/.exec(line.trim())
  return match ? BY_NAME.get(match[1]) : undefined
}

/** Column widths (per cent) of the fixed tables, so that codes and dates are not squeezed. */
const TABLE_WIDTHS: Record<string, number[]> = {
  bang_so_theo_doi: [4, 17, 12, 11, 13, 10, 7.5, 7.5, 7.5, 6, 4],
  bang_kiem_soat: [34, 22, 24, 20],
}

function tableBlock(name: string, data: SlipData, fontSize: number): Content {
  const columns = BY_NAME.get(name)?.columns ?? []
  const shares = TABLE_WIDTHS[name]?.length === columns.length ? TABLE_WIDTHS[name] : null
  const rows = slipValueRows(data[name])
  const body: TableCell[][] = [
    columns.map((column) => ({ text: column, bold: true, alignment: 'center' as const })),
    ...(rows.length ? rows : [[], [], []]).map((row) =>
      columns.map((_, index): TableCell => ({ text: row[index] ?? '', margin: row.length ? [0, 0, 0, 0] : [0, 6, 0, 6] }))
    ),
  ]
  const widths = shares ? shares.map((share) => `${share}%`) : columns.map(() => '*')
  return { table: { headerRows: 1, widths, body }, fontSize, margin: [0, 6, 0, 6] }
}

function columnsBlock(rows: string[][], data: SlipData, isHeader: boolean): Content {
  const width = Math.max(...rows.map((row) => row.length))
  const widths = isHeader && width === 2 ? ['42%', '58%'] : Array.from({ length: width }, () => '*')
  const body: TableCell[][] = rows.map((row, rowIndex) =>
    Array.from({ length: width }, (_, cellIndex) => {
      const cell = row[cellIndex] ?? ''
      const left = cell.startsWith('<< ')
      let runs = inlineRuns(left ? cell.slice(3) : cell, data)
      // The header's first two lines on the left are the agencies' names, in capitals.
      if (isHeader && cellIndex === 0 && rowIndex < 2) runs = runs.map((run) => ({ ...run, text: run.text.toLocaleUpperCase('vi') }))
      // …and the second line's bold words (the agency, the motto) are underlined.
      if (isHeader && rowIndex === 1) runs = runs.map((run) => (run.bold ? { ...run, decoration: 'underline' } : run))
      return { text: runs.length ? runs : '', alignment: left ? 'left' : 'center', fontSize: left ? 10 : undefined }
    })
  )
  return { table: { widths, body }, layout: 'noBorders', fontSize: isHeader ? 11 : undefined, margin: [0, 0, 0, 4] }
}

export interface SlipContentOptions {
  tableFontSize?: number
  /** Placed right under the header (the agency and national motto), or first when there is none. */
  afterHeader?: Content
}

/** pdfmake content of a slip's template text filled with `data`. */
export function slipContent(body: string, data: SlipData, options: SlipContentOptions = {}): Content[] {
  const out: Content[] = []
  let columnRows: string[][] = []
  const flushColumns = () => {
    if (!columnRows.length) return
    const isHeader = out.length === 0
    out.push(columnsBlock(columnRows, data, isHeader))
    if (isHeader && options.afterHeader) out.push(options.afterHeader)
    columnRows = []
  }
  for (const rawLine of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trim()
    if (line.includes('||')) {
      columnRows.push(line.split('||').map((cell) => cell.trim()))
      continue
    }
    flushColumns()
    if (!line) {
      out.push({ text: '', margin: [0, 0, 0, 6] })
      continue
    }
    const lone = lonePlaceholder(line)
    if (lone?.kind === 'list') {
      const items = slipValueItems(data[lone.name])
      out.push({ ol: items.length ? items : [BLANK], margin: [14, 0, 0, 4] })
    } else if (lone?.kind === 'table') out.push(tableBlock(lone.name, data, options.tableFontSize ?? 10))
    else if (line.startsWith('## ')) out.push({ text: inlineRuns(line.slice(3), data), alignment: 'center', margin: [0, 0, 0, 3] })
    else if (line.startsWith('# '))
      out.push({ text: inlineRuns(line.slice(2), data), alignment: 'center', bold: true, fontSize: 13, margin: [0, 10, 0, 4] })
    else if (line.startsWith('>> ')) out.push({ text: inlineRuns(line.slice(3), data), alignment: 'right', italics: true, margin: [0, 0, 0, 3] })
    else if (line.startsWith('<< ')) out.push({ text: inlineRuns(line.slice(3), data), alignment: 'left', fontSize: 10, margin: [0, 0, 0, 3] })
    else out.push({ text: inlineRuns(line, data), alignment: 'justify', margin: [0, 0, 0, 3] })
  }
  flushColumns()
  if (options.afterHeader && !out.includes(options.afterHeader)) out.unshift(options.afterHeader)
  return out
}
