/*
 * A handler works on a dossier in Chromium (issue 5 items 5 and 7, OS-8.2, OS-8.3): finds it in
 * "Việc của tôi", opens it, submits it to the department head with a comment (the panel updates
 * in place), and a second, stale tab is told that someone else changed the dossier. The pages
 * have no WCAG 2.1 AA violations and the same forms work with JavaScript off.
 */
import { test } from '@japa/runner'
import { hostOf, TEST_PASSWORD } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { expectNoAxeViolations, horizontalOverflow, openPage, type BrowserPage } from '#tests/helpers/browser'
import type User from '#users/models/user'
import { acceptedDossier, act, engineSetting, reload, vn } from '#processing/tests/engine_fixtures'

async function logIn({ page, visit }: BrowserPage, officer: User) {
  await visit('/dang-nhap')
  await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(officer.email!)
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
  await Promise.all([page.waitForURL('**/mot-cua'), page.keyboard.press('Enter')])
}

test.group('Processing screens in Chromium', (group) => {
  group.each.setup(() => clearRateLimits())

  test('OS-8.2 OS-8.3 issue 5 item 7 NF-1: a handler finds, opens and passes on a dossier; a stale tab is told; no axe violations', async ({
    assert,
    cleanup,
  }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
    await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', vn('2026-06-01T09:00:00'))
    await act(setting, dossier.id, setting.deptHead, 'Phân công thụ lý', vn('2026-06-01T10:00:00'), { assigneeId: setting.handler.id })

    const tab = await openPage(cleanup, hostOf(setting.tenant))
    const { page } = tab
    await logIn(tab, setting.handler)

    await page.getByRole('link', { name: 'Việc của tôi' }).click()
    await page.waitForURL('**/mot-cua/viec-cua-toi')
    await expectNoAxeViolations(page, assert, 'the work queues')
    await page.getByRole('link', { name: dossier.code }).click()
    await page.waitForURL(`**/mot-cua/ho-so/${dossier.id}`)
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), `Hồ sơ ${dossier.code}`)
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 })
      await expectNoAxeViolations(page, assert, `the dossier page at ${width} px`)
      assert.isAtMost(await horizontalOverflow(page), 0, `the dossier page scrolls sideways at ${width} px`)
    }
    await page.setViewportSize({ width: 1280, height: 800 })

    // A second tab drawn now goes stale once the first acts.
    const stale = await openPage(cleanup, hostOf(setting.tenant), { storageState: await tab.context.storageState() })
    await stale.visit(`/mot-cua/ho-so/${dossier.id}`)

    const form = page.locator('form', { has: page.locator('legend', { hasText: 'Trình trưởng phòng' }) })
    await form.getByLabel('Ý kiến (không bắt buộc)').fill('Hồ sơ đủ điều kiện, đề nghị trình ký')
    await form.getByRole('button', { name: 'Trình trưởng phòng' }).click()
    const notice = page.getByRole('status').filter({ hasText: 'Đã thực hiện “Trình trưởng phòng”' })
    await notice.waitFor()
    // Updated in place by htmx: still the same address, the new step shown, no action left for the handler.
    assert.isTrue(page.url().endsWith(`/mot-cua/ho-so/${dossier.id}`))
    assert.include(await page.locator('#dossier-panel').textContent(), 'Trưởng phòng kiểm tra, trình ký')
    assert.include(await page.locator('#dossier-panel').textContent(), 'Bạn không có thao tác nào với hồ sơ ở bước này.')
    await expectNoAxeViolations(page, assert, 'the dossier panel after the action')

    const staleForm = stale.page.locator('form', { has: stale.page.locator('legend', { hasText: 'Yêu cầu bổ sung' }) })
    await staleForm.getByLabel('Lý do').fill('Thiếu giấy tờ')
    await staleForm.getByRole('button', { name: 'Yêu cầu bổ sung' }).click()
    await stale.page.getByRole('alert').filter({ hasText: 'Hồ sơ vừa được người khác cập nhật' }).waitFor()
    assert.include(await stale.page.locator('#dossier-panel').textContent(), 'Trưởng phòng kiểm tra, trình ký')
    await expectNoAxeViolations(stale.page, assert, 'the stale tab told of the change')

    const after = await reload(setting, dossier.id)
    assert.equal(after.currentStepKey, 'kiem_tra')
    assert.equal(after.statusCode, 'dang_xu_ly')
  })

  test('OS-7.1 issue 5 item 5: without JavaScript the department head assigns a handler from the assignment list', async ({
    assert,
    cleanup,
  }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
    await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', vn('2026-06-01T09:00:00'))

    const withScript = await openPage(cleanup, hostOf(setting.tenant))
    await logIn(withScript, setting.deptHead)
    await withScript.page.getByRole('link', { name: 'Phân công thụ lý' }).click()
    await withScript.page.waitForURL('**/mot-cua/phan-cong')
    await expectNoAxeViolations(withScript.page, assert, 'the assignment list')

    // axe needs script; the assignment itself is made with script off.
    const tab = await openPage(cleanup, hostOf(setting.tenant), {
      javaScriptEnabled: false,
      storageState: await withScript.context.storageState(),
    })
    await tab.visit('/mot-cua/phan-cong')
    const { page } = tab
    await page.getByLabel(`Cán bộ cho hồ sơ ${dossier.code}`).selectOption({ label: 'Chuyên viên Lê Văn Thụ' })
    await Promise.all([page.waitForURL('**/mot-cua/phan-cong'), page.getByRole('button', { name: 'Phân công thụ lý' }).click()])
    await page.getByRole('status').filter({ hasText: 'Đã thực hiện “Phân công thụ lý”' }).waitFor()
    const after = await reload(setting, dossier.id)
    assert.equal(after.currentStepKey, 'thu_ly')
    assert.include(after.statusDetail, 'Chuyên viên Lê Văn Thụ')
  })
})
