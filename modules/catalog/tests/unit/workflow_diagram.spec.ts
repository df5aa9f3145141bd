import { test } from '@japa/runner'
import { renderWorkflowDiagram } from '#catalog/services/workflow_diagram'
import { fourStepFlow } from '#catalog/tests/helpers/workflows'
import { defaultWorkflowFor } from '#catalog/services/workflow_templates'

/** A small well-formedness check: every tag closes, in order (the SVG is XML). */
function assertWellFormedXml(xml: string) {
  const stack: string[] = []
  for (const match of xml.matchAll(/<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>/g)) {
    const [, closing, name, , selfClosing] = match
    if (selfClosing) continue
    if (closing) {
      const open = stack.pop()
      if (open !== name) throw new Error(`</${name}> closes <${open}>`)
    } else stack.push(name)
  }
  if (stack.length) throw new Error(`unclosed: ${stack.join(', ')}`)
  // No raw ampersand or angle bracket in text.
  if (/&(?!amp;|lt;|gt;|quot;|#39;)/.test(xml)) throw new Error('unescaped &')
}

test.group('OS-24.1 workflow diagrams', () => {
  test('OS-24.1 draws an accessible SVG with each step, escaped, and a text alternative', async ({ assert }) => {
    const flow = fourStepFlow()
    flow.steps[1].name = '<Thẩm> & "định"'
    const diagram = await renderWorkflowDiagram(flow, { title: 'Quy trình <thử> & bốn bước' })

    assertWellFormedXml(diagram.svg)
    assert.match(diagram.svg, /^<svg [^>]*role="img"/)
    assert.match(diagram.svg, /viewBox="0 0 \d+ \d+"/)
    assert.include(diagram.svg, 'width="100%"')
    assert.match(diagram.svg, /<title id="[^"]+">Quy trình &lt;thử&gt; &amp; bốn bước<\/title>/)
    assert.notInclude(diagram.svg, '<Thẩm>')
    assert.notInclude(diagram.svg, 'style=')
    for (const name of ['Tiếp nhận', '&lt;Thẩm&gt; &amp; &quot;định&quot;', 'Phê duyệt', 'Trả kết quả', 'Đã trả kết quả', 'Nộp trực tuyến']) {
      assert.include(diagram.svg, name)
    }
    for (const action of ['Chuyển xử lý', 'Trình ký']) assert.include(diagram.svg, action)

    // Top to bottom: intake above assessment above approval above return.
    const tops = ['Tiếp nhận', '&lt;Thẩm&gt;', 'Phê duyệt', 'Trả kết quả'].map((name) => {
      const match = diagram.svg.match(new RegExp(`<text x="[\\d.]+" y="([\\d.]+)"[^>]*>${name}`))
      return Number(match?.[1])
    })
    assert.deepEqual([...tops].sort((a, b) => a - b), tops)

    assert.deepEqual(
      diagram.text.steps.map((item) => `${item.number}. ${item.name} (${item.limit})`),
      ['1. Tiếp nhận (4 giờ)', '2. <Thẩm> & "định" (3 ngày)', '3. Phê duyệt (1 ngày)', '4. Trả kết quả (4 giờ)']
    )
    assert.deepInclude(diagram.text.transitions, {
      fromKey: 'tra_ket_qua',
      from: 'Trả kết quả',
      action: 'Trả kết quả',
      to: 'Kết thúc',
      status: 'Đã trả kết quả',
      requirements: [],
    })
  })

  test('OS-24.1 stays narrow enough for a phone and is cached per definition', async ({ assert }) => {
    const definition = defaultWorkflowFor({ legalDeadlineDays: 10 }, { template: 'inter_agency' })
    const first = await renderWorkflowDiagram(definition, { title: 'Liên thông' })
    const width = Number(first.svg.match(/viewBox="0 0 (\d+) \d+"/)![1])
    const height = Number(first.svg.match(/viewBox="0 0 \d+ (\d+)"/)![1])
    assert.isBelow(width, 640)
    assert.isAbove(height, width)
    assert.strictEqual(await renderWorkflowDiagram(definition, { title: 'Liên thông' }), first)
  })
})
