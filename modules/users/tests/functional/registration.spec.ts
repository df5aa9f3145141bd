import { test } from '@japa/runner'
import { createTenant, hostOf } from '#tests/helpers/tenants'
import {
  captchaSession,
  clearRateLimits,
  countUsers,
  findUserByEmail,
  nationalIdBornIn,
  submitLogin,
  validRegistration,
} from '#tests/helpers/accounts'
import { linkIn, testMailbox } from '#tests/helpers/mailbox'
import { assertFieldError, formError } from '#tests/helpers/forms'
import { registrationLimiter } from '#users/services/login_throttle'

function register(client: any, host: string, form: Record<string, string>, session = captchaSession()) {
  return client
    .post('/dang-ky')
    .header('host', host)
    .header('referer', `http://${host}/dang-ky`)
    .form(form)
    .withSession(session)
    .withCsrfToken()
    .redirects(0)
}

test.group('OL-10 registration with AS-2 identity', (group) => {
  group.each.setup(() => clearRateLimits())

  test('OL-10 a citizen registers, receives the activation email, follows it and can log in', async ({ client, assert }) => {
    const mailbox = await testMailbox()
    const tenant = await createTenant({ name: 'Tỉnh Đăng Ký' })
    const form = validRegistration()

    const response = await register(client, hostOf(tenant), form)
    response.assertStatus(302)
    response.assertHeader('location', '/dang-nhap')
    assert.include(response.flashMessages().notice, form.email)

    const stored = await findUserByEmail(tenant, form.email)
    assert.equal(stored!.kind, 'citizen')
    assert.equal(stored!.nationalId, form.national_id)
    assert.equal(stored!.phone, '0912345678')
    assert.equal(stored!.dateOfBirth!.toISODate(), '1990-05-12')
    assert.isFalse(stored!.isActive)
    assert.notEqual(stored!.password, form.password)
    assert.match(stored!.password, /^\$argon2id\$/)

    const pendingLogin = await submitLogin(client, hostOf(tenant), { account_name: form.national_id, password: form.password })
    assert.include(formError(pendingLogin!, 'login'), 'Tài khoản chưa được kích hoạt')

    const mail = await mailbox.waitFor(form.email)
    assert.equal(mail.subject, 'Kích hoạt tài khoản trên Cổng Dịch vụ công Tỉnh Đăng Ký')
    assert.include(mail.text, 'Kính gửi Phạm Thị Đăng Ký,')
    const link = linkIn(mail.text, '/xac-thuc-email/')
    assert.equal(link.hostname, hostOf(tenant))

    const verified = await client.get(link.pathname).header('host', hostOf(tenant)).redirects(0)
    verified.assertHeader('location', '/dang-nhap')
    verified.assertFlashMessage('notice', 'Đã xác thực thư điện tử, tài khoản đã được kích hoạt. Mời bạn đăng nhập.')

    const login = await submitLogin(client, hostOf(tenant), { account_name: form.national_id, password: form.password })
    login.assertHeader('location', '/tai-khoan')

    const reused = await client.get(link.pathname).header('host', hostOf(tenant))
    reused.assertTextIncludes('Liên kết không còn hiệu lực')
  })

  test('OL-10 an organisation representative registers with the organisation name and tax code', async ({ client, assert }) => {
    const tenant = await createTenant()
    const form = validRegistration({ account_kind: 'organisation', organisation_name: 'Công ty TNHH Thử Nghiệm', tax_code: '0101234567' })
    const response = await register(client, hostOf(tenant), form)
    response.assertHeader('location', '/dang-nhap')
    const stored = await findUserByEmail(tenant, form.email)
    assert.equal(stored!.kind, 'organisation')
    assert.equal(stored!.organisationName, 'Công ty TNHH Thử Nghiệm')
    assert.equal(stored!.taxCode, '0101234567')
  })

  const refusals: Array<{ title: string; fields: Record<string, string>; field: string; message: string }> = [
    {
      title: 'an identification number of 11 digits',
      fields: { national_id: '00109001234' },
      field: 'national_id',
      message: 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
    },
    {
      title: 'an identification number with letters',
      fields: { national_id: '00109001234A' },
      field: 'national_id',
      message: 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
    },
    {
      title: 'an identification number with an unknown province code',
      fields: { national_id: '003090012345' },
      field: 'national_id',
      message: 'Số định danh cá nhân không đúng: 3 số đầu phải là mã tỉnh nơi đăng ký khai sinh.',
    },
    {
      title: 'an identification number that contradicts the year of birth',
      fields: { national_id: nationalIdBornIn(1985) },
      field: 'national_id',
      message:
        'Số định danh cá nhân không khớp với năm sinh đã khai (số thứ 4 đến thứ 6 thể hiện thế kỷ và năm sinh).',
    },
    {
      title: 'a date that does not exist',
      fields: { date_of_birth: '31/02/1990' },
      field: 'date_of_birth',
      message: 'Không có ngày này trên lịch; vui lòng kiểm tra lại ngày và tháng của ngày sinh.',
    },
    {
      title: 'a date written month first',
      fields: { date_of_birth: '1990/05/12' },
      field: 'date_of_birth',
      message: 'Vui lòng ghi ngày sinh theo dạng ngày/tháng/năm (DD/MM/YYYY), ví dụ 05/09/1990.',
    },
    {
      title: 'a date of birth in the future',
      fields: { date_of_birth: '01/01/2990', national_id: nationalIdBornIn(2990) },
      field: 'date_of_birth',
      message: 'Vui lòng kiểm tra lại ngày sinh: không thể sau ngày hôm nay.',
    },
    {
      title: 'an email without a domain',
      fields: { email: 'dan@' },
      field: 'email',
      message: 'Địa chỉ thư điện tử chưa đúng dạng, ví dụ: ten@example.vn.',
    },
    {
      title: 'an email with spaces',
      fields: { email: 'nguyen van a@example.vn' },
      field: 'email',
      message: 'Địa chỉ thư điện tử chưa đúng dạng, ví dụ: ten@example.vn.',
    },
    {
      title: 'a phone number of 9 digits',
      fields: { phone: '091234567' },
      field: 'phone',
      message: 'Số điện thoại phải gồm 10 chữ số và bắt đầu bằng số 0.',
    },
    {
      title: 'a password without digits',
      fields: { password: 'chicochudai', password_confirmation: 'chicochudai' },
      field: 'password',
      message: 'Mật khẩu phải có cả chữ và số.',
    },
    {
      title: 'two different passwords',
      fields: { password_confirmation: 'Matkhau2027' },
      field: 'password_confirmation',
      message: 'Hai lần nhập mật khẩu không khớp nhau.',
    },
    {
      title: 'a wrong picture code',
      fields: { captcha: 'abcde' },
      field: 'captcha',
      message: 'Mã xác nhận không đúng. Vui lòng nhập lại các ký tự trong hình mới.',
    },
    {
      title: 'an empty full name',
      fields: { full_name: '   ' },
      field: 'full_name',
      message: 'Vui lòng nhập họ và tên.',
    },
  ]

  for (const refusal of refusals) {
    test(`OL-10 refuses ${refusal.title} with a Vietnamese message and stores nothing`, async ({ client, assert }) => {
      const tenant = await createTenant()
      const form = validRegistration(refusal.fields)
      const response = await register(client, hostOf(tenant), form)
      response.assertStatus(302)
      response.assertHeader('location', `http://${hostOf(tenant)}/dang-ky`)
      assertFieldError(assert, response, refusal.field, refusal.message)
      assert.equal(await countUsers(tenant), 0)
      const flashed = response.flashMessages()
      assert.notProperty(flashed, 'password')
      assert.notProperty(flashed, 'password_confirmation')
      if (refusal.field !== 'full_name') assert.equal(flashed.full_name, form.full_name)
    })
  }

  test('OL-10 the refused form shows each message under its field, with the typed values kept', async ({ client }) => {
    const tenant = await createTenant()
    const page = await client
      .get('/dang-ky')
      .header('host', hostOf(tenant))
      .withSession({
        __flash__: {
          full_name: 'Phạm Thị Đăng Ký',
          inputErrorsBag: { national_id: ['Số định danh cá nhân phải gồm đúng 12 chữ số.'] },
          errorsBag: { E_VALIDATION_ERROR: 'Chưa gửi được: có 1 chỗ cần sửa, xem thông báo ở từng ô bên dưới.' },
        },
      })
    page.assertStatus(200)
    page.assertTextIncludes('<p class="field-error" id="field-national_id-error">Số định danh cá nhân phải gồm đúng 12 chữ số.</p>')
    page.assertTextIncludes('aria-invalid="true"')
    page.assertTextIncludes('value="Phạm Thị Đăng Ký"')
    page.assertTextIncludes('<a href="#field-national_id">')
  })

  test('OL-10 an identification number or email already registered in this tenant is refused', async ({ client, assert }) => {
    const tenant = await createTenant()
    const first = validRegistration()
    await register(client, hostOf(tenant), first)
    const sameId = await register(client, hostOf(tenant), validRegistration({ national_id: first.national_id }))
    assertFieldError(assert, sameId, 'national_id')
    const sameEmail = await register(client, hostOf(tenant), validRegistration({ email: first.email.toUpperCase() }))
    assertFieldError(assert, sameEmail, 'email')
    assert.equal(await countUsers(tenant), 1)

    const otherTenant = await createTenant()
    const elsewhere = await register(client, hostOf(otherTenant), validRegistration({ national_id: first.national_id, email: first.email }))
    elsewhere.assertHeader('location', '/dang-nhap')
  })

  test('NF-11 a name typed in decomposed Unicode is stored in NFC', async ({ client, assert }) => {
    const tenant = await createTenant()
    const form = validRegistration({ full_name: 'Nguyễn Thị Hoà'.normalize('NFD') })
    await register(client, hostOf(tenant), form)
    const stored = await findUserByEmail(tenant, form.email)
    assert.equal(stored!.fullName, 'Nguyễn Thị Hoà'.normalize('NFC'))
    assert.notEqual(stored!.fullName, form.full_name)
  })

  test('NF-25 registrations from one address are limited per hour', async ({ client, assert }) => {
    const tenant = await createTenant()
    await registrationLimiter().block('register:127.0.0.1', '1 hour')
    const response = await register(client, hostOf(tenant), validRegistration())
    assert.equal(
      formError(response!, 'registration'),
      'Có quá nhiều lượt đăng ký từ địa chỉ mạng của bạn. Vui lòng thử lại sau một giờ.'
    )
    assert.equal(await countUsers(tenant), 0)
  })

  test('SEC a form sent without its CSRF token is refused and changes nothing', async ({ client, assert }) => {
    const tenant = await createTenant()
    const response = await client
      .post('/dang-ky')
      .header('host', hostOf(tenant))
      .header('referer', `http://${hostOf(tenant)}/dang-ky`)
      .form(validRegistration())
      .withSession(captchaSession())
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage(
      'error',
      'Biểu mẫu đã hết hạn hoặc không hợp lệ nên chưa được gửi. Vui lòng kiểm tra lại và gửi lại.'
    )
    assert.equal(await countUsers(tenant), 0)

    const forged = await client
      .post('/dang-ky')
      .header('host', hostOf(tenant))
      .form({ ...validRegistration(), _csrf: 'forged-token-value' })
      .withSession(captchaSession())
      .redirects(0)
    forged.assertStatus(302)
    assert.equal(await countUsers(tenant), 0)
  })

  test('the registration form carries a CSRF token and the picture code', async ({ client, assert }) => {
    const tenant = await createTenant()
    const page = await client.get('/dang-ky').header('host', hostOf(tenant))
    page.assertStatus(200)
    page.assertTextIncludes("name='_csrf'")
    page.assertTextIncludes('id="captcha-image"')
    page.assertTextIncludes('autocomplete="new-password"')
    assert.match(page.text(), /<label for="field-full_name">\s*Họ và tên\s*<span class="required-mark" aria-hidden="true">\*<\/span>\s*<\/label>/)
    assert.notMatch(page.text(), /@(if|end|each|let)\b/, 'an Edge tag left unparsed in the page')
  })
})

