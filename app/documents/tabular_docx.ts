/** A tabular document as a Word file (.docx), Times New Roman as administrative documents use. */
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { columnPercentages, type TabularDocument } from '#documents/tabular_document'

/** Runs of a cell's text, line breaks kept. */
function lines(text: string, bold = false) {
  return text.split(/\r?\n/).map((line, index) => new TextRun({ text: line, bold, break: index > 0 ? 1 : undefined }))
}

export function tabularDocx(document: TabularDocument): Promise<Buffer> {
  const shares = columnPercentages(document.columns)
  const cell = (text: string, index: number, bold = false) =>
    new TableCell({
      width: { size: shares[index], type: WidthType.PERCENTAGE },
      children: [new Paragraph({ alignment: bold ? AlignmentType.CENTER : AlignmentType.LEFT, children: lines(text, bold) })],
    })
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: document.columns.map((column, index) => cell(column.heading, index, true)) }),
      ...document.rows.map((row) => new TableRow({ children: document.columns.map((_, index) => cell(row[index] ?? '', index)) })),
    ],
  })
  const word = new Document({
    title: document.title,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [
      {
        properties: {
          page: { size: { orientation: document.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT } },
        },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 160 }, children: [new TextRun({ text: document.title, bold: true, size: 28 })] }),
          ...document.details.map(
            (detail) => new Paragraph({ children: [new TextRun({ text: `${detail.label}: `, bold: true }), new TextRun(detail.value)] })
          ),
          new Paragraph({ text: '' }),
          table,
          new Paragraph({ text: '' }),
          ...document.notes.map((note) => new Paragraph({ children: lines(note) })),
        ],
      },
    ],
  })
  return Packer.toBuffer(word)
}
