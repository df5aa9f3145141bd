/*
 * PT-12.1: dossiers looked up by the applicant's phone or email through a one-time code. The
 * code really leaves through the outbox: by SMS to the local SMS gateway stand-in (read back from
 * what it received) and by email to the local SMTP server. Status only, never personal data;
 * the same answer whether or not the contact has dossiers; wrong, spent and expired codes;
 * rate limits.
 */
import { test } from '@japa/runner'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import { DateTime } from 'luxon'
import { withTenant } from '#tenancy/tenant_context'
import { hostOf } from '#tests/helpers/tenants'
import { captchaSession, clearRateLimits } from '#tests/helpers/accounts'
import { assertFieldError, formError } from '#tests/helpers/forms'
import { testMailbox } from '#tests/helpers/mailbox'
import { clockAt, intake, intakeSetting, type IntakeSetting } from '#intake/tests/helpers'
import { SmsGatewayStandIn, startSmsGatewayServer } from '#integration/stand_ins/sms_gateway_server'
import LookupCode from '#portal/lookup/lookup_code'
import { codeCheckLimiter, codeRequestLimiters } from '#portal/lookup/contact_lookup'

const START = '/tra-cuu/dien-thoai-email'
const CODE_FORM = '/tra-cuu/dien-thoai-email/ma-xac-nhan'
const PERSONAL = ['Nguyễn Văn An', '001090012345', '0912 000 222', '0912000222', 'an.nguyen@example.vn', '1 Tràng Tiền']

function askForCode(client: ApiClient, host: string, contact: string, captcha = 'k7m2p') {
  return client
    .post(START)
    .header('host', host)
    .header('referer', `http://${host}${START}`)
    .form({ contact, captcha })
    .withSession(captchaSession())
    .withCsrfToken()
    .redirects(0)
}

/** The step-1 answer's session, carried to step 2 as the browser's cookie would. */
function pendingOf(response: ApiResponse) {
  return { lookup_code: response.session('lookup_code') }
}

function typeCode(client: ApiClient, host: string, pending: Record<string, any>, code: string) {
  return client
    .post(CODE_FORM)
    .header('host', host)
    .header('referer', `http://${host}${CODE_FORM}`)
    .form({ confirmation_code: code })
    .withSession(pending)
    .withCsrfToken()
    .redirects(0)
}

function sixDigitsIn(text: string) {
  const match = /\b(\d{6})\b/.exec(text)
  if (!match) throw new Error(`No 6-digit code in: ${text}`)
  return match[1]
}

/** A code that is surely not `code`. */
function otherThan(code: string) {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0')
}

function withApplicant(setting: IntakeSetting, at: string, applicant: Record<string, string | null>, statusCode = 'dang_xu_ly') {
  return intake(setting, clockAt(at), {
    statusCode,
    applicant: {
      fullName: 'Nguyễn Văn An',
      nationalId: '001090012345',
      address: '1 Tràng Tiền',
      phone: null,
      email: null,
      ...applicant,
    } as any,
  })
}

function codesOf(setting: IntakeSetting) {
  return withTenant(setting.tenant, () => LookupCode.query().orderBy('id'))
}

