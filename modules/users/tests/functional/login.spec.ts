import type { ApiClient } from '@japa/api-client'
import { test } from '@japa/runner'
import { formError } from '#tests/helpers/forms'
import { createCitizen, createOfficer, createTenant, hostOf, TEST_PASSWORD } from '#tests/helpers/tenants'
import { captchaSession, clearRateLimits, submitLogin } from '#tests/helpers/accounts'

test.group('PT-6.2 login and logout', (group) => {
  group.each.setup(() => clearRateLimits())

  test('PT-6.2 a citizen logs in with the personal identification number and lands on the account page', async ({ client }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    const response = await submitLogin(client, hostOf(tenant), { account_name: citizen.nationalId!, password: TEST_PASSWORD })
    response.assertStatus(302)
    response.assertHeader('location', '/tai-khoan')

    const account = await client.get('/tai-khoan').header('host', hostOf(tenant)).loginAs(citizen)
    account.assertStatus(200)
    account.assertTextIncludes(citizen.fullName)
    account.assertTextIncludes(citizen.nationalId!)
  })

  test('PT-6.2 an officer logs in with the email in any letter case and lands on the one-stop desk', async ({ client }) => {
    const tenant = await createTenant()
    const officer = await createOfficer(tenant, ['receptionist'])
    const response = await submitLogin(client, hostOf(tenant), { account_name: `  ${officer.email!.toUpperCase()} `, password: TEST_PASSWORD })
    response.assertHeader('location', '/mot-cua')

    const desk = await client.get('/mot-cua').header('host', hostOf(tenant)).loginAs(officer)
    desk.assertStatus(200)
    desk.assertTextIncludes('Hệ thống thông tin một cửa điện tử')
    desk.assertTextIncludes('Tiếp nhận hồ sơ (bộ phận một cửa)')
  })

  test('PT-6.2 a wrong password is refused with a Vietnamese message and no session', async ({ client, assert }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    const response = await client
      .post('/dang-nhap')
      .header('host', hostOf(tenant))
      .header('referer', `http://${hostOf(tenant)}/dang-nhap`)
      .form({ account_name: citizen.nationalId!, password: 'Sai-mat-khau-1' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.equal(formError(response!, 'login'), 'Tên đăng nhập hoặc mật khẩu không đúng.')
    assert.equal(response.flashMessages().account_name, citizen.nationalId)
    assert.notProperty(response.flashMessages(), 'password')

    const account = await client.get('/tai-khoan').header('host', hostOf(tenant)).redirects(0)
    account.assertStatus(302)
    account.assertHeader('location', '/dang-nhap?return_to=%2Ftai-khoan')
  })

  test('the password of one account does not open another account of the same tenant', async ({ client, assert }) => {
    const tenant = await createTenant()
    const first = await createCitizen(tenant)
    const second = await createOfficer(tenant)
    second.password = 'Khac-hoan-toan-9'
    await (await import('#tenancy/tenant_context')).withTenant(tenant, () => second.save())

    const response = await submitLogin(client, hostOf(tenant), { account_name: second.email!, password: TEST_PASSWORD })
    assert.equal(formError(response!, 'login'), 'Tên đăng nhập hoặc mật khẩu không đúng.')
    assert.exists(first.id)
  })

  test('an account of one tenant cannot log in on another tenant portal', async ({ client, assert }) => {
    const home = await createTenant()
    const elsewhere = await createTenant()
    const citizen = await createCitizen(home)
    const response = await submitLogin(client, hostOf(elsewhere), { account_name: citizen.nationalId!, password: TEST_PASSWORD })
    assert.equal(formError(response!, 'login'), 'Tên đăng nhập hoặc mật khẩu không đúng.')
  })

  test('a logged-in session of one tenant is not recognised on another tenant host', async ({ client }) => {
    const home = await createTenant()
    const elsewhere = await createTenant()
    const citizen = await createCitizen(home)
    const response = await client.get('/tai-khoan').header('host', hostOf(elsewhere)).loginAs(citizen).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/dang-nhap?return_to=%2Ftai-khoan')
  })

  test('a return path brings the officer back, but never to another site', async ({ client }) => {
    const tenant = await createTenant()
    const officer = await createOfficer(tenant)
    const back = await submitLogin(client, hostOf(tenant), { account_name: officer.email!, password: TEST_PASSWORD, return_to: '/tai-khoan' })
    back.assertHeader('location', '/tai-khoan')

    const offsite = await submitLogin(client, hostOf(tenant), { account_name: officer.email!, password: TEST_PASSWORD, return_to: '//evil.example/' })
    offsite.assertHeader('location', '/mot-cua')
  })

  test('logout ends the session', async ({ client }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    const response = await client
      .post('/dang-xuat')
      .header('host', hostOf(tenant))
      .loginAs(citizen)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/')
    response.assertFlashMessage('notice', 'Bạn đã đăng xuất.')
  })

  test('a citizen cannot open the one-stop desk', async ({ client }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    const response = await client.get('/mot-cua').header('host', hostOf(tenant)).loginAs(citizen)
    response.assertStatus(403)
    response.assertTextIncludes('Không có quyền truy cập')
  })
})

test.group('NF-25 lockout and captcha after repeated failed logins', (group) => {
  group.each.setup(() => clearRateLimits())

  function failLogin(client: ApiClient, host: string, accountName: string, extra: Record<string, string> = {}, session?: Record<string, any>) {
    return submitLogin(client, host, { account_name: accountName, password: 'Sai-mat-khau-1', ...extra }, session)
  }


  test('NF-25 after 3 failures the login form asks for the picture code, and refuses a login without it', async ({ client, assert }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    const host = hostOf(tenant)
    for (let attempt = 1; attempt <= 3; attempt++) await failLogin(client, host, citizen.nationalId!)

    const form = await client.get('/dang-nhap').header('host', host).withSession({ 'login.captcha': true })
    form.assertTextIncludes('Mã xác nhận')
    form.assertTextIncludes('src="/ma-xac-nhan')

    const withoutCaptcha = await submitLogin(client, host, { account_name: citizen.nationalId!, password: 'Matkhau@2026' })
    assert.equal(
      formError(withoutCaptcha!, 'login'),
      'Vì đã đăng nhập sai nhiều lần, vui lòng nhập thêm mã xác nhận trong hình.'
    )
    withoutCaptcha.assertSession('login.captcha', true)

    const wrongCaptcha = await submitLogin(client, host, { account_name: citizen.nationalId!, password: 'Matkhau@2026', captcha: 'zzzzz' }, captchaSession('k7m2p'))
    assert.equal(formError(wrongCaptcha!, 'login'), 'Mã xác nhận không đúng. Vui lòng nhập lại mã trong hình mới.')

    const withCaptcha = await submitLogin(client, host, { account_name: citizen.nationalId!, password: 'Matkhau@2026', captcha: 'K7M2P' }, captchaSession('k7m2p'))
    withCaptcha.assertHeader('location', '/tai-khoan')
  })

  test('NF-25 after 5 failures the account name is locked for 15 minutes, even with the right password', async ({ client, assert }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    const neighbour = await createCitizen(tenant)
    const host = hostOf(tenant)
    let last
    for (let attempt = 1; attempt <= 5; attempt++) {
      last = await failLogin(client, host, citizen.nationalId!, { captcha: 'k7m2p' }, captchaSession('k7m2p'))
    }
    assert.match(formError(last!, 'login'), /tạm bị khoá đăng nhập\. Vui lòng thử lại sau 15 phút/)

    const rightPassword = await submitLogin(client, host, { account_name: citizen.nationalId!, password: 'Matkhau@2026', captcha: 'k7m2p' }, captchaSession('k7m2p'))
    assert.match(formError(rightPassword!, 'login'), /tạm bị khoá đăng nhập/)

    const otherAccount = await submitLogin(client, host, { account_name: neighbour.nationalId!, password: 'Matkhau@2026' })
    otherAccount.assertHeader('location', '/tai-khoan')
  })

  test('NF-25 the captcha picture is an SVG that is never cached', async ({ client, assert }) => {
    const tenant = await createTenant()
    const response = await client.get('/ma-xac-nhan').header('host', hostOf(tenant))
    response.assertStatus(200)
    response.assertHeader('content-type', 'image/svg+xml; charset=utf-8')
    response.assertHeader('cache-control', 'no-store')
    const picture = response.text() ?? String(response.body())
    assert.include(picture, '<svg')
  })
})
