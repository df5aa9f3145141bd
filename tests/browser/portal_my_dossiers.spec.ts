/*
 * My dossiers in Chromium, as a citizen would use it: logged in from the login form, the header
 * counts what is new, the list and a dossier show the status with its detail, the supplement is
 * uploaded by choosing files, and every page has no WCAG 2.1 AA violations at 1280 and 320 px
 * (NF-1, PT-4.2, PT-5.2a, OS-6.4).
 */
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { TEST_PASSWORD, hostOf } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { expectNoAxeViolations, horizontalOverflow, openPage, type BrowserPage } from '#tests/helpers/browser'
import { minimalPdf } from '#intake/tests/fixtures/files'
import { applicantSetting, askForPapers, fileOnline, filedWithForm, moveDossier, reload } from '#portal/tests/my_dossiers_helpers'

/** Logs in from the login form, as people do; the login lands on the account page. */
async function logIn({ page, visit }: BrowserPage, nationalId: string) {
  await visit('/dang-nhap')
  await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(nationalId)
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
  await Promise.all([page.waitForURL('**/tai-khoan'), page.getByRole('button', { name: 'Đăng nhập' }).click()])
}

test.group('My dossiers in Chromium', (group) => {
  group.each.setup(() => clearRateLimits())

  test('PT-4.2 PT-5.2a OS-6.4 NF-1: news at login, the list, a dossier and its supplement, accessible at 1280 and 320 px', async ({
    assert,
    cleanup,
  }) => {
    const applicant = await applicantSetting()
    const { tenant } = applicant.setting
    const processing = await fileOnline(applicant)
    await moveDossier(tenant, processing.id, {
      status: 'dang_xu_ly',
      detail: 'Phòng Tư pháp - Chuyên viên Trần Thị Bình',
      appointmentAt: DateTime.now().plus({ days: 10 }),
    })
    const asked = await fileOnline(applicant)
    await askForPapers(tenant, asked.id, 'Ảnh chụp giấy chứng sinh bị mờ', ['Giấy chứng sinh'])

    const browser = await openPage(cleanup, hostOf(tenant))
    await logIn(browser, applicant.citizen.nationalId!)
    const { page } = browser
    assert.include(await page.locator('.account-links').textContent(), '(2 thông báo mới)')

    await Promise.all([page.waitForURL('**/ho-so-cua-toi*'), page.getByRole('link', { name: /Hồ sơ của tôi/ }).click()])
    const news = page.locator('#thong-bao')
    assert.include(await news.textContent(), `Hồ sơ ${processing.code} đang được xử lý.`)
    assert.include(await news.textContent(), `Hồ sơ ${asked.code} cần bổ sung giấy tờ.`)
    assert.include(await page.locator('.dossier-list').textContent(), 'Phòng Tư pháp - Chuyên viên Trần Thị Bình')
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 })
      await expectNoAxeViolations(page, assert, `/ho-so-cua-toi at ${width} px`)
      assert.isAtMost(await horizontalOverflow(page), 0, `/ho-so-cua-toi scrolls sideways at ${width} px`)
    }
    await page.setViewportSize({ width: 1280, height: 800 })

    await page.getByLabel('Trạng thái', { exact: true }).selectOption('yeu_cau_bo_sung_giay_to')
    await Promise.all([page.waitForURL('**/ho-so-cua-toi?status=yeu_cau_bo_sung_giay_to'), page.getByRole('button', { name: 'Lọc' }).click()])
    assert.notInclude(await page.locator('main').textContent(), processing.code)

    await Promise.all([page.waitForURL(`**/ho-so-cua-toi/${asked.id}`), page.locator('.dossier-card-title a').first().click()])
    assert.include(await page.locator('main').textContent(), 'Ảnh chụp giấy chứng sinh bị mờ')
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 })
      await expectNoAxeViolations(page, assert, `the dossier asking for papers at ${width} px`)
      assert.isAtMost(await horizontalOverflow(page), 0, `the dossier page scrolls sideways at ${width} px`)
    }

    await page.getByLabel('Giấy chứng sinh').setInputFiles({ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: minimalPdf('Giay chung sinh') })
    await Promise.all([page.waitForURL(`**/ho-so-cua-toi/${asked.id}`), page.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click()])
    assert.include(await page.locator('main').textContent(), 'Đã gửi 1 tệp bổ sung')
    assert.include(await page.locator('.details').textContent(), 'Đã bổ sung hồ sơ')
    assert.include(await page.locator('.file-list').textContent(), 'giay-chung-sinh.pdf')
    assert.equal((await reload(tenant, asked.id)).statusCode, 'da_bo_sung_ho_so')
    await expectNoAxeViolations(page, assert, 'the dossier after its supplement')
  })

  test('PT-4.2 NF-1: a new dossier and its change form are accessible at 1280 and 320 px; a value is changed', async ({
    assert,
    cleanup,
  }) => {
    const { applicant, dossier } = await filedWithForm()
    const browser = await openPage(cleanup, hostOf(applicant.setting.tenant))
    await logIn(browser, applicant.citizen.nationalId!)
    const { page, visit } = browser

    await visit(`/ho-so-cua-toi/${dossier.id}`)
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 })
      await expectNoAxeViolations(page, assert, `a new dossier with its actions at ${width} px`)
      assert.isAtMost(await horizontalOverflow(page), 0, `a new dossier scrolls sideways at ${width} px`)
    }
    await page.setViewportSize({ width: 1280, height: 800 })
    await Promise.all([page.waitForURL(`**/ho-so-cua-toi/${dossier.id}/sua`), page.getByRole('link', { name: 'Sửa hồ sơ' }).click()])
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 })
      await expectNoAxeViolations(page, assert, `the change form at ${width} px`)
      assert.isAtMost(await horizontalOverflow(page), 0, `the change form scrolls sideways at ${width} px`)
    }
    await page.getByLabel('Ngày sinh').fill('31/02/2026')
    await Promise.all([page.waitForURL(`**/ho-so-cua-toi/${dossier.id}/sua`), page.getByRole('button', { name: 'Lưu thay đổi' }).click()])
    assert.include(await page.locator('.error-summary').textContent(), 'Ngày sinh')
    await expectNoAxeViolations(page, assert, 'the change form with errors')

    await page.getByLabel('Ngày sinh').fill('06/03/2026')
    await Promise.all([page.waitForURL(`**/ho-so-cua-toi/${dossier.id}`), page.getByRole('button', { name: 'Lưu thay đổi' }).click()])
    assert.include(await page.locator('main').textContent(), `Đã lưu thay đổi của hồ sơ ${dossier.code}.`)
    assert.include(await page.locator('.timeline').textContent(), 'Sửa thông tin: Ngày sinh.')
    assert.equal((await reload(applicant.setting.tenant, dossier.id)).formValues.child_birth_date, '2026-03-06')
  })

  test('OS-5.8 NF-1: a new dossier is withdrawn and restored with JavaScript turned off', async ({ assert, cleanup }) => {
    const applicant = await applicantSetting()
    const { tenant } = applicant.setting
    const dossier = await fileOnline(applicant)
    const browser = await openPage(cleanup, hostOf(tenant), { javaScriptEnabled: false })
    await logIn(browser, applicant.citizen.nationalId!)
    const { page, visit } = browser

    await visit(`/ho-so-cua-toi/${dossier.id}`)
    await page.getByLabel('Lý do rút hồ sơ (không bắt buộc)').fill('Nộp nhầm thủ tục')
    await Promise.all([page.waitForURL(`**/ho-so-cua-toi/${dossier.id}`), page.getByRole('button', { name: 'Rút hồ sơ' }).click()])
    assert.include(await page.locator('main').textContent(), `Đã rút hồ sơ ${dossier.code}.`)
    assert.include(await page.locator('.details').textContent(), 'Đã rút hồ sơ')
    assert.equal((await reload(tenant, dossier.id)).statusCode, 'da_rut_ho_so')

    await Promise.all([page.waitForURL(`**/ho-so-cua-toi/${dossier.id}`), page.getByRole('button', { name: 'Khôi phục hồ sơ' }).click()])
    assert.include(await page.locator('.details').textContent(), 'Mới đăng ký')
    assert.equal((await reload(tenant, dossier.id)).statusCode, 'moi_dang_ky')
  })
})
