/*
 * OS-12.1: the catalog's slip template language laid out as PDF follows the same rules as the
 * HTML renderer: values are never markup, empty values print a dotted line, lists and tables
 * print their items and columns.
 */
import { test } from '@japa/runner'
import { SLIP_DEFAULTS } from '#catalog/services/slip_defaults'
import { sampleSlipData } from '#catalog/services/slip_rendering'
import { writePdf } from '#documents/pdf'
import { slipContent } from '#intake/documents/slip_layout'
import { pdfText } from '#intake/tests/document_readers'

async function printed(body: string, data: Record<string, any>) {
  return pdfText(await writePdf({ content: slipContent(body, data) }))
}

test.group('OS-12.1 slip layout', () => {
  test('OS-12.1 every default slip of both sets prints its title and the sample values', async ({ assert }) => {
    const data = sampleSlipData()
    const slips = [...SLIP_DEFAULTS['2018'], ...SLIP_DEFAULTS['2025']]
    // One PDF, a slip a page: pdfText separates pages with a space.
    const bytes = await writePdf({
      content: slips.map((slip, index) => ({ stack: slipContent(slip.body, data), pageBreak: index ? 'before' : undefined })),
    })
    const text = await pdfText(bytes)
    for (const slip of slips) {
      const title = slip.kind === 'stop_notice' ? 'Về việc dừng giải quyết hồ sơ' : slip.title.toLocaleUpperCase('vi')
      assert.include(text, title, `${slip.set}/${slip.kind}`)
    }
    assert.include(text, String(data.ma_ho_so))
    assert.include(text, 'Đăng ký khai sinh')
    assert.notInclude(text, '{{')
    assert.notInclude(text, '**')
  })

  test('OS-12.1 a value is printed as it is, never read as marks; an empty one leaves a dotted line', async ({ assert }) => {
    const text = await printed('Người nộp: **{{nguoi_nop}}**; địa chỉ: {{dia_chi}}; lý do: *{{ly_do}}*', {
      nguoi_nop: 'Lê **Văn** *Tám* {{ma_ho_so}}',
      dia_chi: '',
      ly_do: null,
    })
    // (The extractor puts a space where the bold run ends.)
    assert.include(text, 'Người nộp: Lê **Văn** *Tám* {{ma_ho_so}}')
    assert.include(text, '; địa chỉ: ……………………; lý do: ……………………')
  })

  test('OS-12.1 a list placeholder alone on its line prints its items, a table placeholder its columns and rows', async ({ assert }) => {
    const text = await printed('{{noi_dung_bo_sung}}\n{{bang_kiem_soat}}', {
      noi_dung_bo_sung: ['Giấy chứng sinh', 'Sổ hộ khẩu'],
      bang_kiem_soat: [['Giao: Bộ phận Một cửa', '10 giờ 00 phút', 'Đúng hạn', 'Không']],
    })
    for (const expected of ['Giấy chứng sinh', 'Sổ hộ khẩu', 'Thời gian giao, nhận hồ sơ', 'Giao: Bộ phận Một cửa', 'Đúng hạn']) {
      assert.include(text, expected)
    }
  })
})
