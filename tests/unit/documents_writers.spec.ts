/*
 * OS-18.2 NF-16: the shared document writers. One tabular document written as PDF, DOCX, XLSX
 * and ODT says the same thing in each, Vietnamese text and markup characters intact; barcodes
 * and QR codes decode back to what they encode.
 */
import { test } from '@japa/runner'
import { strFromU8 } from 'fflate'
import { getDocumentProxy } from 'unpdf'
import { code128, qrCode } from '#documents/barcodes'
import { MM, writePdf } from '#documents/pdf'
import type { TabularDocument } from '#documents/tabular_document'
import { tabularPdf } from '#documents/tabular_pdf'
import { tabularDocx } from '#documents/tabular_docx'
import { tabularXlsx } from '#documents/tabular_xlsx'
import { tabularOdt } from '#documents/tabular_odt'
import { docxText, odtText, pdfCodes, pdfText, xlsxRows, zipEntries } from '#intake/tests/document_readers'

const DOCUMENT: TabularDocument = {
  title: 'BẢNG KÊ THỬ NGHIỆM',
  sheetName: 'Bảng kê',
  landscape: true,
  details: [{ label: 'Người lập', value: 'Nguyễn Thị Ngọc Ánh' }],
  columns: [
    { heading: 'STT', width: 1 },
    { heading: 'Nội dung', width: 6 },
  ],
  rows: [
    ['1', 'Ửng hồng, ngưỡng cửa, đường xuyên Á'],
    ['2', 'Dòng một\nDòng hai <b> & "trích"'],
  ],
  notes: ['Ghi chú: đủ các dấu ặ ẵ ẳ ẫ ậ ồ ổ ỗ ộ ữ ự.'],
}

const EXPECTED = [
  'BẢNG KÊ THỬ NGHIỆM',
  'Người lập: Nguyễn Thị Ngọc Ánh',
  'Ửng hồng, ngưỡng cửa, đường xuyên Á',
  'Dòng một',
  'Dòng hai <b> & "trích"',
  'Ghi chú: đủ các dấu ặ ẵ ẳ ẫ ậ ồ ổ ỗ ộ ữ ự.',
]

test.group('documents kernel: writers', () => {
  test('OS-18.2 the PDF embeds a Vietnamese font: the text reads back letter for letter, on A4 landscape', async ({ assert }) => {
    const bytes = await tabularPdf(DOCUMENT)
    const text = await pdfText(bytes)
    for (const expected of EXPECTED) assert.include(text, expected)
    const page = await (await getDocumentProxy(new Uint8Array(bytes))).getPage(1)
    assert.deepEqual(page.view.map(Math.round), [0, 0, 842, 595])
    assert.include(bytes.toString('latin1'), 'DejaVuSerifCondensed')
  })

  test('OS-18.2 the Word file holds the same text, landscape, with a heading row repeated on each page', async ({ assert }) => {
    const bytes = await tabularDocx(DOCUMENT)
    const text = docxText(bytes)
    for (const expected of EXPECTED) assert.include(text, expected)
    const xml = strFromU8(zipEntries(bytes)['word/document.xml'])
    assert.include(xml, 'w:orient="landscape"')
    assert.include(xml, '<w:tblHeader')
  })

  test('OS-18.2 the spreadsheet holds the title, the headings and one row per line', async ({ assert }) => {
    const rows = await xlsxRows(await tabularXlsx(DOCUMENT))
    assert.equal(rows[0][0], 'BẢNG KÊ THỬ NGHIỆM')
    assert.equal(rows[1][0], 'Người lập: Nguyễn Thị Ngọc Ánh')
    assert.deepEqual(rows[2], ['STT', 'Nội dung'])
    assert.deepEqual(rows[3], ['1', 'Ửng hồng, ngưỡng cửa, đường xuyên Á'])
    assert.deepEqual(rows[4], ['2', 'Dòng một\nDòng hai <b> & "trích"'])
    assert.equal(rows[5][0], 'Ghi chú: đủ các dấu ặ ẵ ẳ ẫ ậ ồ ổ ỗ ộ ữ ự.')
  })

  test('OS-18.2 the OpenDocument text holds the same text as well-formed, escaped XML', async ({ assert }) => {
    const bytes = tabularOdt(DOCUMENT)
    const text = odtText(bytes)
    for (const expected of EXPECTED) assert.include(text, expected)
    const content = strFromU8(zipEntries(bytes)['content.xml'])
    assert.include(content, 'Dòng một<text:line-break/>Dòng hai &lt;b&gt; &amp; &quot;trích&quot;')
    assert.include(content, '<table:table-header-rows>')
    assert.include(strFromU8(zipEntries(bytes)['styles.xml']), 'style:print-orientation="landscape"')
  })

  test('NF-16 a Code 128 barcode and a QR code drawn into a PDF decode back to their text', async ({ assert }) => {
    const code = '000.00.01.H26-261231-9999'
    const link = `https://dichvucong.hanoi.gov.vn/tra-cuu?ma=${code}`
    const [barcode, qr] = await Promise.all([code128(code), qrCode(link)])
    assert.isTrue(barcode.dataUrl.startsWith('data:image/png;base64,'))
    const bytes = await writePdf({
      content: [
        { image: barcode.dataUrl, width: 62 * MM, height: 10 * MM },
        { image: qr.dataUrl, width: 18 * MM, height: 18 * MM },
      ],
    })
    assert.deepEqual(await pdfCodes(bytes, 'code128'), [code])
    assert.deepEqual(await pdfCodes(bytes, 'qr'), [link])
  })
})
