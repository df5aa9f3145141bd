/*
 * OS-5.7, OS-5.9 in Chromium: the receptionist verifies the applicant's identification number
 * with the National Population Database (the local stand-in on a free port). Without JavaScript
 * the button posts the whole form and the page comes back filled with everything kept, and the
 * dossier received records the verification; with JavaScript htmx swaps the applicant's fields
 * and the e-form in place, focus stays on the button, and an unknown number or the registry down
 * is said at the number. No WCAG 2.1 AA violation on the way.
 */
import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import { withTenant } from '#tenancy/tenant_context'
import { TEST_PASSWORD } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { expectNoAxeViolations, openPage } from '#tests/helpers/browser'
import { saveEformVersion } from '#catalog/actions/save_eform_version'
import Dossier from '#intake/models/dossier'
import { counterSetting, EFORM_FIELDS } from '#intake/tests/counter_fixtures'
import { usePopulationRegistry } from '#tests/helpers/population_registry'

declare const window: any
declare const document: any

const VERIFIED_AT = /Đã xác thực với CSDL quốc gia về dân cư lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/
const VERIFY = 'Xác thực với CSDL quốc gia về dân cư'

async function logIn(page: Page, visit: (path?: string) => Promise<void>, email: string) {
  await visit('/dang-nhap')
  await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(email)
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
  await Promise.all([page.waitForURL('**/mot-cua'), page.keyboard.press('Enter')])
}

async function registrySetting() {
  const setting = await counterSetting()
  await withTenant(setting.tenant, () =>
    saveEformVersion(
      setting.procedure,
      [...EFORM_FIELDS, { key: 'ngay_sinh', label: 'Ngày sinh', kind: 'date', required: false, prefill: 'date_of_birth' }],
      null
    )
  )
  return setting
}

