import { test } from '@japa/runner'
import {
  SLIP_PLACEHOLDERS,
  renderSlipBody,
  renderSlipDocument,
  sampleSlipData,
  unknownPlaceholders,
  usedPlaceholders,
} from '#catalog/services/slip_rendering'
import { RESULT_DEFAULT, SLIP_DEFAULTS } from '#catalog/services/slip_defaults'

test.group('OS-2.5 OS-12 slip rendering', () => {
  test('OS-2.5 OS-12 values are HTML-escaped: a <script> in a value prints as text', ({ assert }) => {
    const html = renderSlipBody('Người nộp: **{{nguoi_nop}}**\n{{thanh_phan_ho_so}}', {
      nguoi_nop: '<script>alert("x")</script> & **đậm**',
      thanh_phan_ho_so: ['<img src=x onerror=alert(1)>', 'Tờ khai'],
    })
    assert.notInclude(html, '<script')
    assert.notInclude(html, '<img')
    assert.include(html, '<strong>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; **đậm**</strong>')
    assert.include(html, '<ol class="slip-list"><li>&lt;img src=x onerror=alert(1)&gt;</li><li>Tờ khai</li></ol>')
  })

  test('OS-2.5 the template text itself is escaped too: no HTML or code gets through', ({ assert }) => {
    const html = renderSlipBody('<b onclick="x()">{{ten_thu_tuc}}</b> ${process.exit()} {{ constructor.constructor }}', {
      ten_thu_tuc: 'Đăng ký khai sinh',
    })
    assert.include(html, '&lt;b onclick=&quot;x()&quot;&gt;Đăng ký khai sinh&lt;/b&gt; ${process.exit()}')
    assert.notInclude(html, '<b ')
    assert.notInclude(html, 'constructor')
  })

  test('OS-2.5 unknown or malformed placeholders are reported once each, in order', ({ assert }) => {
    assert.deepEqual(
      unknownPlaceholders('{{ma_ho_so}} {{ten_nguoi}} {{ 1 + 1 }} {{ten_nguoi}} {{{co_quan}}} {{ ma_ho_so }}'),
      ['ten_nguoi', '1 + 1', '{co_quan']
    )
    assert.deepEqual(unknownPlaceholders('Không có trường nào { } }}'), [])
    assert.deepEqual(usedPlaceholders('{{ma_ho_so}} {{ ngay_nhan }} {{la}}'), ['ma_ho_so', 'ngay_nhan'])
  })

  test('OS-12 layout: motto columns, title, lists, tables, blanks to fill by hand', ({ assert }) => {
    const html = renderSlipBody(
      '{{co_quan}} || **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n# PHIẾU\n## *giữa*\n>> phải\n{{bang_kiem_soat}}\nLý do: {{ly_do}}',
      { co_quan: 'UBND', bang_kiem_soat: [['Giao: A\nNhận: B', '10 giờ', 'Đúng hạn', '']] }
    )
    assert.include(html, '<table class="slip-columns" role="presentation"><tbody><tr><td>UBND</td><td><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></td></tr></tbody></table>')
    assert.include(html, '<h1 class="slip-title">PHIẾU</h1>')
    assert.include(html, '<p class="slip-center"><em>giữa</em></p>')
    assert.include(html, '<p class="slip-right">phải</p>')
    assert.include(html, '<th scope="col">Thời gian giao, nhận hồ sơ</th>')
    assert.include(html, '<td>Giao: A<br>Nhận: B</td>')
    assert.include(html, 'Lý do: <span class="slip-blank">')
  })

  test('OS-12 a slip document is a complete A4 page with its print stylesheet', ({ assert }) => {
    const page = renderSlipDocument({ title: 'Giấy <tiếp nhận>', body: '# {{ma_ho_so}}' }, { ma_ho_so: 'H26-1' })
    assert.match(page, /^<!DOCTYPE html>/)
    assert.include(page, '<title>Giấy &lt;tiếp nhận&gt;</title>')
    assert.include(page, '@page { size: A4 portrait;')
    assert.include(page, '@media print')
    const linked = renderSlipDocument({ title: 'Sổ', body: '', landscape: true }, {}, { stylesheetHref: '/in.css' })
    assert.include(linked, '<link rel="stylesheet" href="/in.css">')
    assert.include(linked, 'class="slip-page slip-landscape"')
    assert.notInclude(linked, '<style>')
  })

  test('OS-2.5 every default slip of both sets uses only known placeholders and renders the sample data', ({ assert }) => {
    assert.deepEqual(
      SLIP_DEFAULTS['2018'].map((slip) => `${slip.formNumber} ${slip.kind}`),
      ['01 receipt', '02 supplement_request', '03 refusal', '04 apology', '05 process_control', '06 tracking_book']
    )
    assert.deepEqual(
      SLIP_DEFAULTS['2025'].map((slip) => `${slip.formNumber} ${slip.kind}`),
      ['01 receipt', '02 supplement_request', '03 refusal', '04 apology', '05 stop_notice', '06 process_control', '07 tracking_book']
    )
    const sample = sampleSlipData()
    for (const name of SLIP_PLACEHOLDERS.map((placeholder) => placeholder.name)) assert.property(sample, name)
    for (const slip of [...SLIP_DEFAULTS['2018'], ...SLIP_DEFAULTS['2025'], { ...RESULT_DEFAULT, kind: 'result' }]) {
      assert.deepEqual(unknownPlaceholders(slip.body), [], slip.kind)
      assert.include(slip.body, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
      assert.include(slip.body, 'Độc lập - Tự do - Hạnh phúc')
      const html = renderSlipBody(slip.body, sample)
      assert.notInclude(html, '{{', slip.kind)
    }
    const stop = SLIP_DEFAULTS['2025'].find((slip) => slip.kind === 'stop_notice')!
    assert.include(renderSlipBody(stop.body, sample), 'dừng giải quyết hồ sơ')
    const receipt = renderSlipBody(SLIP_DEFAULTS['2018'][0].body, sample)
    assert.include(receipt, 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ')
    assert.include(receipt, '000.00.01.H26-250312-0001')
    assert.include(receipt, 'NGƯỜI TIẾP NHẬN HỒ SƠ')
  })
})
