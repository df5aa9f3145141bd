/*
 * The citizen portal's layout in a real browser (Debian's Chromium): accessibility at WCAG 2.1
 * AA (NF-1, OL-15), display settings that persist (OL-17), access keys, and the home page's
 * weight over the wire.
 */
import { test } from '@japa/runner'
import { createTenant, hostOf } from '#tests/helpers/tenants'
import {
  expectNoAxeViolations,
  horizontalOverflow,
  openPage,
  recordTransfers,
} from '#tests/helpers/browser'

// Page-side code runs in Chromium; the app's tsconfig has no DOM library.
declare const document: any
declare function getComputedStyle(element: unknown): { fontSize: string }

const KB = 1024

test.group('Portal layout in Chromium', () => {
  test('NF-1 OL-15: the portal home has no WCAG 2.1 AA violations at 1280 px and at 320 px', async ({
    assert,
    cleanup,
  }) => {
    const tenant = await createTenant()
    const { page, visit } = await openPage(cleanup, hostOf(tenant))
    await visit('/')
    assert.include(await page.title(), tenant.name)
    await expectNoAxeViolations(page, assert, 'the portal home at 1280 px')

    await page.setViewportSize({ width: 320, height: 640 })
    await visit('/')
    await expectNoAxeViolations(page, assert, 'the portal home at 320 px')
    const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth)
    assert.isAtMost(scrollWidth, 320, 'the home page scrolls sideways at 320 px')
  })

  test('NF-1 OL-15: the site map and the about page have no WCAG 2.1 AA violations', async ({
    assert,
    cleanup,
  }) => {
    const tenant = await createTenant()
    const { page, visit } = await openPage(cleanup, hostOf(tenant))
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 })
      for (const path of ['/so-do-cong', '/gioi-thieu']) {
        await visit(path)
        await expectNoAxeViolations(page, assert, `${path} at ${width} px`)
        assert.isAtMost(await horizontalOverflow(page), 0, `${path} scrolls sideways at ${width} px`)
      }
    }
  })

  test('OL-17: larger text and high contrast persist across a reload and stay accessible', async ({
    assert,
    cleanup,
  }) => {
    const tenant = await createTenant()
    const { page, visit } = await openPage(cleanup, hostOf(tenant))
    await visit('/')
    const rootFontSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize)
    assert.equal(await rootFontSize(), '16px')

    // Each button posts the form; the answer redirects back to the page, now with the new class.
    const htmlHasClass = (name: string, present = true) =>
      page.waitForFunction(
        ([className, wanted]) => document.documentElement.classList.contains(className) === wanted,
        [name, present] as const
      )
    await page.getByRole('button', { name: 'Tăng cỡ chữ' }).click()
    await htmlHasClass('font-larger')
    const contrast = page.getByRole('button', { name: 'Tương phản cao' })
    assert.equal(await contrast.getAttribute('aria-pressed'), 'false')
    await contrast.click()
    await htmlHasClass('high-contrast')

    await page.reload({ waitUntil: 'load' })
    const htmlClasses = (await page.locator('html').getAttribute('class'))!.split(/\s+/)
    assert.includeMembers(htmlClasses, ['font-larger', 'high-contrast'])
    assert.equal(await rootFontSize(), '20px')
    assert.equal(await page.getByRole('button', { name: 'Tương phản cao' }).getAttribute('aria-pressed'), 'true')
    const cookie = (await page.context().cookies()).find((entry) => entry.name === 'display')
    assert.exists(cookie, 'the display cookie was not set')

    // The choice holds on the other pages too, and the enlarged, high-contrast page is usable.
    await visit('/so-do-cong')
    assert.include(await page.locator('html').getAttribute('class'), 'font-larger')
    await expectNoAxeViolations(page, assert, 'the site map with larger text and high contrast')
    await page.setViewportSize({ width: 320, height: 640 })
    await visit('/')
    await expectNoAxeViolations(page, assert, 'the home page with larger text and high contrast at 320 px')
    assert.isAtMost(await horizontalOverflow(page), 0, 'larger text scrolls sideways at 320 px')

    // Back to normal: the same buttons undo both choices.
    await page.getByRole('button', { name: 'Cỡ chữ mặc định' }).click()
    await htmlHasClass('font-larger', false)
    await page.getByRole('button', { name: 'Tương phản cao' }).click()
    await htmlHasClass('high-contrast', false)
    await page.reload({ waitUntil: 'load' })
    const classesAfter = (await page.locator('html').getAttribute('class')) ?? ''
    assert.notInclude(classesAfter, 'high-contrast')
    assert.notInclude(classesAfter, 'font-larger')
    assert.equal(await rootFontSize(), '16px')
  })

  test('access keys: 1 home, 3 site map, 4 search, and a skip link to #main', async ({ assert, cleanup }) => {
    const tenant = await createTenant()
    const { page, visit } = await openPage(cleanup, hostOf(tenant))
    await visit('/gioi-thieu')

    assert.equal(await page.locator('a[accesskey="1"]').getAttribute('href'), '/')
    assert.equal(await page.locator('a[accesskey="3"]').getAttribute('href'), '/so-do-cong')
    const keys = await page.$$eval('[accesskey]', (elements) => elements.map((element) => element.getAttribute('accesskey')))
    assert.equal(new Set(keys).size, keys.length, `access keys used twice: ${keys.join(', ')}`)

    // The first Tab reaches the skip link, which moves the focus to the main area.
    await page.keyboard.press('Tab')
    const skip = page.locator(':focus')
    assert.equal(await skip.getAttribute('href'), '#main')
    assert.isTrue(await skip.isVisible(), 'the focused skip link is not visible')
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main')

    await visit('/')
    const search = page.locator('[accesskey="4"]')
    assert.equal(await search.getAttribute('type'), 'search')
    assert.equal(await search.getAttribute('id'), 'search-query')
    assert.equal(await page.locator('label[for="search-query"]').count(), 1)
    assert.equal(await page.locator('#main').count(), 1)
  })

  test('page weight: the portal home is at most 60 KB on a first visit and 10 KB on a repeat visit', async ({
    assert,
    cleanup,
  }) => {
    const tenant = await createTenant()
    const { page, visit } = await openPage(cleanup, hostOf(tenant))
    const transfers = await recordTransfers(page)

    await visit('/')
    await page.waitForLoadState('networkidle')
    const first = transfers.total()
    const firstEntries = transfers.entries()

    transfers.reset()
    await visit('/')
    await page.waitForLoadState('networkidle')
    const repeat = transfers.total()
    const repeatEntries = transfers.entries()
    await transfers.stop()

    const describe = (entries: typeof firstEntries) =>
      entries
        .map((entry) => `    ${String(entry.bytes).padStart(6)} B  ${entry.status ?? ''} ${entry.fromCache ? '(cache) ' : ''}${entry.url.replace(/^https?:\/\/[^/]+/, '')}`)
        .join('\n')
    console.log(
      `  Portal home over the wire: first visit ${first} B (${(first / KB).toFixed(1)} KB), ` +
        `repeat visit ${repeat} B (${(repeat / KB).toFixed(1)} KB)\n` +
        `  first visit:\n${describe(firstEntries)}\n  repeat visit:\n${describe(repeatEntries)}`
    )

    assert.isAbove(first, 0)
    assert.isAtMost(first, 60 * KB, `first visit weighs ${first} B`)
    assert.isAtMost(repeat, 10 * KB, `repeat visit weighs ${repeat} B`)
    // Fingerprinted assets come from the cache on the repeat visit.
    const refetched = repeatEntries.filter((entry) => entry.url.includes('/assets/') && entry.bytes > 0)
    assert.deepEqual(refetched.map((entry) => entry.url), [], 'assets fetched again on the repeat visit')
  })
})
