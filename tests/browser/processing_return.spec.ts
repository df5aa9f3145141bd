/*
 * The counter returns a result in Chromium (OS-10, OS-11, ST-19, ST-20): the receptionist opens
 * "Trả kết quả", finds the resolved dossier, types a wrong ID number and is told at the field,
 * then records the hand-over to an authorised person with the fee receipt and sees the dossier
 * "Đã trả kết quả". The list and the return screen have no WCAG 2.1 AA violations, at desktop
 * and phone widths, in their normal and error states.
 */
import { test } from '@japa/runner'
import { TEST_PASSWORD } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { expectNoAxeViolations, horizontalOverflow, openPage, type BrowserPage } from '#tests/helpers/browser'
import type User from '#users/models/user'
import { reload } from '#processing/tests/engine_fixtures'
import { atReturn, specialSetting } from '#processing/tests/special_fixtures'

async function logIn({ page, visit }: BrowserPage, officer: User) {
  await visit('/dang-nhap')
  await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(officer.email!)
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
  await Promise.all([page.waitForURL('**/mot-cua'), page.keyboard.press('Enter')])
}

test.group('Return of results in Chromium', (group) => {
  group.each.setup(() => clearRateLimits())

  test('OS-10.1 OS-10.4 OS-10.5 ST-20 NF-1: the counter records the return to an authorised person; no axe violations', async ({
    assert,
    cleanup,
  }) => {
    const setting = await specialSetting()
    const dossier = await atReturn(setting)
    const tab = await openPage(cleanup, setting.host)
    const { page } = tab
    await logIn(tab, setting.receptionist)

    await page.getByRole('link', { name: 'Trả kết quả', exact: true }).click()
    await page.waitForURL('**/mot-cua/tra-ket-qua')
    await expectNoAxeViolations(page, assert, 'the list of results to return')
    await page.getByRole('link', { name: dossier.code }).click()
    await page.waitForURL(`**/mot-cua/ho-so/${dossier.id}/tra-ket-qua`)
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), `Trả kết quả – hồ sơ ${dossier.code}`)
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 })
      await expectNoAxeViolations(page, assert, `the return screen at ${width} px`)
      assert.isAtMost(await horizontalOverflow(page), 0, `the return screen scrolls sideways at ${width} px`)
    }
    await page.setViewportSize({ width: 1280, height: 800 })

    // A wrong ID number is answered at its field, what was typed kept.
    await page.getByRole('radio', { name: 'Trực tiếp tại Bộ phận một cửa' }).check()
    await page.getByRole('radio', { name: 'Người được ủy quyền' }).check()
    await page.getByLabel('Họ tên người nhận').fill('Lê Thị Ủy')
    await page.getByLabel('Số CCCD/CMND của người nhận').fill('12345')
    await page.getByLabel('Ghi chú').fill('Giấy ủy quyền có chứng thực')
    await page.getByRole('button', { name: 'Trả kết quả' }).click()
    const error = page.getByText('Hãy nhập số CCCD (12 chữ số) hoặc CMND (9 chữ số) của người nhận.')
    await error.waitFor()
    assert.equal(await page.getByLabel('Số CCCD/CMND của người nhận').getAttribute('aria-invalid'), 'true')
    assert.equal(await page.getByLabel('Họ tên người nhận').inputValue(), 'Lê Thị Ủy')
    await expectNoAxeViolations(page, assert, 'the return screen with an error')

    await page.getByLabel('Số CCCD/CMND của người nhận').fill('001190012345')
    await page.getByLabel('Số biên lai thu phí, lệ phí').fill('BL-2026-0042')
    await page.getByLabel('Số tiền (đồng)').fill('50.000')
    await Promise.all([page.waitForURL(`**/mot-cua/ho-so/${dossier.id}/tra-ket-qua`), page.getByRole('button', { name: 'Trả kết quả' }).click()])
    await page.getByRole('status').filter({ hasText: 'Đã trả kết quả và báo người nộp.' }).waitFor()
    const text = await page.locator('main').textContent()
    assert.include(text, 'Đã trả kết quả')
    assert.include(text, 'Lê Thị Ủy (Người được ủy quyền, số giấy tờ 001190012345)')
    assert.include(text, 'biên lai số BL-2026-0042, 50.000 đ')
    // Nothing left to record on a returned dossier.
    assert.equal(await page.getByRole('button', { name: 'Trả kết quả' }).count(), 0)
    await expectNoAxeViolations(page, assert, 'the return screen after the return')
    assert.equal((await reload(setting, dossier.id)).statusCode, 'da_tra_ket_qua')
  }).timeout(120_000)
})
