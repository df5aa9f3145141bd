/*
 * NF-24: what a converted document may keep. A crafted Word file can carry links, scripts in
 * odd places and pictures from elsewhere; none of it may reach the page.
 */
import { test } from '@japa/runner'
import { sanitizeDocumentHtml } from '#intake/files/file_viewer'
import { rtfToText } from '#intake/files/rtf_text'

test.group('NF-24 converted documents are safe HTML', () => {
  test('NF-24 scripts, handlers, styles, links and remote pictures are removed; text and tables stay', ({ assert }) => {
    const html = sanitizeDocumentHtml(
      '<p onclick="steal()">Tờ khai<script>alert(1)</script></p>' +
        '<a href="javascript:alert(1)">bấm đây</a><style>body{}</style>' +
        '<img src="https://evil.example/x.png"><img src="data:image/png;base64,AAAA" alt="ảnh">' +
        '<table><tr><td colspan="2" style="color:red">Ô</td></tr></table><iframe src="/"></iframe>'
    )
    assert.equal(
      html,
      '<p>Tờ khai</p>bấm đây<img /><img src="data:image/png;base64,AAAA" alt="ảnh" />' +
        '<table><tr><td colspan="2">Ô</td></tr></table>'
    )
  })

  test('NF-24 RTF: the text without tables of fonts, with Unicode and code-page characters', ({ assert }) => {
    const text = rtfToText('{\\rtf1\\ansi\\ansicpg1258{\\fonttbl{\\f0 Times;}}\\uc1 X\\u7841?\\u32?\\\'e2\\{1\\}\\par dong\\tab 2}')
    assert.equal(text, 'Xạ â{1}\ndong\t2')
  })
})