test.group('Password reset and email verification by email', (group) => {
  group.each.setup(() => clearRateLimits())

  test('a forgotten password is reset through the emailed link, which works once', async ({ client, assert }) => {
    const mailbox = await testMailbox()
    const tenant = await createTenant({ name: 'Tỉnh Quên Mật Khẩu' })
    const { createCitizen } = await import('#tests/helpers/tenants')
    const citizen = await createCitizen(tenant)

    const request = await client
      .post('/quen-mat-khau')
      .header('host', hostOf(tenant))
      .form({ email: citizen.email!.toUpperCase(), captcha: 'k7m2p' })
      .withSession(captchaSession())
      .withCsrfToken()
      .redirects(0)
    request.assertHeader('location', '/dang-nhap')

    const mail = await mailbox.waitFor(citizen.email!)
    assert.equal(mail.subject, 'Đặt lại mật khẩu trên Cổng Dịch vụ công Tỉnh Quên Mật Khẩu')
    const link = linkIn(mail.text, '/dat-lai-mat-khau/')

    const form = await client.get(link.pathname).header('host', hostOf(tenant))
    form.assertTextIncludes('Đặt mật khẩu mới')

    const mismatch = await client
      .post(link.pathname)
      .header('host', hostOf(tenant))
      .form({ password: 'MatKhauMoi2026', password_confirmation: 'KhacNhau2026' })
      .withCsrfToken()
      .redirects(0)
    assertFieldError(assert, mismatch, 'password_confirmation', 'Hai lần nhập mật khẩu không khớp nhau.')

    const saved = await client
      .post(link.pathname)
      .header('host', hostOf(tenant))
      .form({ password: 'MatKhauMoi2026', password_confirmation: 'MatKhauMoi2026' })
      .withCsrfToken()
      .redirects(0)
    saved.assertFlashMessage('notice', 'Đã lưu mật khẩu mới. Mời bạn đăng nhập.')

    const login = await submitLogin(client, hostOf(tenant), { account_name: citizen.nationalId!, password: 'MatKhauMoi2026' })
    login.assertHeader('location', '/tai-khoan')

    const again = await client.get(link.pathname).header('host', hostOf(tenant))
    again.assertTextIncludes('Liên kết không còn hiệu lực')
  })

  test('asking for an unknown address says the same and sends nothing', async ({ client, assert }) => {
    const mailbox = await testMailbox()
    const tenant = await createTenant()
    const address = `khong-co-${Date.now()}@example.vn`
    const response = await client
      .post('/quen-mat-khau')
      .header('host', hostOf(tenant))
      .form({ email: address, captcha: 'k7m2p' })
      .withSession(captchaSession())
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('notice', `Nếu ${address} là địa chỉ của một tài khoản, liên kết đặt lại mật khẩu đã được gửi tới đó.`)
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(mailbox.sentTo(address), 0)
  })

  test('an address registered in another tenant gets no reset link from this one', async ({ client, assert }) => {
    const mailbox = await testMailbox()
    const home = await createTenant()
    const elsewhere = await createTenant()
    const { createCitizen } = await import('#tests/helpers/tenants')
    const citizen = await createCitizen(home)
    await client
      .post('/quen-mat-khau')
      .header('host', hostOf(elsewhere))
      .form({ email: citizen.email!, captcha: 'k7m2p' })
      .withSession(captchaSession())
      .withCsrfToken()
      .redirects(0)
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(mailbox.sentTo(citizen.email!), 0)
  })

  test('a link emailed by one tenant does nothing on another tenant host', async ({ client, assert }) => {
    const mailbox = await testMailbox()
    const home = await createTenant()
    const elsewhere = await createTenant()
    const form = validRegistration()
    await register(client, hostOf(home), form)
    const link = linkIn((await mailbox.waitFor(form.email)).text, '/xac-thuc-email/')

    const foreign = await client.get(link.pathname).header('host', hostOf(elsewhere))
    foreign.assertTextIncludes('Liên kết không còn hiệu lực')
    assert.isFalse((await findUserByEmail(home, form.email))!.isActive)

    const own = await client.get(link.pathname).header('host', hostOf(home)).redirects(0)
    own.assertHeader('location', '/dang-nhap')
    assert.isTrue((await findUserByEmail(home, form.email))!.isActive)
  })

  test('a made-up token shows the expired-link page', async ({ client }) => {
    const tenant = await createTenant()
    const response = await client.get('/dat-lai-mat-khau/khong-phai-ma-that-123456789').header('host', hostOf(tenant))
    response.assertStatus(200)
    response.assertTextIncludes('Liên kết không còn hiệu lực')
  })

  test('the activation email can be sent again to a pending account', async ({ client, assert }) => {
    const mailbox = await testMailbox()
    const tenant = await createTenant()
    const form = validRegistration()
    await register(client, hostOf(tenant), form)
    await mailbox.waitFor(form.email)

    await client
      .post('/xac-thuc-email')
      .header('host', hostOf(tenant))
      .form({ email: form.email, captcha: 'k7m2p' })
      .withSession(captchaSession())
      .withCsrfToken()
      .redirects(0)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const sent = mailbox.sentTo(form.email)
    assert.lengthOf(sent, 2)
    const firstLink = linkIn(sent[0].text, '/xac-thuc-email/')
    const secondLink = linkIn(sent[1].text, '/xac-thuc-email/')
    const stale = await client.get(firstLink.pathname).header('host', hostOf(tenant))
    stale.assertTextIncludes('Liên kết không còn hiệu lực')
    const fresh = await client.get(secondLink.pathname).header('host', hostOf(tenant)).redirects(0)
    fresh.assertHeader('location', '/dang-nhap')
  })
})
