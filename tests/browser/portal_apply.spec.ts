/*
 * PT-1, PT-4.1, OL-8, OL-11 c, NF-1 in Chromium: a citizen of the Hà Nội demo portal applies
 * online for "Thủ tục đăng ký khai sinh" (the demo e-form): logs in from the service page, finds
 * their name prefilled, fills the e-form, uploads real PDFs and submits, then sees the dossier
 * code. Once with JavaScript (autosave, uploads with progress, communes loaded on the fly) and
 * once with JavaScript disabled (plain form posts). Axe checks the pages; the page budget is
 * measured over the wire. (Axe runs in the page, so it checks the pages with JavaScript on.)
 */
import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import { withTenant } from '#tenancy/tenant_context'
import type Tenant from '#tenancy/tenant'
import Procedure from '#catalog/models/procedure'
import ProcedureComponent from '#catalog/models/procedure_component'
import { Dossier, filesOfDossier } from '#intake/index'
import { ensureDemoData } from '#tests/helpers/demo'
import { TEST_PASSWORD, createCitizen, hostOf } from '#tests/helpers/tenants'
import { expectNoAxeViolations, openPage, recordTransfers } from '#tests/helpers/browser'
import { minimalPdf } from '#intake/tests/fixtures/files'
import { fillBirthDeclaration, pdfNamed } from '#tests/helpers/apply_form'
import { BIRTH_REGISTRATION } from '#database/demo/demo_eforms'
import { servicePath } from '#portal/index'

interface Journey {
  tenant: Tenant
  procedure: Procedure
  required: ProcedureComponent[]
  citizen: Awaited<ReturnType<typeof createCitizen>>
}

async function journey(): Promise<Journey> {
  const tenant = await ensureDemoData()
  const { procedure, required } = await withTenant(tenant, async () => {
    const found = await Procedure.query().where('name', BIRTH_REGISTRATION).firstOrFail()
    const components = await ProcedureComponent.query().where('procedure_id', found.id).where('is_required', true).orderBy('position')
    return { procedure: found, required: components }
  })
  return { tenant, procedure, required, citizen: await createCitizen(tenant) }
}

/** From the service page: "Nộp hồ sơ trực tuyến", the login page, and back to the form. */
async function logInFromServicePage(page: Page, visit: (path: string) => Promise<void>, setting: Journey) {
  await visit(servicePath(setting.procedure))
  await Promise.all([page.waitForURL('**/dang-nhap**'), page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click()])
  await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(setting.citizen.nationalId!)
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
  await Promise.all([page.waitForURL(`**/dich-vu-cong/${setting.procedure.id}/nop-ho-so`), page.getByRole('button', { name: 'Đăng nhập' }).click()])
}

async function dossierOf(setting: Journey, code: string) {
  return withTenant(setting.tenant, async () => {
    const dossier = await Dossier.query().where('code', code).firstOrFail()
    return { dossier, files: await filesOfDossier(dossier) }
  })
}

