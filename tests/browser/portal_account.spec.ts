/*
 * The account pages in Chromium (issue 4, item 7): each page has no WCAG 2.1 AA violations at
 * 1280 and 320 px, and a session ended from another browser is logged out at its next page
 * (NF-23): two real logins, two cookie jars.
 */
import { test } from '@japa/runner'
import { TEST_PASSWORD, createCitizen, createTenant, hostOf } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { expectNoAxeViolations, horizontalOverflow, openPage, type BrowserPage } from '#tests/helpers/browser'

async function logIn({ page, visit }: BrowserPage, nationalId: string) {
  await visit('/dang-nhap')
  await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(nationalId)
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
  await Promise.all([page.waitForURL('**/tai-khoan'), page.getByRole('button', { name: 'Đăng nhập' }).click()])
}

test.group('Account pages in Chromium', (group) => {
  group.each.setup(() => clearRateLimits())

  test('PT-1.1 NF-8 PT-5.2 NF-23 NF-1: every account page is accessible at 1280 and 320 px', async ({ assert, cleanup }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    const browser = await openPage(cleanup, hostOf(tenant))
    await logIn(browser, citizen.nationalId!)
    const { page, visit } = browser
    for (const path of ['/tai-khoan', '/tai-khoan/thong-tin', '/tai-khoan/kho-giay-to', '/tai-khoan/thong-bao', '/tai-khoan/mat-khau', '/tai-khoan/phien-dang-nhap']) {
      await visit(path)
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 800 })
        await expectNoAxeViolations(page, assert, `${path} at ${width} px`)
        assert.isAtMost(await horizontalOverflow(page), 0, `${path} scrolls sideways at ${width} px`)
      }
      await page.setViewportSize({ width: 1280, height: 800 })
    }

    // The profile refused: errors at the fields, still accessible.
    await visit('/tai-khoan/thong-tin')
    await page.getByLabel('Số điện thoại').fill('12345')
    await Promise.all([page.waitForURL('**/tai-khoan/thong-tin'), page.getByRole('button', { name: 'Lưu thông tin' }).click()])
    assert.include(await page.locator('.error-summary').textContent(), 'Số điện thoại phải gồm 10 chữ số và bắt đầu bằng số 0.')
    await expectNoAxeViolations(page, assert, 'the profile with errors')
  })

  test('NF-23: ending a session from another browser logs that browser out at its next page', async ({ assert, cleanup }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    const phone = await openPage(cleanup, hostOf(tenant), {
      userAgent: 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36',
    })
    const desk = await openPage(cleanup, hostOf(tenant))
    await logIn(phone, citizen.nationalId!)
    await logIn(desk, citizen.nationalId!)

    await desk.visit('/tai-khoan/phien-dang-nhap')
    const other = desk.page.locator('.dossier-card', { hasText: 'Chrome trên Android' })
    assert.equal(await other.count(), 1)
    await Promise.all([
      desk.page.waitForURL('**/tai-khoan/phien-dang-nhap'),
      other.getByRole('button', { name: 'Đăng xuất phiên này' }).click(),
    ])
    assert.include(await desk.page.locator('main').textContent(), 'Đã đăng xuất phiên đăng nhập đó.')

    await phone.page.goto(phone.page.url().replace(/\/[^/]*$/, '/ho-so-cua-toi'))
    assert.match(phone.page.url(), /\/dang-nhap\?return_to=%2Fho-so-cua-toi$/)
    assert.include(await phone.page.locator('main').textContent(), 'Phiên đăng nhập này đã được kết thúc')

    await desk.visit('/ho-so-cua-toi')
    assert.include(await desk.page.locator('h1').textContent(), 'Hồ sơ của tôi')
  })
})
