/*
 * PT-15.2 c in Chromium: the counter-address screen. With JavaScript the commune list follows the
 * province (htmx); without it "Chọn tỉnh" brings the province's communes. Refused and saved, the
 * screen has no WCAG 2.1 AA violations at desktop and phone widths (axe needs JavaScript, so it
 * runs in the htmx test).
 */
import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import { createOfficer, createTenant, hostOf, TEST_PASSWORD } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { expectNoAxeViolations, horizontalOverflow, openPage } from '#tests/helpers/browser'

async function logIn(page: Page, email: string) {
  await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(email)
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
  await Promise.all([page.waitForURL('**/mot-cua'), page.keyboard.press('Enter')])
}

test.group('PT-15.2 counter address screen in Chromium', (group) => {
  group.each.setup(() => clearRateLimits())

  test('PT-15.2 NF-1: with htmx the communes follow the province; refused at the field, then saved; no WCAG 2.1 AA violations', async ({ assert, cleanup }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const { page, visit } = await openPage(cleanup, hostOf(tenant))
    await visit('/dang-nhap')
    await logIn(page, admin.email!)

    await visit('/quan-tri')
    await Promise.all([page.waitForURL('**/quan-tri/ket-noi/buu-chinh'), page.getByRole('link', { name: 'Địa chỉ tính cước bưu chính' }).click()])
    assert.include(await page.locator('main').textContent(), 'Chưa xác định được địa chỉ của bộ phận một cửa.')

    await Promise.all([
      page.waitForResponse((response) => response.url().includes('/quan-tri/ket-noi/buu-chinh?province=48')),
      page.getByLabel('Tỉnh, thành phố').selectOption('48'),
    ])
    await page.locator('#field-commune option[value="20242"]').waitFor({ state: 'attached' })
    assert.equal(await page.locator('#field-commune option[value="00070"]').count(), 0, 'no commune of another province')

    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Lưu', exact: true }).click()])
    assert.equal(await page.locator('#field-commune-error').textContent(), 'Vui lòng chọn xã, phường của bộ phận một cửa.')
    assert.equal(await page.getByLabel('Tỉnh, thành phố').inputValue(), '48')
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 })
      await expectNoAxeViolations(page, assert, `refused form at ${width} px`)
      assert.isAtMost(await horizontalOverflow(page), 0, `refused form scrolls sideways at ${width} px`)
    }

    await page.getByLabel('Xã, phường').selectOption('20242')
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Lưu', exact: true }).click()])
    assert.include(await page.getByRole('status').textContent(), 'Đã lưu.')
    assert.include(await page.locator('main').textContent(), 'Phường Hải Châu, Thành phố Đà Nẵng')
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 })
      await expectNoAxeViolations(page, assert, `saved screen at ${width} px`)
      assert.isAtMost(await horizontalOverflow(page), 0, `saved screen scrolls sideways at ${width} px`)
    }
  })

  test('PT-15.2 without JavaScript "Chọn tỉnh" brings the province\'s communes, then the address is saved', async ({ assert, cleanup }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const { page, visit } = await openPage(cleanup, hostOf(tenant), { javaScriptEnabled: false })
    await visit('/dang-nhap')
    await logIn(page, admin.email!)

    await visit('/quan-tri/ket-noi/buu-chinh')
    await page.getByLabel('Tỉnh, thành phố').selectOption('01')
    await Promise.all([page.waitForURL('**/quan-tri/ket-noi/buu-chinh?province=01'), page.getByRole('button', { name: 'Chọn tỉnh' }).click()])
    assert.isAbove(await page.locator('#field-commune option').count(), 1)
    assert.equal(await page.locator('#field-commune option[value="20242"]').count(), 0)

    await page.getByLabel('Xã, phường').selectOption('00070')
    await Promise.all([page.waitForURL('**/quan-tri/ket-noi/buu-chinh'), page.getByRole('button', { name: 'Lưu', exact: true }).click()])
    assert.include(await page.getByRole('status').textContent(), 'Phường Hoàn Kiếm, Thành phố Hà Nội')
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Bỏ địa chỉ đã lưu' }).click()])
    assert.include(await page.getByRole('status').textContent(), 'Đã bỏ địa chỉ đã lưu.')
  })
})
