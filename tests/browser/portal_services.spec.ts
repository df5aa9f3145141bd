/*
 * Finding a service in a real browser (Debian's Chromium) on the demo data of Hà Nội: every
 * published service within three clicks of the home page (NF-2, OL-11a), search without
 * diacritics with htmx and without JavaScript, accessibility at WCAG 2.1 AA at 1280 and 320 px
 * (NF-1), and the weight of a service page over the wire.
 */
import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import Procedure from '#catalog/models/procedure'
import { ensureDemoData } from '#tests/helpers/demo'
import { expectNoAxeViolations, horizontalOverflow, openPage, recordTransfers, urlFor } from '#tests/helpers/browser'
import { servicePath } from '#portal/services/service_urls'

const HOST = 'hanoi.localhost'
const KB = 1024

async function publishedServices(tenant: Tenant) {
  return withTenant(tenant, () => Procedure.query().where('status', 'published').orderBy('id'))
}

/** Same-host links of the page as paths (with their query strings), fragments dropped. */
async function linksOf(page: Page, origin: string): Promise<string[]> {
  const hrefs: string[] = await page.$$eval('a[href]', (anchors) => anchors.map((anchor) => (anchor as any).href as string))
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin)
    .map((url) => url.pathname + url.search)
}

test.group('Portal services in Chromium', (group) => {
  let hanoi: Tenant
  group.setup(async () => {
    hanoi = await ensureDemoData()
  })

  test('NF-2 OL-11a every published service is reachable in at most three clicks from the home page', async ({
    assert,
    cleanup,
  }) => {
    const services = await publishedServices(hanoi)
    assert.isAtLeast(services.length, 40)
    const { page } = await openPage(cleanup, HOST)
    const origin = new URL(urlFor(HOST, '/')).origin

    // Breadth-first over the links a visitor can click, from the home page, three levels deep.
    const depthOf = new Map<string, number>([['/', 0]])
    let frontier = ['/']
    for (let depth = 0; depth < 3; depth++) {
      const next: string[] = []
      for (const path of frontier) {
        // Downloads and the account pages hold no further way to a service.
        if (path.startsWith('/mau-don/')) continue
        const response = await page.goto(urlFor(HOST, path), { waitUntil: 'domcontentloaded' })
        if (!response || !String(response.headers()['content-type']).startsWith('text/html')) continue
        for (const link of await linksOf(page, origin)) {
          if (depthOf.has(link)) continue
          depthOf.set(link, depth + 1)
          next.push(link)
        }
      }
      frontier = next
    }

    const unreached = services.filter((service) => !depthOf.has(servicePath(service))).map((service) => service.name)
    assert.deepEqual(unreached, [], 'published services not reachable within three clicks')
    const deepest = Math.max(...services.map((service) => depthOf.get(servicePath(service))!))
    console.log(`  ${services.length} published services of Hà Nội, each within ${deepest} clicks of the home page`)
    assert.isAtMost(deepest, 2, 'home → sector → service should be enough for every service')

    // Drafts are nowhere to be reached.
    const drafts = await withTenant(hanoi, () => Procedure.query().where('status', 'draft'))
    for (const draft of drafts) assert.isFalse(depthOf.has(servicePath(draft)), `the draft ${draft.name} is linked`)
  })

  test('PT-10.1 from the home page, "dang ky khai sinh" without diacritics finds and opens the service', async ({
    assert,
    cleanup,
  }) => {
    const { page, visit } = await openPage(cleanup, HOST)
    await visit('/')
    await page.getByLabel('Tìm dịch vụ công theo tên thủ tục hoặc lĩnh vực').fill('dang ky khai sinh')
    await Promise.all([page.waitForURL(/\/dich-vu-cong\?q=dang/), page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click()])
    const first = page.locator('.service-name a').first()
    assert.equal(await first.textContent(), 'Thủ tục đăng ký khai sinh')
    await Promise.all([page.waitForURL(/\/dich-vu-cong\/\d+-thu-tuc-dang-ky-khai-sinh$/), first.click()])
    assert.equal(await page.locator('h1').textContent(), 'Thủ tục đăng ký khai sinh')
    assert.include(await page.title(), 'Thủ tục đăng ký khai sinh')
    // Level 4: the way to apply online, through the login page for a visitor.
    const apply = page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' })
    assert.match(String(await apply.getAttribute('href')), /^\/dang-nhap\?return_to=%2Fdich-vu-cong%2F\d+%2Fnop-ho-so$/)
  })

  test('PT-10.1 typing in the search box swaps only the results (htmx), and the URL follows', async ({ assert, cleanup }) => {
    const { page, visit } = await openPage(cleanup, HOST)
    await visit('/dich-vu-cong')
    const heading = page.locator('h1')
    await heading.evaluate((element) => ((element as any).dataset.marker = 'kept'))
    await page.getByLabel('Tên thủ tục hoặc nội dung').fill('giay phep xay dunh')
    await page.waitForURL(/q=giay\+phep\+xay\+dunh/)
    await page.waitForFunction(() => (globalThis as any).document.querySelector('.service-name a')?.textContent?.includes('xây dựng'))
    assert.equal(await heading.getAttribute('data-marker'), 'kept', 'the whole page was reloaded')
    const names = await page.locator('.service-name a').allTextContents()
    assert.isAbove(names.length, 0)
    assert.include(names[0].toLowerCase(), 'giấy phép xây dựng')

    await page.getByLabel('Mức độ', { exact: true }).selectOption('2')
    await page.waitForURL(/level=2/)
    await page.waitForFunction(() => (globalThis as any).document.querySelector('.result-count')?.textContent !== '')
    assert.include(page.url(), 'q=giay+phep+xay+dunh')
  })

  test('the search works without JavaScript', async ({ assert, cleanup }) => {
    const { page, visit } = await openPage(cleanup, HOST, { javaScriptEnabled: false })
    await visit('/dich-vu-cong')
    await page.getByLabel('Tên thủ tục hoặc nội dung').fill('cap giay phep xay dung')
    await page.getByLabel('Lĩnh vực').selectOption('XD')
    await Promise.all([page.waitForURL(/sector=XD/), page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click()])
    const names = await page.locator('.service-name a').allTextContents()
    assert.isAbove(names.length, 0)
    assert.match(names[0], /^Cấp giấy phép xây dựng/)
  })

  test('NF-1 the catalogue, a sector page and a service page have no WCAG 2.1 AA violations at 1280 and 320 px', async ({
    assert,
    cleanup,
  }) => {
    const [service] = await withTenant(hanoi, () =>
      Procedure.query().where('status', 'published').where('name', 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ')
    )
    const { page, visit } = await openPage(cleanup, HOST)
    const paths = ['/dich-vu-cong', '/dich-vu-cong?q=giay+phep&level=3', '/dich-vu-cong/linh-vuc/XD', servicePath(service), '/']
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 })
      for (const path of paths) {
        await visit(path)
        await expectNoAxeViolations(page, assert, `${path} at ${width} px`)
        assert.isAtMost(await horizontalOverflow(page), 0, `${path} scrolls sideways at ${width} px`)
      }
      // The facts of a service read as text at 320 px, not as a column one letter wide.
      await visit(servicePath(service))
      const factWidth = await page.locator('.service-facts dd').first().evaluate((element) => (element as any).getBoundingClientRect().width)
      assert.isAtLeast(factWidth, 200, `the service facts are ${factWidth} px wide at ${width} px`)
    }
  })

  test('page weight: a service page is at most 100 KB on a first visit; its structured data raises no CSP error', async ({
    assert,
    cleanup,
  }) => {
    const [service] = await withTenant(hanoi, () =>
      Procedure.query().where('status', 'published').where('name', 'Thủ tục đăng ký khai sinh')
    )
    const { page, visit } = await openPage(cleanup, HOST)
    // Chromium reports a CSP refusal on the console ("Refused to execute inline script …").
    const refusals: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text())
    })
    const transfers = await recordTransfers(page)
    await visit(servicePath(service))
    await page.waitForLoadState('networkidle')
    const first = transfers.total()
    const entries = transfers.entries()
    await transfers.stop()
    console.log(
      `  A service page over the wire, first visit: ${first} B (${(first / KB).toFixed(1)} KB)\n` +
        entries.map((entry) => `    ${String(entry.bytes).padStart(6)} B  ${entry.status ?? ''} ${entry.url.replace(/^https?:\/\/[^/]+/, '')}`).join('\n')
    )
    assert.isAtMost(first, 100 * KB, `first visit weighs ${first} B`)

    // The JSON-LD block is data, not script: Chromium reads it and the CSP has nothing to say.
    const data = JSON.parse(String(await page.locator('script[type="application/ld+json"]').textContent()))
    assert.equal(data['@type'], 'GovernmentService')
    assert.equal(data.name, 'Thủ tục đăng ký khai sinh')
    assert.deepEqual(refusals, [], 'CSP refusals on the service page')
  })
})
