/*
 * PT-12.1, OS-19: the public dossier lookup by code. Status only, never personal data; the same
 * answer for an unknown code and another tenant's code; the captcha is checked before any lookup;
 * a per-address budget.
 */
import { test } from '@japa/runner'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import { DateTime } from 'luxon'
import { hostOf } from '#tests/helpers/tenants'
import { captchaSession, clearRateLimits } from '#tests/helpers/accounts'
import { assertFieldError } from '#tests/helpers/forms'
import { clockAt, intake, intakeSetting } from '#intake/tests/helpers'
import { lookupLimiter } from '#portal/lookup/dossier_lookup'

const NOT_FOUND = 'Không tìm thấy hồ sơ có mã này'

function lookUp(client: ApiClient, host: string, code: string, captcha = 'k7m2p', session: Record<string, any> = captchaSession()) {
  return client
    .post('/tra-cuu')
    .header('host', host)
    .header('referer', `http://${host}/tra-cuu`)
    .form({ code, captcha })
    .withSession(session)
    .withCsrfToken()
    .redirects(0)
}

/** The message shown in place of a result, with the markup around it. */
function answerOf(response: ApiResponse) {
  return response.text().match(/<div class="notice notice-warning" role="alert">[\s\S]*?<\/div>/)?.[0] ?? ''
}

/** The page without the field values, the CSRF token and the captcha picture's cache breaker. */
function withoutVariableParts(page: string) {
  return page
    .replace(/value=(['"])[^'"]*\1/g, 'value=""')
    .replace(/"X-CSRF-TOKEN": "[^"]*"/g, '')
    .replace(/\?v=\d+/g, '')
}

test.group('PT-12 OS-19 dossier lookup by code', (group) => {
  group.each.setup(() => clearRateLimits())

  test('PT-12 OS-19 found by code shows the status label and no personal data', async ({ client, assert }) => {
    const setting = await intakeSetting()
    const dossier = await intake(setting, clockAt('2026-04-15T09:30:00'), {
      statusCode: 'dang_xu_ly',
      applicant: {
        fullName: 'Nguyễn Văn An',
        nationalId: '001090012345',
        phone: '0912000111',
        email: 'an.nguyen@example.vn',
        address: '1 Tràng Tiền',
      },
      appointmentAt: DateTime.fromISO('2026-04-22T16:00:00', { zone: 'Asia/Ho_Chi_Minh' }),
    })

    const response = await lookUp(client, hostOf(setting.tenant), `  ${dossier.code} `)
    response.assertStatus(200)
    const page = response.text()
    assert.include(page, dossier.code)
    assert.include(page, 'Đăng ký khai sinh')
    assert.include(page, '15/04/2026')
    assert.include(page, 'Đang xử lý')
    assert.include(page, '22/04/2026')
    assert.notInclude(page, NOT_FOUND)
    for (const personal of ['Nguyễn Văn An', '001090012345', '0912000111', 'an.nguyen@example.vn', 'Tràng Tiền']) {
      assert.notInclude(page, personal)
    }
  })

  test('PT-12 OS-19 the QR link opens the form with the code filled in', async ({ client, assert }) => {
    const setting = await intakeSetting()
    const response = await client
      .get('/tra-cuu')
      .qs({ ma: '000.00.01.H22-260415-0007' })
      .header('host', hostOf(setting.tenant))
    response.assertStatus(200)
    assert.include(response.text(), 'value="000.00.01.H22-260415-0007"')
    assert.include(response.text(), 'name="captcha"')
  })

  test('PT-12 OS-19 an unknown code and another tenant’s code give the same message', async ({ client, assert }) => {
    const mine = await intakeSetting()
    const theirs = await intakeSetting()
    const theirDossier = await intake(theirs, clockAt('2026-04-15T09:30:00'))
    const unknownCode = theirDossier.code.replace(/\d{4}$/, '9999')

    const otherTenants = await lookUp(client, hostOf(mine.tenant), theirDossier.code)
    const unknown = await lookUp(client, hostOf(mine.tenant), unknownCode)

    otherTenants.assertStatus(200)
    unknown.assertStatus(200)
    assert.include(answerOf(otherTenants), NOT_FOUND)
    assert.equal(answerOf(otherTenants), answerOf(unknown))
    assert.notInclude(otherTenants.text(), 'Được tiếp nhận')
    assert.notInclude(otherTenants.text(), 'Nguyễn Văn An')
    // The whole pages differ only by the code typed back into the field (and the per-request tokens).
    assert.equal(withoutVariableParts(otherTenants.text()), withoutVariableParts(unknown.text()))

    // The owner's host finds it.
    const own = await lookUp(client, hostOf(theirs.tenant), theirDossier.code)
    assert.include(own.text(), 'Được tiếp nhận')
  })

  test('PT-12 OS-19 a wrong captcha is refused at the field and nothing is looked up', async ({ client, assert }) => {
    const setting = await intakeSetting()
    const dossier = await intake(setting, clockAt('2026-04-15T09:30:00'))

    const wrong = await lookUp(client, hostOf(setting.tenant), dossier.code, 'xxxxx')
    wrong.assertStatus(302)
    wrong.assertHeader('location', `http://${hostOf(setting.tenant)}/tra-cuu`)
    assertFieldError(assert, wrong, 'captcha', 'Mã xác nhận không đúng. Vui lòng nhập lại các ký tự trong hình mới.')
    assert.notInclude(wrong.text(), 'Được tiếp nhận')

    // No picture shown to this session: refused too, even with a plausible answer.
    const noPicture = await lookUp(client, hostOf(setting.tenant), dossier.code, 'k7m2p', {})
    noPicture.assertStatus(302)
    assertFieldError(assert, noPicture, 'captcha')

    const empty = await lookUp(client, hostOf(setting.tenant), '   ')
    empty.assertStatus(302)
    assertFieldError(assert, empty, 'code', 'Vui lòng nhập mã hồ sơ.')
  })

  test('PT-12 OS-19 lookups are limited per address', async ({ client, assert }) => {
    const setting = await intakeSetting()
    const dossier = await intake(setting, clockAt('2026-04-15T09:30:00'))
    await lookupLimiter().increment('dossier-lookup:127.0.0.1', 30)

    const response = await lookUp(client, hostOf(setting.tenant), dossier.code)
    response.assertStatus(429)
    assert.include(response.text(), 'Bạn đã tra cứu quá nhiều lần')
    assert.notInclude(response.text(), 'Được tiếp nhận')
  })
})
