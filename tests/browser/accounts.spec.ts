/*
 * Logging in and registering in a real browser: the one-stop layout, the login and registration
 * pages (with and without errors) have no WCAG 2.1 AA violations, and demo-like officers and
 * citizens get in by typing into the forms as people do.
 */
import { test } from '@japa/runner'
import { createCitizen, createOfficer, createTenant, hostOf, TEST_PASSWORD } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { expectNoAxeViolations, horizontalOverflow, openPage } from '#tests/helpers/browser'

test.group('Accounts in Chromium', (group) => {
  group.each.setup(() => clearRateLimits())

  test('PT-6.2 NF-1: an officer logs in from the login form and reaches an accessible one-stop desk', async ({
    assert,
    cleanup,
  }) => {
    const tenant = await createTenant()
    const officer = await createOfficer(tenant, ['receptionist', 'handler'])
    const { page, visit } = await openPage(cleanup, hostOf(tenant))

    await visit('/dang-nhap')
    await expectNoAxeViolations(page, assert, 'the login page')
    await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(officer.email!)
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
    await Promise.all([page.waitForURL('**/mot-cua'), page.keyboard.press('Enter')])

    assert.equal(await page.locator('h1').textContent(), `Bàn làm việc của ${officer.fullName}`)
    assert.include(await page.title(), 'Hệ thống thông tin một cửa điện tử')
    await expectNoAxeViolations(page, assert, 'the one-stop desk at 1280 px')
    await page.setViewportSize({ width: 320, height: 640 })
    await expectNoAxeViolations(page, assert, 'the one-stop desk at 320 px')
    assert.isAtMost(await horizontalOverflow(page), 0, 'the one-stop desk scrolls sideways at 320 px')

    await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.getByRole('button', { name: 'Đăng xuất' }).click()])
    assert.include(await page.locator('main').textContent(), 'Bạn đã đăng xuất.')
  })

  test('PT-6.2: a citizen logs in with the identification number and sees the account page', async ({
    assert,
    cleanup,
  }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    const { page, visit } = await openPage(cleanup, hostOf(tenant))
    await visit('/dang-nhap')
    await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(citizen.nationalId!)
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
    await Promise.all([page.waitForURL('**/tai-khoan'), page.getByRole('button', { name: 'Đăng nhập' }).click()])
    assert.include(await page.locator('main').textContent(), citizen.nationalId!)
    await expectNoAxeViolations(page, assert, 'the account page')
  })

  test('OL-10 NF-1: the registration form, and the same form showing errors, have no WCAG 2.1 AA violations', async ({
    assert,
    cleanup,
  }) => {
    const tenant = await createTenant()
    const { page, visit } = await openPage(cleanup, hostOf(tenant))
    await visit('/dang-ky')
    await expectNoAxeViolations(page, assert, 'the registration form')

    await page.getByLabel('Họ và tên').fill('Đỗ Văn Thử')
    await page.getByLabel('Ngày sinh').fill('31/02/1990')
    await page.getByLabel('Số định danh cá nhân (CCCD)').fill('12345')
    await Promise.all([page.waitForURL('**/dang-ky'), page.getByRole('button', { name: 'Đăng ký', exact: true }).click()])

    const summary = page.locator('.error-summary')
    assert.include(await summary.textContent(), 'Số định danh cá nhân phải gồm đúng 12 chữ số.')
    assert.equal(await page.getByLabel('Họ và tên').inputValue(), 'Đỗ Văn Thử')
    assert.equal(await page.getByLabel('Ngày sinh').getAttribute('aria-invalid'), 'true')
    await expectNoAxeViolations(page, assert, 'the registration form with errors')
    await page.setViewportSize({ width: 320, height: 640 })
    assert.isAtMost(await horizontalOverflow(page), 0, 'the registration form scrolls sideways at 320 px')
  })

  test('OS-17 NF-1: the admin layout (officer list, new officer form, applicant list) has no WCAG 2.1 AA violations', async ({
    assert,
    cleanup,
  }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    await createCitizen(tenant)
    const { page, visit } = await openPage(cleanup, hostOf(tenant))
    await visit('/dang-nhap')
    await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(admin.email!)
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
    await Promise.all([page.waitForURL('**/mot-cua'), page.keyboard.press('Enter')])

    for (const path of ['/quan-tri/can-bo', '/quan-tri/can-bo/them', '/quan-tri/cong-dan']) {
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 800 })
        await visit(path)
        await expectNoAxeViolations(page, assert, `${path} at ${width} px`)
        assert.isAtMost(await horizontalOverflow(page), 0, `${path} scrolls sideways at ${width} px`)
      }
    }
    assert.include(await page.title(), 'Quản trị hệ thống')
  })
})