test.group('PT-1 PT-4.1 applying online in Chromium', () => {
  test('PT-1 PT-4.1 OL-11c NF-1 with JavaScript: prefilled, autosaved, uploads with progress, submitted with a code', async ({
    assert,
    cleanup,
  }) => {
    const setting = await journey()
    const { page, visit } = await openPage(cleanup, hostOf(setting.tenant))
    await logInFromServicePage(page, visit, setting)

    // First visit of the form with an empty cache: within the page budget.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.clearBrowserCache')
    const transfers = await recordTransfers(page)
    await page.reload({ waitUntil: 'load' })
    assert.isAtMost(transfers.total(), 100 * 1024, `the apply page took ${transfers.total()} bytes`)
    console.info(`apply page, first visit: ${(transfers.total() / 1024).toFixed(1)} KB of 100 KB`)
    transfers.reset()

    assert.equal(await page.getByLabel('Họ, chữ đệm, tên người yêu cầu').inputValue(), 'Công Dân Thử')
    assert.equal(await page.getByLabel('Số định danh cá nhân của người yêu cầu').inputValue(), setting.citizen.nationalId)
    await expectNoAxeViolations(page, assert, 'the apply page')

    await fillBirthDeclaration(page)
    // The communes of Hà Nội arrive without a reload.
    const commune = page.locator('#eform-residence-commune')
    await assert.doesNotReject(() => page.waitForFunction(() => (globalThis as any).document.querySelectorAll('#eform-residence-commune option').length > 10))
    await commune.selectOption({ index: 1 })
    await page.locator('#eform-residence-detail').fill('12 Tràng Tiền')

    // OL-11 c: on a slow link the upload shows its progress and can be cancelled.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: 50_000, uploadThroughput: 20_000 })
    const first = setting.required[0].id
    const large = { name: 'lon.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([minimalPdf(), Buffer.alloc(400_000)]) }
    await page.locator(`#file-c${first}`).setInputFiles(large)
    await page.locator(`#progress-c${first}`).waitFor({ state: 'visible' })
    await page.getByRole('button', { name: 'Huỷ tải lên' }).click()
    await page.locator(`#chosen-c${first}`).getByText('Đã huỷ tải lên.').waitFor()
    assert.isTrue(await page.locator(`#progress-c${first}`).isHidden())
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })

    for (const [index, component] of setting.required.entries()) {
      await page.locator(`#file-c${component.id}`).setInputFiles(pdfNamed(`giay-to-${index + 1}.pdf`, `Giay to ${index + 1}`))
      await page.locator(`#chosen-c${component.id}`).getByText(`giay-to-${index + 1}.pdf`).waitFor()
    }
    await page.locator('#draft-status').getByText('Đã lưu nháp lúc').waitFor()
    for (const entry of transfers.entries().filter((item) => /\/(luu-nhap|tep)$/.test(item.url))) {
      assert.isAtMost(entry.bytes, 15 * 1024, `${entry.url} answered ${entry.bytes} bytes`)
    }
    await expectNoAxeViolations(page, assert, 'the apply page, filled in')

    await Promise.all([page.waitForURL('**/nop-ho-so/da-nop/**'), page.getByRole('button', { name: 'Nộp hồ sơ' }).click()])
    const code = (await page.locator('#dossier-code').textContent())!.trim()
    assert.match(code, /^[\w.]+-\d{6}-\d{4}$/)
    assert.include(await page.locator('main').textContent(), 'Mới đăng ký')
    await expectNoAxeViolations(page, assert, 'the confirmation page')

    const { dossier, files } = await dossierOf(setting, code)
    assert.equal(dossier.channel, 'online')
    assert.equal(dossier.formValues.child_name, 'NGUYỄN THỊ AN')
    assert.deepEqual(files.map((file) => file.storedFile.originalName), ['giay-to-1.pdf', 'giay-to-2.pdf'])
  })

  test('PT-1 PT-4.1 the same journey with JavaScript disabled: plain form posts', async ({ assert, cleanup }) => {
    const setting = await journey()
    const { page, visit } = await openPage(cleanup, hostOf(setting.tenant), { javaScriptEnabled: false })
    await logInFromServicePage(page, visit, setting)
    assert.equal(await page.getByLabel('Họ, chữ đệm, tên người yêu cầu').inputValue(), 'Công Dân Thử')

    await fillBirthDeclaration(page)
    // Without a script the communes come with the saved draft.
    await Promise.all([page.waitForLoadState('load'), page.locator('.form-actions button[value="save"]').click()])
    await page.getByText('Đã lưu bản nháp.').waitFor()
    await page.locator('#eform-residence-commune').selectOption({ index: 1 })
    await page.locator('#eform-residence-detail').fill('12 Tràng Tiền')
    for (const [index, component] of setting.required.entries()) {
      await page.locator(`#file-c${component.id}`).setInputFiles(pdfNamed(`ban-giay-${index + 1}.pdf`, `Ban giay ${index + 1}`))
    }
    await Promise.all([page.waitForURL('**/nop-ho-so/da-nop/**'), page.getByRole('button', { name: 'Nộp hồ sơ' }).click()])
    const code = (await page.locator('#dossier-code').textContent())!.trim()
    const { dossier, files } = await dossierOf(setting, code)
    assert.equal(dossier.statusCode, 'moi_dang_ky')
    assert.equal(dossier.formValues.ethnicity, 'Kinh')
    assert.deepEqual(files.map((file) => file.storedFile.originalName), ['ban-giay-1.pdf', 'ban-giay-2.pdf'])
  })

  test('PT-1 NF-1 a refused submission shows its messages at the fields, accessibly', async ({ assert, cleanup }) => {
    const setting = await journey()
    const { page, visit } = await openPage(cleanup, hostOf(setting.tenant))
    await logInFromServicePage(page, visit, setting)
    await page.getByLabel('Số định danh cá nhân của người yêu cầu').fill('123')
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Nộp hồ sơ' }).click()])
    await page.locator('.error-summary').waitFor()
    assert.equal(await page.getByLabel('Số định danh cá nhân của người yêu cầu').getAttribute('aria-invalid'), 'true')
    assert.include(await page.locator('.error-summary').textContent(), 'Vui lòng nhập Họ, chữ đệm, tên người được khai sinh.')
    await expectNoAxeViolations(page, assert, 'the apply page with errors')
    await visit(`/dich-vu-cong/${setting.procedure.id}/nop-ho-so/ban-in`)
    await expectNoAxeViolations(page, assert, 'the printable declaration')
  })
})
