/*
 * PT-7.1, OL-5, PT-12, NF-1: the guidance pages and the lookup by phone or email in Chromium:
 * no WCAG 2.1 AA violations at 1280 and 320 px, nothing scrolling sideways, reached by the links
 * a visitor would follow.
 */
import { test } from '@japa/runner'
import { createTenant, hostOf } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { expectNoAxeViolations, horizontalOverflow, openPage } from '#tests/helpers/browser'

test.group('Portal guides in Chromium', (group) => {
  group.each.setup(() => clearRateLimits())

  test('PT-7.1 OL-5 NF-1: both guides are reached from the home page and are accessible at 1280 and 320 px', async ({
    assert,
    cleanup,
  }) => {
    const tenant = await createTenant()
    const { page, visit } = await openPage(cleanup, hostOf(tenant))
    await visit('/')
    await Promise.all([
      page.waitForURL('**/huong-dan'),
      page.getByRole('main').getByRole('link', { name: 'Hướng dẫn làm thủ tục trực tuyến' }).click(),
    ])
    assert.equal(await page.locator('h1').textContent(), 'Hướng dẫn nộp hồ sơ trực tuyến')
    await Promise.all([
      page.waitForURL('**/huong-dan/muc-do-dich-vu'),
      page.getByRole('main').getByRole('link', { name: 'Các mức độ dịch vụ công trực tuyến nghĩa là gì?' }).click(),
    ])
    assert.equal(await page.locator('h1').textContent(), 'Các mức độ dịch vụ công trực tuyến')

    for (const path of ['/huong-dan', '/huong-dan/muc-do-dich-vu']) {
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 800 })
        await visit(path)
        await expectNoAxeViolations(page, assert, `${path} at ${width} px`)
        assert.isAtMost(await horizontalOverflow(page), 0, `${path} scrolls sideways at ${width} px`)
      }
    }
  })

  test('PT-12 NF-1: the lookup by phone or email is reached from the lookup page and is accessible, errors included', async ({
    assert,
    cleanup,
  }) => {
    const tenant = await createTenant()
    const { page, visit } = await openPage(cleanup, hostOf(tenant))
    await visit('/tra-cuu')
    await Promise.all([
      page.waitForURL('**/tra-cuu/dien-thoai-email'),
      page.getByRole('link', { name: /Tra cứu bằng số điện thoại hoặc email/ }).click(),
    ])
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 })
      await expectNoAxeViolations(page, assert, `/tra-cuu/dien-thoai-email at ${width} px`)
      assert.isAtMost(await horizontalOverflow(page), 0, `/tra-cuu/dien-thoai-email scrolls sideways at ${width} px`)
    }

    await page.getByLabel('Số điện thoại hoặc email').fill('12345')
    await page.getByLabel('Mã xác nhận', { exact: false }).fill('xxxxx')
    await Promise.all([page.waitForURL('**/tra-cuu/dien-thoai-email'), page.getByRole('button', { name: 'Gửi mã xác nhận' }).click()])
    await page.waitForSelector('.error-summary')
    assert.include(await page.locator('.error-summary').textContent(), 'Vui lòng nhập số điện thoại 10 chữ số')
    await expectNoAxeViolations(page, assert, 'the lookup by phone or email with errors')
  })
})
