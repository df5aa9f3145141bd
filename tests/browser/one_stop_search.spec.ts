/*
 * The one-stop oversight screens in Chromium: the desk with its counts and reminders, the dossier
 * search and the direction view have no WCAG 2.1 AA violations at 1280 and 320 px (NF-1); the
 * search's filters swap the results in place and keep a shareable URL (OS-23); a barcode scanner
 * typing a code and Enter opens the dossier (NF-16); a desk count leads to a list of that size
 * (OS-22).
 */
import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import { DateTime } from 'luxon'
import type User from '#users/models/user'
import { hostOf, TEST_PASSWORD } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { expectNoAxeViolations, horizontalOverflow, openPage } from '#tests/helpers/browser'
import { withTenant } from '#tenancy/tenant_context'
import { remind } from '#processing/services/reminders'
import { placeDossier, oversightSetting, vn, type OversightSetting } from '#processing/tests/oversight_fixtures'

async function logIn(page: Page, visit: (path?: string) => Promise<void>, officer: User) {
  await visit('/dang-nhap')
  await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(officer.email!)
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
  await Promise.all([page.waitForURL('**/mot-cua'), page.keyboard.press('Enter')])
}

async function someDossiers(setting: OversightSetting) {
  const now = DateTime.now()
  const permit = { procedure: setting.buildingPermit, agency: setting.constructionAgency }
  const late = await placeDossier(setting, {
    ...permit,
    step: 'thu_ly',
    statusCode: 'dang_xu_ly',
    assignee: setting.handler,
    receivedAt: vn('2026-04-02T09:00:00'),
    appointmentAt: vn('2026-04-23T17:00:00'),
    applicant: { fullName: 'Nguyễn Thị Hương', organisationName: 'Công ty TNHH Ánh Dương' },
  })
  const soon = await placeDossier(setting, {
    ...permit,
    step: 'phan_cong',
    statusCode: 'dang_xu_ly',
    receivedAt: now.minus({ days: 3 }),
    appointmentAt: now.plus({ days: 2 }),
    applicant: { fullName: 'Trần Văn Đức' },
  })
  const online = await placeDossier(setting, {
    procedure: setting.birthRegistration,
    agency: setting.wardAgency,
    step: 'tiep_nhan',
    statusCode: 'moi_dang_ky',
    channel: 'online',
    receivedAt: now.minus({ hours: 2 }),
    applicant: { fullName: 'Lê Thị Hồng Nhung' },
  })
  await withTenant(setting.tenant, () =>
    remind([setting.receptionist.id, setting.handler.id], { dossierId: online.id, dossierStepId: null, kind: 'new_work', at: now })
  )
  return { late, soon, online }
}

async function checkAccessible(page: Page, visit: (path?: string) => Promise<void>, assert: any, label: string, path: string) {
  await page.setViewportSize({ width: 1280, height: 800 })
  await visit(path)
  await expectNoAxeViolations(page, assert, `${label} at 1280 px`)
  await page.setViewportSize({ width: 320, height: 640 })
  await expectNoAxeViolations(page, assert, `${label} at 320 px`)
  assert.isAtMost(await horizontalOverflow(page), 0, `${label} scrolls sideways at 320 px`)
  await page.setViewportSize({ width: 1280, height: 800 })
}

