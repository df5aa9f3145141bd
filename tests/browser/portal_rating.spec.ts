/*
 * OL-12, PT-9.1, NF-1: an applicant rates a returned dossier in Chromium, with the keyboard and
 * with JavaScript turned off; the form has no WCAG 2.1 AA violations at 1280 and 320 px.
 */
import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import { DateTime } from 'luxon'
import { withTenant } from '#tenancy/tenant_context'
import { createCitizen, hostOf, TEST_PASSWORD } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { expectNoAxeViolations, horizontalOverflow, openPage } from '#tests/helpers/browser'
import { clockAt, intake, intakeSetting, type IntakeSetting } from '#intake/tests/helpers'
import { appendEvent, Dossier } from '#intake/index'
import type { User } from '#users/index'
import SatisfactionRating from '#portal/ratings/satisfaction_rating'

/** An online dossier of the citizen whose result was handed over. */
async function returnedDossier(setting: IntakeSetting, citizen: User) {
  const dossier = await intake(setting, clockAt('2026-04-15T09:30:00'), {
    channel: 'online',
    applicantId: citizen.id,
    applicant: { fullName: citizen.fullName, nationalId: citizen.nationalId },
    statusCode: 'dang_xu_ly',
    event: { action: 'submit', actorName: citizen.fullName, public: true },
  })
  await withTenant(setting.tenant, async () => {
    await appendEvent(dossier.id, {
      action: 'return_result',
      fromStatus: 'dang_xu_ly',
      toStatus: 'da_tra_ket_qua',
      public: true,
      occurredAt: DateTime.fromISO('2026-04-20T10:00:00', { zone: 'Asia/Ho_Chi_Minh' }),
    })
    await Dossier.query().where('id', dossier.id).update({ statusCode: 'da_tra_ket_qua' })
  })
  return dossier
}

async function logIn(page: Page, visit: (path: string) => Promise<void>, citizen: User, then: string) {
  await visit(`/dang-nhap?return_to=${encodeURIComponent(then)}`)
  await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(citizen.nationalId!)
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
  await Promise.all([page.waitForURL(`**${then}`), page.getByRole('button', { name: 'Đăng nhập' }).click()])
}

function ratingOf(setting: IntakeSetting, dossier: Dossier) {
  return withTenant(setting.tenant, () => SatisfactionRating.findBy('dossierId', dossier.id))
}

test.group('Satisfaction rating in Chromium', (group) => {
  group.each.setup(() => clearRateLimits())

  test('OL-12 PT-9.1 NF-1: the applicant rates with the keyboard; the form is accessible at 1280 and 320 px', async ({
    assert,
    cleanup,
  }) => {
    const setting = await intakeSetting()
    const citizen = await createCitizen(setting.tenant)
    const dossier = await returnedDossier(setting, citizen)
    const path = `/ho-so-cua-toi/${dossier.id}/danh-gia`
    const { page, visit } = await openPage(cleanup, hostOf(setting.tenant))
    await logIn(page, visit, citizen, path)

    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 })
      await expectNoAxeViolations(page, assert, `the rating form at ${width} px`)
      assert.isAtMost(await horizontalOverflow(page), 0, `the rating form scrolls sideways at ${width} px`)
    }

    // Sent without an overall level: the error is at the question, and accessible too.
    await Promise.all([page.waitForURL(`**${path}`), page.getByRole('button', { name: 'Gửi đánh giá' }).click()])
    assert.include(await page.locator('.error-summary').textContent(), 'Vui lòng chọn mức hài lòng chung.')
    await expectNoAxeViolations(page, assert, 'the rating form with an error')

    // The overall question by keyboard: focus the first level, arrow down to "Hài lòng", space.
    await page.getByRole('radio', { name: 'Rất hài lòng' }).first().focus()
    await page.keyboard.press('ArrowDown')
    assert.isTrue(await page.getByRole('group', { name: /Nhìn chung/ }).getByRole('radio', { name: 'Hài lòng', exact: true }).isChecked())
    await page.getByRole('group', { name: 'Mức độ đúng hẹn' }).getByRole('radio', { name: 'Rất hài lòng' }).check()
    await page.getByRole('group', { name: /Thái độ của cán bộ, công chức/ }).getByRole('radio', { name: 'Lịch sự, tận tình, đúng mực' }).check()
    await Promise.all([page.waitForURL(`**${path}`), page.getByRole('button', { name: 'Gửi đánh giá' }).click()])

    assert.include(await page.locator('main').textContent(), 'Cảm ơn bạn đã đánh giá.')
    await expectNoAxeViolations(page, assert, 'the rating page after rating')
    const rating = await ratingOf(setting, dossier)
    assert.equal(rating?.overall, 'satisfied')
    assert.equal(rating?.timeliness, 'very_satisfied')
    assert.equal(rating?.evaluationConduct, 2)
    assert.isNull(rating?.convenience)
  })

  test('OL-12 the rating works with JavaScript turned off', async ({ assert, cleanup }) => {
    const setting = await intakeSetting()
    const citizen = await createCitizen(setting.tenant)
    const dossier = await returnedDossier(setting, citizen)
    const path = `/ho-so-cua-toi/${dossier.id}/danh-gia`
    const { page, visit } = await openPage(cleanup, hostOf(setting.tenant), { javaScriptEnabled: false })
    await logIn(page, visit, citizen, path)

    await page.getByRole('group', { name: /Nhìn chung/ }).getByRole('radio', { name: 'Chưa hài lòng' }).check()
    await page.getByLabel('Ý kiến khác (không bắt buộc)').fill('Phải chờ lâu ở quầy.')
    await Promise.all([page.waitForURL(`**${path}`), page.getByRole('button', { name: 'Gửi đánh giá' }).click()])
    assert.include(await page.locator('main').textContent(), 'Cảm ơn bạn đã đánh giá.')

    const rating = await ratingOf(setting, dossier)
    assert.equal(rating?.overall, 'not_satisfied')
    assert.equal(rating?.comment, 'Phải chờ lâu ở quầy.')
  })
})
