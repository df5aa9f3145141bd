/*
 * PT-12 NF-1 in Chromium: a visitor looks up their dossiers by email. They type the address and
 * the picture code, receive a one-time code by email, type it, and see their dossiers with the
 * status only; every page of the way has no WCAG 2.1 AA violations.
 */
import { test } from '@japa/runner'
import { hostOf } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { testMailbox } from '#tests/helpers/mailbox'
import { expectNoAxeViolations, openPage } from '#tests/helpers/browser'
import { solveCaptcha } from '#tests/helpers/captcha'
import { clockAt, intake, intakeSetting } from '#intake/tests/helpers'

test('PT-12 NF-1 lookup by email with a one-time code: request, code, dossiers with status only, all accessible', async ({
  assert,
  cleanup,
}) => {
  await clearRateLimits()
  const setting = await intakeSetting()
  const email = `tra-cuu-${setting.tenant.id}@example.vn`
  const dossier = await intake(setting, clockAt('2026-04-15T09:00:00'), {
    applicant: { fullName: 'Đỗ Thị Tra Cứu', email, address: '5 Hàng Bài' },
  })
  const mailbox = await testMailbox()
  const { page, visit } = await openPage(cleanup, hostOf(setting.tenant))

  await visit('/tra-cuu/dien-thoai-email')
  await expectNoAxeViolations(page, assert, 'the contact lookup form')
  await page.getByLabel('Số điện thoại hoặc email').fill(email)
  await solveCaptcha(page)
  await Promise.all([page.waitForURL('**/tra-cuu/dien-thoai-email/ma-xac-nhan**'), page.getByRole('button', { name: 'Gửi mã xác nhận' }).click()])
  await expectNoAxeViolations(page, assert, 'the one-time code form')

  const code = (await mailbox.waitFor(email)).text.match(/\b(\d{6})\b/)![1]
  await page.getByRole('textbox', { name: 'Mã xác nhận' }).fill(code)
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Xem hồ sơ' }).click()])
  const answer = (await page.locator('main').textContent()) ?? ''
  assert.include(answer, dossier.code)
  assert.include(answer, 'Được tiếp nhận')
  for (const personal of ['Đỗ Thị Tra Cứu', '5 Hàng Bài', email]) assert.notInclude(answer, personal)
  await expectNoAxeViolations(page, assert, 'the dossiers found')
}).timeout(120_000)
