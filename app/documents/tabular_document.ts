/*
 * A document that is mostly one table: a title, a few "label: value" lines, the table, and notes
 * after it. Trail exports and list exports are of this shape, and each writer beside this file
 * (PDF, DOCX, XLSX, ODT) turns the same description into its format, so the four files of one
 * export always say the same thing.
 */
export interface TabularColumn {
  heading: string
  /** Relative width; the writers share the page width out in these proportions. */
  width: number
}

export interface TabularDocument {
  /** Heading of the document, also its file title. */
  title: string
  /** Lines under the title, e.g. { label: 'Mã hồ sơ', value: '000.00.01.H22-260415-0001' }. */
  details: readonly { label: string; value: string }[]
  columns: readonly TabularColumn[]
  /** Cells in column order; a line break inside a cell stays a line break. */
  rows: readonly (readonly string[])[]
  /** Paragraphs after the table. */
  notes: readonly string[]
  /** A4 landscape rather than portrait. */
  landscape?: boolean
  /** Name of the worksheet (spreadsheets); at most 31 characters. */
  sheetName: string
}

/** Each column's share of the width in per cent, adding up to 100. */
export function columnPercentages(columns: readonly TabularColumn[]): number[] {
  const total = columns.reduce((sum, column) => sum + column.width, 0) || 1
  return columns.map((column) => (column.width / total) * 100)
}
