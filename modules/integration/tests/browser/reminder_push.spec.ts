/*
 * OS-22.6 in Chromium: the reminder-push screen (plain form posts, no htmx), refused and then
 * saved, has no WCAG 2.1 AA violations at desktop and phone widths, and never shows the saved
 * signing key.
 */
import { test } from '@japa/runner'
import { createOfficer, createTenant, hostOf, TEST_PASSWORD } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { expectNoAxeViolations, horizontalOverflow, openPage } from '#tests/helpers/browser'

const SECRET = 'khoa-ky-bi-mat-2026'

test.group('OS-22.6 reminder push screen in Chromium', (group) => {
  group.each.setup(() => clearRateLimits())

  test('OS-22.6 NF-1: the admin sets the receiver; errors at the field, no WCAG 2.1 AA violations', async ({ assert, cleanup }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const { page, visit } = await openPage(cleanup, hostOf(tenant))
    await visit('/dang-nhap')
    await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(admin.email!)
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
    await Promise.all([page.waitForURL('**/mot-cua'), page.keyboard.press('Enter')])

    await visit('/quan-tri')
    await Promise.all([page.waitForURL('**/quan-tri/ket-noi/nhac-viec'), page.getByRole('link', { name: 'Kết nối nhắc việc' }).click()])

    await page.getByLabel('Địa chỉ nhận nhắc việc (URL)').fill('vanban.noibo')
    await page.getByLabel('Khóa ký', { exact: true }).fill('ngan')
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Lưu' }).click()])
    assert.equal(await page.locator('#field-secret-error').textContent(), 'Khóa ký phải có ít nhất 16 ký tự.')
    assert.include(await page.locator('#field-url-error').textContent(), 'http:// hoặc https://')
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 })
      await expectNoAxeViolations(page, assert, `refused form at ${width} px`)
      assert.isAtMost(await horizontalOverflow(page), 0, `refused form scrolls sideways at ${width} px`)
    }

    await page.getByLabel('Địa chỉ nhận nhắc việc (URL)').fill('https://vanban.noibo/api/nhac-viec')
    await page.getByLabel('Khóa ký', { exact: true }).fill(SECRET)
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Lưu' }).click()])
    assert.include(await page.getByRole('status').textContent(), 'Đã lưu.')
    assert.include(await page.locator('main').textContent(), 'Khóa ký đã lưu')
    assert.notInclude(await page.content(), SECRET)
    assert.equal(await page.getByLabel('Khóa ký', { exact: true }).inputValue(), '')
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 })
      await expectNoAxeViolations(page, assert, `saved screen at ${width} px`)
      assert.isAtMost(await horizontalOverflow(page), 0, `saved screen scrolls sideways at ${width} px`)
    }
  })
})
