/*
 * PT-15.2 c in Chromium: on the Hà Nội demo portal (counter in Phường Hoàn Kiếm, from the
 * tenant's contact address), a citizen applying for "Thủ tục đăng ký khai sinh" chooses the
 * public postal service and sees the matching postage quoted by the stand-in postal company
 * (started here on a free port). With JavaScript it updates in place as the choice and the
 * addresses change, in small htmx answers, and says so plainly when the company does not answer;
 * without JavaScript it comes with the page after "Lưu nháp". Axe checks the page with the quote.
 */
import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import { withTenant } from '#tenancy/tenant_context'
import Procedure from '#catalog/models/procedure'
import { ensureDemoData } from '#tests/helpers/demo'
import { TEST_PASSWORD, createCitizen, hostOf } from '#tests/helpers/tenants'
import { expectNoAxeViolations, openPage, recordTransfers } from '#tests/helpers/browser'
import { BIRTH_REGISTRATION } from '#database/demo/demo_eforms'
import { usePostalService } from '#tests/helpers/postal_service'

async function applying(cleanup: Parameters<typeof openPage>[0], javaScriptEnabled: boolean) {
  const tenant = await ensureDemoData()
  const procedure = await withTenant(tenant, () => Procedure.query().where('name', BIRTH_REGISTRATION).firstOrFail())
  const citizen = await createCitizen(tenant)
  const base = `/dich-vu-cong/${procedure.id}/nop-ho-so`
  const { page, visit } = await openPage(cleanup, hostOf(tenant), { javaScriptEnabled })
  await visit(`/dang-nhap?return_to=${encodeURIComponent(base)}`)
  await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(citizen.nationalId!)
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
  await Promise.all([page.waitForURL(`**${base}`), page.getByRole('button', { name: 'Đăng nhập' }).click()])
  return { page }
}

/** Chooses a province, waits for its communes (loaded by the page's script), then the commune. */
async function chooseAddress(page: Page, part: 'sender' | 'recipient', province: string, commune: string) {
  await page.locator(`#postal-${part}-address-province`).selectOption(province)
  await page.locator(`#postal-${part}-address-commune option[value="${commune}"]`).waitFor({ state: 'attached' })
  await page.locator(`#postal-${part}-address-commune`).selectOption(commune)
}

async function quoteSays(page: Page, text: string) {
  await page.locator('#postage-quote').getByText(text).waitFor()
}

test.group('PT-15.2 the matching postage in Chromium', (group) => {
  const postal = usePostalService(group, { timeoutMs: 1000 })

  test('PT-15.2 with JavaScript: the quote updates in place with the choice and the addresses, in small htmx answers', async ({
    assert,
    cleanup,
  }) => {
    const { page } = await applying(cleanup, true)
    const address = page.url()
    const transfers = await recordTransfers(page)

    await page.getByLabel('Cả gửi hồ sơ và nhận kết quả qua bưu chính').check()
    await quoteSays(page, 'Chọn tỉnh, thành phố và xã, phường ở địa chỉ bên trên')

    // Sender in Phường Ba Đình (Hà Nội), recipient in Phường Hải Châu (Đà Nẵng).
    await chooseAddress(page, 'sender', '01', '00004')
    await chooseAddress(page, 'recipient', '48', '20242')
    await quoteSays(page, 'Cước bưu chính dự kiến: 41.000 đ (nhận hồ sơ 16.000 đ, trả kết quả 25.000 đ)')
    await page.locator('#postage-summary').getByText('Khi nộp, cước bưu chính dự kiến 41.000 đ được ghi cùng hồ sơ.').waitFor()

    // A name typed is no reason to ask the postal company again.
    const asked = transfers.entries().filter((entry) => entry.url.includes('/cuoc-buu-chinh')).length
    await page.locator('#postal-sender-full_name').fill('Nguyễn Văn Gửi')
    await page.locator('#postal-sender-phone').focus()
    await page.waitForTimeout(800)
    assert.equal(transfers.entries().filter((entry) => entry.url.includes('/cuoc-buu-chinh')).length, asked)

    // Birth registration is free: nothing for the postman to collect.
    await page.getByLabel('Nhờ nhân viên bưu chính thu hộ phí, lệ phí của thủ tục').check()
    await quoteSays(page, 'Thủ tục này không có phí, lệ phí để thu hộ.')

    await page.getByLabel('Nhận kết quả qua bưu chính', { exact: true }).check()
    await quoteSays(page, 'Cước bưu chính dự kiến: 25.000 đ (trả kết quả 25.000 đ)')
    await expectNoAxeViolations(page, assert, 'the apply page with the postage')

    // The postal company stops answering: a plain note, and the submit button says it does not matter.
    postal.company.fault = 'hang'
    await page.getByLabel('Gửi hồ sơ giấy qua bưu chính', { exact: true }).check()
    await quoteSays(page, 'Chưa tính được cước lúc này; doanh nghiệp bưu chính sẽ báo cước khi nhận hồ sơ.')
    await page.locator('#postage-summary').getByText('bạn vẫn nộp hồ sơ được').waitFor()
    assert.isTrue(await page.getByRole('button', { name: 'Nộp hồ sơ' }).isEnabled())
    await expectNoAxeViolations(page, assert, 'the apply page without a quote')

    assert.equal(page.url(), address, 'no page load')
    const answers = transfers.entries().filter((entry) => entry.url.includes('/cuoc-buu-chinh'))
    assert.isAtLeast(answers.length, 4)
    for (const answer of answers) assert.isAtMost(answer.bytes, 15 * 1024, `${answer.url} answered ${answer.bytes} bytes`)
    // Only the inputs the quote depends on travel: no names, phones or files.
    assert.isTrue(answers.every((answer) => !/full_name|phone|_file|_csrf/.test(decodeURIComponent(answer.url))))
  })

  test('PT-15.2 without JavaScript: the quote comes with the page after "Lưu nháp"', async ({ assert, cleanup }) => {
    const { page } = await applying(cleanup, false)
    await page.getByLabel('Cả gửi hồ sơ và nhận kết quả qua bưu chính').check()
    await page.locator('#postal-sender-address-province').selectOption('01')
    await page.locator('#postal-recipient-address-province').selectOption('01')
    const save = () => Promise.all([page.waitForLoadState('load'), page.locator('.form-actions button[value="save"]').click()])
    await save()
    await page.getByText('Đã lưu bản nháp.').waitFor()
    assert.include(await page.locator('#postage-quote').textContent(), 'Chọn tỉnh, thành phố và xã, phường')

    await page.locator('#postal-sender-address-commune').selectOption('00004')
    await page.locator('#postal-recipient-address-commune').selectOption('00070')
    await save()
    await page.getByText('Đã lưu bản nháp.').waitFor()
    const quote = (await page.locator('#postage-quote').textContent())!.replace(/\s+/g, ' ')
    assert.include(quote, 'Cước bưu chính dự kiến: 32.000 đ (nhận hồ sơ 16.000 đ, trả kết quả 16.000 đ).')
    assert.include(await page.locator('#postage-summary').textContent(), 'Khi nộp, cước bưu chính dự kiến 32.000 đ được ghi cùng hồ sơ.')
  })
})
