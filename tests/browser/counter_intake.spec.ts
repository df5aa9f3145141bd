/*
 * A receptionist receives a paper dossier at the counter in Chromium (OS-5.1, OS-5.2, OS-5.9,
 * NF-17, ST-5): finds the procedure by typing, reuses a known applicant found by ID number,
 * ticks the papers while the completeness line follows (htmx), attaches two scans at once, fills
 * the e-form and accepts. Every counter screen has no WCAG 2.1 AA violation.
 */
import { test } from '@japa/runner'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import type { Page } from 'playwright-core'
import { withTenant } from '#tenancy/tenant_context'
import { createCitizen, TEST_PASSWORD } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { expectNoAxeViolations, horizontalOverflow, openPage } from '#tests/helpers/browser'
import Dossier from '#intake/models/dossier'
import DossierFile from '#intake/files/dossier_file'
import { clockAt } from '#intake/tests/helpers'
import { counterSetting, portalDossier } from '#intake/tests/counter_fixtures'

async function logIn(page: Page, visit: (path?: string) => Promise<void>, email: string) {
  await visit('/dang-nhap')
  await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(email)
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
  await Promise.all([page.waitForURL('**/mot-cua'), page.keyboard.press('Enter')])
}

function scans() {
  const folder = mkdtempSync(join(tmpdir(), 'counter-scans-'))
  return ['to-khai.pdf', 'giay-chung-sinh.pdf'].map((name) => {
    const path = join(folder, name)
    writeFileSync(path, `%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF ${name}\n`)
    return path
  })
}

test.group('Counter intake in Chromium', (group) => {
  group.each.setup(() => clearRateLimits())

  test('OS-5.1 OS-5.2 OS-5.9 NF-17 ST-5 a receptionist receives a dossier at the counter, keyboard first, with no axe violations', async ({
    assert,
    cleanup,
  }) => {
    const setting = await counterSetting()
    const citizen = await createCitizen(setting.tenant, '001088012345')
    await portalDossier(setting, clockAt('2026-04-14T08:00:00'))
    const { page, visit } = await openPage(cleanup, setting.host)
    await logIn(page, visit, setting.receptionist.email!)

    // The queue, from the menu.
    await Promise.all([page.waitForURL('**/mot-cua/tiep-nhan'), page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click()])
    await page.locator('.channel-badge', { hasText: 'Trực tuyến' }).first().waitFor()
    await expectNoAxeViolations(page, assert, 'the intake queue')

    // The procedure, found by typing (htmx swaps the results in place).
    await Promise.all([page.waitForURL('**/mot-cua/tiep-nhan/moi'), page.getByRole('link', { name: 'Tiếp nhận tại quầy' }).click()])
    await page.getByRole('searchbox', { name: 'Tên hoặc mã thủ tục' }).fill('khai sinh')
    const procedureLink = page.getByRole('link', { name: 'Đăng ký khai sinh' })
    await procedureLink.waitFor()
    await expectNoAxeViolations(page, assert, 'the procedure picker')
    await procedureLink.focus()
    await Promise.all([page.waitForURL(/thu-tuc=\d+/), page.keyboard.press('Enter')])
    const main = (await page.locator('main').textContent()) ?? ''
    assert.include(main, 'Luật Hộ tịch số 60/2014/QH13')
    assert.include(main, 'Giấy chứng sinh')
    await expectNoAxeViolations(page, assert, 'the intake form')

    // A known applicant, found by ID number as it is typed, and reused.
    await page.getByRole('searchbox', { name: 'Tìm người nộp đã có' }).fill(citizen.nationalId!)
    const use = page.getByRole('link', { name: `Dùng thông tin người này: ${citizen.fullName}` })
    await use.waitFor()
    await expectNoAxeViolations(page, assert, 'the applicant suggestions')
    await Promise.all([page.waitForURL(/nguoi-nop=account-/), use.click()])
    assert.equal(await page.locator('#applicant-national_id').inputValue(), citizen.nationalId)
    assert.equal(await page.locator('#eform-ho_ten').inputValue(), citizen.fullName)

    // The papers: the completeness line follows each tick.
    await page.locator('#intake-components').getByRole('checkbox', { name: /Tờ khai đăng ký khai sinh/ }).check()
    await page.getByText('Còn thiếu 1 thành phần bắt buộc:').waitFor()
    await page.locator('#intake-components').getByRole('checkbox', { name: /^Giấy chứng sinh/ }).check()
    await page.getByText('Đã đủ các thành phần bắt buộc.').waitFor()

    await page.getByLabel('Chọn các tệp bản quét (chọn được nhiều tệp cùng lúc)').setInputFiles(scans())
    await page.getByLabel('Nội dung yêu cầu').fill('Đăng ký khai sinh cho con thứ hai')
    await expectNoAxeViolations(page, assert, 'the filled intake form')
    await page.setViewportSize({ width: 320, height: 640 })
    assert.isAtMost(await horizontalOverflow(page), 0, 'the intake form scrolls sideways at 320 px')
    await page.setViewportSize({ width: 1280, height: 800 })

    await Promise.all([page.waitForURL(/\/mot-cua\/ho-so\/\d+$/), page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click()])
    const dossier = await withTenant(setting.tenant, () => Dossier.query().where('channel', 'counter').firstOrFail())
    assert.equal(dossier.statusCode, 'duoc_tiep_nhan')
    assert.equal(dossier.applicantId, citizen.id)
    const files = await withTenant(setting.tenant, () => DossierFile.query().where('dossier_id', dossier.id))
    assert.lengthOf(files, 2)

    // The counter's page of the dossier: its code, its slips.
    await visit(`/mot-cua/tiep-nhan/ho-so/${dossier.id}`)
    assert.include((await page.locator('main').textContent()) ?? '', dossier.code)
    await expectNoAxeViolations(page, assert, "the counter's dossier page")
  })

  test('OS-5.4 ST-6 a portal dossier is sent back for a supplement from the queue, with no axe violations on the decision page', async ({ assert, cleanup }) => {
    const setting = await counterSetting()
    const dossier = await portalDossier(setting, clockAt('2026-04-14T08:00:00'))
    const { page, visit } = await openPage(cleanup, setting.host)
    await logIn(page, visit, setting.receptionist.email!)
    await visit('/mot-cua/tiep-nhan')
    await Promise.all([page.waitForURL(`**/mot-cua/tiep-nhan/ho-so/${dossier.id}`), page.getByRole('link', { name: new RegExp(dossier.code) }).click()])
    await expectNoAxeViolations(page, assert, 'the decision page')

    const form = page.locator('form', { has: page.getByRole('button', { name: 'Yêu cầu bổ sung giấy tờ' }) })
    await form.getByLabel('Lý do').fill('Thiếu giấy chứng sinh')
    await form.getByRole('checkbox', { name: 'Giấy chứng sinh' }).check()
    await Promise.all([page.waitForURL(`**/mot-cua/tiep-nhan/ho-so/${dossier.id}`), form.getByRole('button', { name: 'Yêu cầu bổ sung giấy tờ' }).click()])
    await page.getByText(`Đã ghi yêu cầu bổ sung giấy tờ cho hồ sơ ${dossier.code}.`, { exact: false }).waitFor()
    await expectNoAxeViolations(page, assert, 'the dossier waiting for a supplement')
    await visit('/mot-cua/tiep-nhan/cho-bo-sung')
    assert.include((await page.locator('main').textContent()) ?? '', dossier.code)
    await expectNoAxeViolations(page, assert, 'the list of dossiers waiting for a supplement')
  })
})