test.group('PT-12 dossier lookup by phone or email with a one-time code', (group) => {
  let gateway: SmsGatewayStandIn
  const previousUrl = process.env.SMS_GATEWAY_URL

  group.setup(async () => {
    gateway = await startSmsGatewayServer()
    process.env.SMS_GATEWAY_URL = gateway.url
    return async () => {
      if (previousUrl === undefined) delete process.env.SMS_GATEWAY_URL
      else process.env.SMS_GATEWAY_URL = previousUrl
      await gateway.close()
    }
  })
  group.each.setup(() => clearRateLimits())

  test('PT-12 PT-12.1 by phone: the code comes by SMS and opens the list of that phone’s dossiers, status only', async ({ client, assert }) => {
    const setting = await intakeSetting()
    const host = hostOf(setting.tenant)
    const phone = `09${String(setting.tenant.id).padStart(8, '0')}`.slice(0, 10)
    const spaced = `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`
    const first = await withApplicant(setting, '2026-03-02T08:00:00', { phone: spaced }, 'da_tra_ket_qua')
    const second = await withApplicant(setting, '2026-04-15T09:30:00', { phone: `+84${phone.slice(1)}` })
    const stranger = await withApplicant(setting, '2026-04-16T09:30:00', { phone: '0988777666' })

    const asked = await askForCode(client, host, spaced)
    asked.assertStatus(302)
    asked.assertHeader('location', CODE_FORM)

    const form = await client.get(CODE_FORM).header('host', host).withSession(pendingOf(asked))
    form.assertStatus(200)
    assert.include(form.text(), `${phone.slice(0, 2)}******${phone.slice(-2)}`)
    assert.notInclude(form.text(), phone)

    const sms = await gateway.waitFor(phone)
    assert.equal(sms.phone, `84${phone.slice(1)}`)
    assert.equal(sms.encoding, 'gsm7', 'the SMS text is plain ASCII: one cheap part')
    assert.equal(sms.segments, 1)
    const code = sixDigitsIn(sms.message)
    const [stored] = await codesOf(setting)
    assert.notInclude(stored.codeHash, code, 'only a hash of the code is kept')

    const shown = await typeCode(client, host, pendingOf(asked), code)
    shown.assertStatus(200)
    const page = shown.text()
    for (const dossier of [first, second]) assert.include(page, dossier.code)
    assert.include(page, 'Đăng ký khai sinh')
    assert.include(page, 'Đã trả kết quả')
    assert.include(page, 'Đang xử lý')
    assert.notInclude(page, stranger.code)
    for (const personal of PERSONAL) assert.notInclude(page, personal)
    assert.notInclude(page, phone)
    assert.isBelow(page.indexOf(second.code), page.indexOf(first.code), 'newest first')

    // The code is spent: the same session and code again only get a "ask for a new code".
    const again = await typeCode(client, host, pendingOf(asked), code)
    again.assertStatus(302)
    again.assertHeader('location', START)
    assert.include(formError(again, 'lookup_code'), 'đã hết hạn hoặc đã được dùng')
  })

  test('PT-12 PT-12.1 by email: the code comes by email, whatever the case of the address typed', async ({ client, assert }) => {
    const setting = await intakeSetting()
    const host = hostOf(setting.tenant)
    const email = `an.nguyen-${setting.tenant.id}@example.vn`
    const dossier = await withApplicant(setting, '2026-04-15T09:30:00', { email })
    const mailbox = await testMailbox()

    const asked = await askForCode(client, host, `  ${email.toUpperCase()} `)
    asked.assertStatus(302)
    const mail = await mailbox.waitFor(email)
    assert.include(mail.subject, 'Mã xác nhận tra cứu hồ sơ')
    const code = sixDigitsIn(mail.text)
    assert.include(mail.text, '10 phút')

    const shown = await typeCode(client, host, pendingOf(asked), ` ${code.slice(0, 3)} ${code.slice(3)} `)
    shown.assertStatus(200)
    assert.include(shown.text(), dossier.code)
    assert.include(shown.text(), 'a***@example.vn')
    assert.notInclude(shown.text(), email)
    for (const personal of PERSONAL) assert.notInclude(shown.text(), personal)
  })

  test('PT-12 a contact without dossiers gets the same answer, and nothing is sent to it', async ({ client, assert }) => {
    const setting = await intakeSetting()
    const host = hostOf(setting.tenant)
    await withApplicant(setting, '2026-04-15T09:30:00', { phone: '0912000333' })

    const known = await askForCode(client, host, '0912000333')
    const unknown = await askForCode(client, host, '0912000444')
    known.assertStatus(302)
    unknown.assertStatus(302)
    assert.equal(unknown.header('location'), known.header('location'))

    const knownForm = await client.get(CODE_FORM).header('host', host).withSession(pendingOf(known))
    const unknownForm = await client.get(CODE_FORM).header('host', host).withSession(pendingOf(unknown))
    const comparable = (page: string) =>
      page
        .replace(/"X-CSRF-TOKEN": "[^"]*"/g, '')
        .replace(/value=(['"])[^'"]*\1/g, '')
        .replace(/09\*+\d\d/g, '')
    assert.equal(comparable(unknownForm.text()), comparable(knownForm.text()))

    await gateway.waitFor('0912000333')
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(gateway.sentTo('0912000444'), 0)

    // Any code typed for it is just a wrong code.
    const guessed = await typeCode(client, host, pendingOf(unknown), '123456')
    guessed.assertStatus(302)
    assertFieldError(assert, guessed, 'confirmation_code', 'Mã xác nhận không đúng. Bạn còn 4 lần thử.')
  })

  test('PT-12 a wrong code spends a try; after 5 wrong tries even the right code is refused', async ({ client, assert }) => {
    const setting = await intakeSetting()
    const host = hostOf(setting.tenant)
    const dossier = await withApplicant(setting, '2026-04-15T09:30:00', { phone: '0912000555' })
    const asked = await askForCode(client, host, '0912000555')
    const code = sixDigitsIn((await gateway.waitFor('0912000555')).message)

    for (const left of [4, 3, 2, 1]) {
      const wrong = await typeCode(client, host, pendingOf(asked), otherThan(code))
      wrong.assertStatus(302)
      wrong.assertHeader('location', CODE_FORM)
      assertFieldError(assert, wrong, 'confirmation_code', `Mã xác nhận không đúng. Bạn còn ${left} lần thử.`)
      assert.notInclude(wrong.text(), dossier.code)
    }
    const fifth = await typeCode(client, host, pendingOf(asked), otherThan(code))
    fifth.assertHeader('location', START)
    assert.include(formError(fifth, 'lookup_code'), 'nhập sai mã quá nhiều lần')

    const right = await typeCode(client, host, pendingOf(asked), code)
    right.assertStatus(302)
    assert.notInclude(right.text(), dossier.code)
    const [stored] = await codesOf(setting)
    assert.equal(stored.attempts, 5)
    assert.isNull(stored.usedAt)

    const malformed = await typeCode(client, host, pendingOf(asked), '12ab56')
    malformed.assertStatus(302)
    assertFieldError(assert, malformed, 'confirmation_code', 'Mã xác nhận gồm 6 chữ số.')
  })

  test('PT-12 an expired code is refused and a new one is asked for', async ({ client, assert }) => {
    const setting = await intakeSetting()
    const host = hostOf(setting.tenant)
    const dossier = await withApplicant(setting, '2026-04-15T09:30:00', { phone: '0912000666' })
    const asked = await askForCode(client, host, '0912000666')
    const code = sixDigitsIn((await gateway.waitFor('0912000666')).message)
    await withTenant(setting.tenant, () =>
      LookupCode.query().update({ expiresAt: DateTime.now().minus({ seconds: 1 }).toSQL() })
    )

    const late = await typeCode(client, host, pendingOf(asked), code)
    late.assertStatus(302)
    late.assertHeader('location', START)
    assert.include(formError(late, 'lookup_code'), 'Mã xác nhận đã hết hạn')
    assert.notInclude(late.text(), dossier.code)

    // Without a pending code, the code form sends the visitor back to step 1.
    const noPending = await client.get(CODE_FORM).header('host', host).redirects(0)
    noPending.assertStatus(302)
    noPending.assertHeader('location', START)
  })

  test('PT-12 NF-25 a wrong captcha or a contact that is neither a phone nor an email is refused at the field; no code is issued', async ({
    client,
    assert,
  }) => {
    const setting = await intakeSetting()
    const host = hostOf(setting.tenant)

    const wrongCaptcha = await askForCode(client, host, '0912000777', 'xxxxx')
    wrongCaptcha.assertStatus(302)
    wrongCaptcha.assertHeader('location', `http://${host}${START}`)
    assertFieldError(assert, wrongCaptcha, 'captcha', 'Mã xác nhận không đúng. Vui lòng nhập lại các ký tự trong hình mới.')

    const neither = await askForCode(client, host, '12345')
    assertFieldError(
      assert,
      neither,
      'contact',
      'Vui lòng nhập số điện thoại 10 chữ số (ví dụ 0912 345 678) hoặc một địa chỉ email đúng.'
    )
    const empty = await askForCode(client, host, '  ')
    assertFieldError(assert, empty, 'contact', 'Vui lòng nhập số điện thoại hoặc email.')

    assert.lengthOf(await codesOf(setting), 0)
  })

  test('PT-12 codes are limited per contact and per address; checks per address', async ({ client, assert }) => {
    const setting = await intakeSetting()
    const host = hostOf(setting.tenant)
    await withApplicant(setting, '2026-04-15T09:30:00', { phone: '0912000888' })

    for (let i = 0; i < 3; i++) (await askForCode(client, host, '0912 000 888')).assertStatus(302)
    const fourth = await askForCode(client, host, '0912000888')
    fourth.assertStatus(429)
    assert.include(fourth.text(), 'Bạn đã yêu cầu quá nhiều mã xác nhận')
    assert.lengthOf(await codesOf(setting), 3)

    await clearRateLimits()
    await codeRequestLimiters().perAddress.increment('lookup-code:address:127.0.0.1', 10)
    const fromBusyAddress = await askForCode(client, host, '0912000999')
    fromBusyAddress.assertStatus(429)

    await clearRateLimits()
    const asked = await askForCode(client, host, '0912000888')
    await codeCheckLimiter().increment('lookup-code-check:127.0.0.1', 30)
    const check = await typeCode(client, host, pendingOf(asked), '000000')
    check.assertStatus(429)
    assert.lengthOf(await codesOf(setting), 4)
    const [, , , last] = await codesOf(setting)
    assert.equal(last.attempts, 0, 'a refused check spends no try')
  })

  test('PT-12 another tenant’s dossiers with the same phone are not listed', async ({ client, assert }) => {
    const mine = await intakeSetting()
    const theirs = await intakeSetting()
    const own = await withApplicant(mine, '2026-04-15T09:30:00', { phone: '0912111222' })
    const other = await withApplicant(theirs, '2026-04-16T09:30:00', { phone: '0912111222' })

    const asked = await askForCode(client, hostOf(mine.tenant), '0912111222')
    const code = sixDigitsIn((await gateway.waitFor('0912111222')).message)
    const shown = await typeCode(client, hostOf(mine.tenant), pendingOf(asked), code)
    shown.assertStatus(200)
    assert.include(shown.text(), own.code)
    assert.notInclude(shown.text(), other.code)
  })
})