test.group('OS-5.9 counter intake verified with the National Population Database, in Chromium', (group) => {
  const population = usePopulationRegistry(group, { timeoutMs: 2000 })
  group.each.setup(() => clearRateLimits())

  test('OS-5.9 OS-5.7 without JavaScript the button posts the form back filled from the registry, and the received dossier is verified', async ({
    assert,
    cleanup,
  }) => {
    const setting = await registrySetting()
    const withScript = await openPage(cleanup, setting.host)
    await logIn(withScript.page, withScript.visit, setting.receptionist.email!)
    const { page, visit } = await openPage(cleanup, setting.host, {
      javaScriptEnabled: false,
      storageState: await withScript.context.storageState(),
    })
    const formPath = `/mot-cua/tiep-nhan/moi?thu-tuc=${setting.procedure.id}`
    await visit(formPath)

    await page.getByLabel('Họ và tên người nộp').fill('Tran Thi Binh')
    await page.getByRole('textbox', { name: 'Số định danh cá nhân' }).fill('001190012345')
    await page.getByLabel('Số điện thoại').fill('0987654321')
    await page.locator('#intake-components').getByRole('checkbox', { name: /Tờ khai đăng ký khai sinh/ }).check()
    await page.getByLabel('Nội dung yêu cầu').fill('Đăng ký khai sinh cho con')
    await Promise.all([page.waitForURL((url) => url.search === ''), page.getByRole('button', { name: VERIFY }).click()])

    const status = page.locator('#applicant-verification')
    assert.match((await status.textContent()) ?? '', VERIFIED_AT)
    assert.include((await status.textContent()) ?? '', 'Họ và tên: đã nhập “Tran Thi Binh”')
    assert.equal(await page.getByLabel('Họ và tên người nộp').inputValue(), 'Trần Thị Bình')
    assert.equal(await page.getByLabel('Địa chỉ').inputValue(), 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội')
    assert.equal(await page.getByLabel('Ngày sinh').inputValue(), '08/03/1990')
    assert.equal(await page.getByLabel('Số điện thoại').inputValue(), '0987654321')
    assert.equal(await page.getByLabel('Nội dung yêu cầu').inputValue(), 'Đăng ký khai sinh cho con')
    assert.isTrue(await page.locator('#intake-components').getByRole('checkbox', { name: /Tờ khai đăng ký khai sinh/ }).isChecked())

    // Enter in a field still only checks completeness: it neither verifies again nor decides.
    const lookups = population.registry.requests.length
    await page.getByLabel('Số điện thoại').focus()
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')])
    await page.getByText('Còn thiếu 1 thành phần bắt buộc').waitFor()
    assert.equal(population.registry.requests.length, lookups)

    await page.locator('#intake-components').getByRole('checkbox', { name: /^Giấy chứng sinh/ }).check()
    await Promise.all([page.waitForURL(/\/mot-cua\/ho-so\/\d+$/), page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click()])
    const dossier = await withTenant(setting.tenant, () => Dossier.query().orderBy('id', 'desc').firstOrFail())
    assert.equal(dossier.applicantFullName, 'Trần Thị Bình')
    assert.equal(dossier.applicantVerifiedSource, 'population_registry')
    assert.isNotNull(dossier.applicantVerifiedAt)

    // The counter's sheet of the dossier says so; checked for accessibility with script on.
    await withScript.visit(`/mot-cua/tiep-nhan/ho-so/${dossier.id}`)
    assert.match((await withScript.page.locator('main').textContent()) ?? '', VERIFIED_AT)
    await expectNoAxeViolations(withScript.page, assert, "the counter's sheet of a verified dossier")
  })

  test('OS-5.9 with JavaScript htmx fills the fields in place, keeps focus on the button, and says at the number when it cannot verify', async ({
    assert,
    cleanup,
  }) => {
    const setting = await registrySetting()
    const { page, visit } = await openPage(cleanup, setting.host)
    await logIn(page, visit, setting.receptionist.email!)
    await visit(`/mot-cua/tiep-nhan/moi?thu-tuc=${setting.procedure.id}`)
    await expectNoAxeViolations(page, assert, 'the intake form with the verify button')
    // A marker that a full page load would wipe out.
    await page.evaluate(() => (window.stillThisPage = true))

    await page.getByRole('textbox', { name: 'Số định danh cá nhân' }).fill('048088054321')
    await page.getByLabel('Số điện thoại').fill('0905123456')
    await page.getByLabel('Nội dung yêu cầu').fill('Giữ nguyên nội dung')
    await page.getByRole('button', { name: VERIFY }).click()
    await page.getByText(VERIFIED_AT).waitFor()
    assert.isTrue(await page.evaluate(() => window.stillThisPage === true), 'htmx swapped in place')
    assert.equal(await page.getByLabel('Họ và tên người nộp').inputValue(), 'Trần Văn Công')
    assert.equal(await page.getByLabel('Ngày sinh').inputValue(), '03/11/1988')
    assert.equal(await page.getByLabel('Họ và tên người yêu cầu').inputValue(), 'Trần Văn Công')
    assert.equal(await page.getByLabel('Số điện thoại').inputValue(), '0905123456')
    assert.equal(await page.getByLabel('Nội dung yêu cầu').inputValue(), 'Giữ nguyên nội dung')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'applicant-verify')
    await expectNoAxeViolations(page, assert, 'the intake form after verifying')

    await page.getByRole('textbox', { name: 'Số định danh cá nhân' }).fill('001099999999')
    await page.getByRole('button', { name: VERIFY }).click()
    await page.getByText('Không tìm thấy số định danh cá nhân này trong CSDL quốc gia về dân cư.').waitFor()
    assert.equal(await page.getByLabel('Họ và tên người nộp').inputValue(), 'Trần Văn Công', 'nothing typed is lost')
    assert.equal(await page.getByRole('textbox', { name: 'Số định danh cá nhân' }).getAttribute('aria-invalid'), 'true')
    await expectNoAxeViolations(page, assert, 'an unknown number')

    population.registry.fault = 'hang'
    process.env.POPULATION_REGISTRY_TIMEOUT_MS = '300'
    await page.getByRole('textbox', { name: 'Số định danh cá nhân' }).fill('001190012345')
    await page.getByRole('button', { name: VERIFY }).click()
    await page.getByText('Chưa kết nối được CSDL quốc gia về dân cư').waitFor()
    assert.equal(await page.getByLabel('Số điện thoại').inputValue(), '0905123456')
    assert.isTrue(await page.evaluate(() => window.stillThisPage === true))
    await expectNoAxeViolations(page, assert, 'the registry not answering')
  })
})
