/*
 * Issue 4's acceptance journey in Chromium, tried as a new user would, with JavaScript and
 * without: from the home page find "Đăng ký khai sinh" typed without diacritics, open it,
 * register, fill the e-form (one field prefilled from the new account), upload a PDF, submit,
 * receive the dossier code by email, see "Mới đăng ký" in My dossiers, and look the dossier up
 * by its code once logged out.
 */
import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import { withTenant } from '#tenancy/tenant_context'
import Procedure from '#catalog/models/procedure'
import ProcedureComponent from '#catalog/models/procedure_component'
import { BIRTH_REGISTRATION } from '#database/demo/demo_eforms'
import { ensureDemoData } from '#tests/helpers/demo'
import { hostOf } from '#tests/helpers/tenants'
import { nationalIdBornIn } from '#tests/helpers/accounts'
import { linkIn, testMailbox } from '#tests/helpers/mailbox'
import { openPage } from '#tests/helpers/browser'
import { solveCaptcha } from '#tests/helpers/captcha'
import { fillBirthDeclaration, pdfNamed } from '#tests/helpers/apply_form'

async function requiredComponents() {
  const tenant = await ensureDemoData()
  const required = await withTenant(tenant, async () => {
    const procedure = await Procedure.query().where('name', BIRTH_REGISTRATION).firstOrFail()
    return ProcedureComponent.query().where('procedure_id', procedure.id).where('is_required', true).orderBy('position')
  })
  return { tenant, required }
}

async function click(page: Page, name: string | RegExp, role: 'link' | 'button' = 'link') {
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.getByRole(role, { name }).first().click()])
}

/** The mail to `address` whose text contains `needle`, waiting for it to arrive. */
async function mailContaining(address: string, needle: string) {
  const mailbox = await testMailbox()
  for (let waited = 0; waited < 10_000; waited += 100) {
    const found = mailbox.sentTo(address).find((mail) => mail.text.includes(needle))
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`No email to ${address} mentions ${needle}`)
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'with JavaScript' : 'with JavaScript disabled'

  test(`PT-1 PT-4.1 PT-5.1 PT-10 PT-12 OL-11a acceptance ${mode}: find without diacritics, register, apply, code by email, My dossiers, lookup`, async ({
    assert,
    cleanup,
  }) => {
    const { tenant, required } = await requiredComponents()
    const mailbox = await testMailbox()
    const email = `khaisinh-${Date.now()}-${javaScriptEnabled ? 'js' : 'nojs'}@example.vn`
    const nationalId = nationalIdBornIn(1994, true)
    const { page, visit } = await openPage(cleanup, hostOf(tenant), { javaScriptEnabled })

    // Find the service from the home page, typed without diacritics.
    await visit('/')
    await page.locator('#search-query').fill('dang ky khai sinh')
    await Promise.all([page.waitForURL('**/dich-vu-cong?**'), page.locator('#search-query').press('Enter')])
    await click(page, BIRTH_REGISTRATION)
    assert.equal(await page.locator('h1').textContent().then((text) => text?.trim()), BIRTH_REGISTRATION)

    // Applying needs an account: from the login page to the registration form.
    await click(page, 'Nộp hồ sơ trực tuyến')
    assert.include(page.url(), '/dang-nhap')
    await click(page, /Đăng ký/)
    await page.getByLabel('Họ và tên').fill('Trần Thị Khai Sinh')
    await page.getByLabel('Ngày sinh').fill('14/02/1994')
    await page.getByLabel('Số định danh cá nhân (CCCD)').fill(nationalId)
    await page.getByLabel('Số điện thoại').fill('0987 654 321')
    await page.getByLabel('Thư điện tử (email)').fill(email)
    await page.locator('input[name="password"]').fill('Khaisinh2026')
    await page.locator('input[name="password_confirmation"]').fill('Khaisinh2026')
    await solveCaptcha(page)
    await click(page, 'Đăng ký', 'button')
    assert.include(await page.locator('main').textContent(), 'Đăng ký thành công')

    // Activate from the email, then log in.
    const activation = await mailbox.waitFor(email)
    await visit(linkIn(activation.text, '/xac-thuc-email/').pathname)
    await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(nationalId)
    await page.getByLabel('Mật khẩu').fill('Khaisinh2026')
    await click(page, 'Đăng nhập', 'button')

    // Back to the service, apply: the applicant's name comes from the new account.
    await visit('/dich-vu-cong?q=dang+ky+khai+sinh')
    await click(page, BIRTH_REGISTRATION)
    await click(page, 'Nộp hồ sơ trực tuyến')
    assert.equal(await page.getByLabel('Họ, chữ đệm, tên người yêu cầu').inputValue(), 'Trần Thị Khai Sinh')
    await fillBirthDeclaration(page)
    if (!javaScriptEnabled) {
      // Without a script the communes of the chosen province come with the saved draft.
      await Promise.all([page.waitForLoadState('load'), page.locator('.form-actions button[value="save"]').click()])
    } else {
      await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('#eform-residence-commune option').length > 10)
    }
    await page.locator('#eform-residence-commune').selectOption({ index: 1 })
    await page.locator('#eform-residence-detail').fill('12 Tràng Tiền')
    for (const [index, component] of required.entries()) {
      await page.locator(`#file-c${component.id}`).setInputFiles(pdfNamed(`giay-to-${index + 1}.pdf`, `Giay to ${index + 1}`))
      if (javaScriptEnabled) await page.locator(`#chosen-c${component.id}`).getByText(`giay-to-${index + 1}.pdf`).waitFor()
    }
    await Promise.all([page.waitForURL('**/nop-ho-so/da-nop/**'), page.getByRole('button', { name: 'Nộp hồ sơ' }).click()])
    const code = (await page.locator('#dossier-code').textContent())!.trim()
    assert.match(code, /^[\w.]+-\d{6}-\d{4}$/)

    // The code arrives by email.
    const receipt = await mailContaining(email, code)
    assert.include(receipt.text, BIRTH_REGISTRATION)

    // My dossiers shows it as "Mới đăng ký".
    await visit('/ho-so-cua-toi')
    const row = page.locator('main').getByText(code).first()
    await row.waitFor()
    assert.include(await page.locator('main').textContent(), 'Mới đăng ký')

    // Logged out, the lookup by code answers with the status only.
    await click(page, 'Đăng xuất', 'button')
    await visit('/tra-cuu')
    await page.getByLabel('Mã hồ sơ', { exact: false }).first().fill(code)
    await solveCaptcha(page)
    await click(page, 'Tra cứu', 'button')
    const answer = (await page.locator('main').textContent()) ?? ''
    assert.include(answer, code)
    assert.include(answer, 'Mới đăng ký')
    assert.notInclude(answer, 'Trần Thị Khai Sinh', 'the lookup shows no personal data')
  }).timeout(180_000)
}
