/** A tabular document as an OpenDocument text (.odt), the table's heading row repeated on every page. */
import { odfLines, odfTextPackage, xmlText } from '#documents/odf'
import { columnPercentages, type TabularDocument } from '#documents/tabular_document'

const STYLES = `<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-weight="bold" fo:font-size="14pt"/></style:style>
<style:style style:name="Heading" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold" fo:font-size="10pt"/></style:style>
<style:style style:name="CellText" style:family="paragraph"><style:text-properties fo:font-size="10pt"/></style:style>
<style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Table" style:family="table"><style:table-properties table:align="margins" fo:margin-top="0.3cm" fo:margin-bottom="0.3cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.05cm"/></style:style>`

export function tabularOdt(document: TabularDocument): Buffer {
  const shares = columnPercentages(document.columns)
  const columnStyles = shares
    .map(
      (share, index) =>
        `<style:style style:name="Table.C${index + 1}" style:family="table-column"><style:table-column-properties style:rel-column-width="${Math.max(1, Math.round(share * 100))}*"/></style:style>`
    )
    .join('')
  const cell = (text: string, style: string) =>
    `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="${style}">${odfLines(text)}</text:p></table:table-cell>`
  const table = [
    `<table:table table:name="${xmlText(document.sheetName)}" table:style-name="Table">`,
    shares.map((_, index) => `<table:table-column table:style-name="Table.C${index + 1}"/>`).join(''),
    `<table:table-header-rows><table:table-row>${document.columns.map((column) => cell(column.heading, 'Heading')).join('')}</table:table-row></table:table-header-rows>`,
    ...document.rows.map(
      (row) => `<table:table-row>${document.columns.map((_, index) => cell(row[index] ?? '', 'CellText')).join('')}</table:table-row>`
    ),
    '</table:table>',
  ].join('')
  const body = [
    `<text:p text:style-name="Title">${xmlText(document.title)}</text:p>`,
    ...document.details.map(
      (detail) => `<text:p><text:span text:style-name="Bold">${xmlText(detail.label)}: </text:span>${xmlText(detail.value)}</text:p>`
    ),
    table,
    ...document.notes.map((note) => `<text:p>${odfLines(note)}</text:p>`),
  ].join('\n')
  return odfTextPackage({ title: document.title, landscape: document.landscape, automaticStyles: STYLES + columnStyles, body })
}