test.group('One-stop oversight screens in Chromium', (group) => {
  group.each.setup(() => clearRateLimits())

  test('OS-22 OS-23 NF-1: the desk and the search have no WCAG 2.1 AA violations; filters swap the list in place', async ({
    assert,
    cleanup,
  }) => {
    const setting = await oversightSetting()
    const { late, soon, online } = await someDossiers(setting)
    const { page, visit } = await openPage(cleanup, hostOf(setting.tenant))
    await logIn(page, visit, setting.receptionist)

    await checkAccessible(page, visit, assert, 'the receptionist\u2019s desk', '/mot-cua')
    await checkAccessible(page, visit, assert, 'the dossier search', '/mot-cua/tra-cuu-ho-so')
    await checkAccessible(page, visit, assert, 'a filtered search with errors', '/mot-cua/tra-cuu-ho-so?received_from=31/02/2026')

    // The desk's count of new online dossiers leads to the list of them.
    await visit('/mot-cua')
    await page.getByRole('link', { name: /1 hồ sơ trực tuyến mới, chờ tiếp nhận/ }).click()
    await page.waitForURL((url) => url.pathname === '/mot-cua/tra-cuu-ho-so' && url.search.includes('status=moi_dang_ky'))
    await page.getByText('1 hồ sơ', { exact: true }).waitFor()
    assert.equal(await page.locator('#search-results tbody tr').count(), 1)
    assert.include(await page.locator('#search-results tbody').textContent(), online.code)

    // Filters from the keyboard: htmx swaps the list alone and pushes a shareable URL.
    await visit('/mot-cua/tra-cuu-ho-so')
    await page.getByLabel('Tên người nộp').fill('nguyen thi huong')
    await page.getByLabel('Tên người nộp').press('Enter')
    await page.waitForURL((url) => url.search.includes('applicant=nguyen+thi+huong'))
    await page.getByText('1 hồ sơ', { exact: true }).waitFor()
    assert.include(await page.locator('#search-results tbody').textContent(), late.code)
    assert.equal(await page.getByLabel('Tên người nộp').inputValue(), 'nguyen thi huong', 'the form keeps what was typed')

    await page.getByLabel('Tên người nộp').fill('')
    await page.getByLabel('Thời hạn').selectOption('due_within')
    await page.getByRole('button', { name: 'Tìm', exact: true }).click()
    await page.waitForURL((url) => url.search.includes('deadline=due_within'))
    await page.getByText('1 hồ sơ', { exact: true }).waitFor()
    assert.include(await page.locator('#search-results tbody').textContent(), soon.code)
    await expectNoAxeViolations(page, assert, 'the filtered list')
  })

  test('NF-16: a barcode scanner types the code into the search box, Enter opens the dossier', async ({ cleanup }) => {
    const setting = await oversightSetting()
    const { late } = await someDossiers(setting)
    const { page, visit } = await openPage(cleanup, hostOf(setting.tenant))
    await logIn(page, visit, setting.handler)

    // On the search page the code box has the focus: the scanner types and sends Enter.
    await visit('/mot-cua/tra-cuu-ho-so')
    await page.waitForFunction('document.activeElement && document.activeElement.id === "search-code"')
    await page.keyboard.type(late.code, { delay: 5 })
    await Promise.all([page.waitForURL(`**/mot-cua/ho-so/${late.id}`), page.keyboard.press('Enter')])

    // From the desk's quick lookup too.
    await visit('/mot-cua')
    await page.getByLabel('Mã hồ sơ (quét mã vạch)').focus()
    await page.keyboard.type(late.code.toLowerCase(), { delay: 5 })
    await Promise.all([page.waitForURL(`**/mot-cua/ho-so/${late.id}`), page.keyboard.press('Enter')])
  })

  test('OS-20d NF-1: the direction view has no WCAG 2.1 AA violations', async ({ assert, cleanup }) => {
    const setting = await oversightSetting()
    const { late } = await someDossiers(setting)
    const { page, visit } = await openPage(cleanup, hostOf(setting.tenant))
    await logIn(page, visit, setting.leader)
    await checkAccessible(page, visit, assert, 'the leader\u2019s desk', '/mot-cua')
    await checkAccessible(page, visit, assert, 'the direction view', '/mot-cua/dieu-hanh')
    await checkAccessible(page, visit, assert, 'a dossier\u2019s direction', `/mot-cua/dieu-hanh/${late.id}`)

    await visit('/mot-cua/dieu-hanh')
    // Chromium applies autofocus after the first paint; a scanner's keystrokes before that are lost.
    await page.waitForFunction('document.activeElement && document.activeElement.id === "direction-code"')
    await page.keyboard.type(late.code, { delay: 5 })
    await Promise.all([page.waitForURL(`**/mot-cua/dieu-hanh/${late.id}`), page.keyboard.press('Enter')])
    assert.include(await page.locator('h1').textContent(), late.code)
  })
})
