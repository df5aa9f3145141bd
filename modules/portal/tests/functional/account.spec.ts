/*
 * The citizen's account pages (issue 4, item 7): the profile the e-forms are prefilled from
 * (PT-1.1), the document vault (NF-8), notification channels (PT-5.2), password change, and the
 * active sessions with "đăng xuất phiên này" (NF-23). Bad input gets a Vietnamese message at the
 * field and changes nothing.
 */
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { DateTime } from 'luxon'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import { TEST_PASSWORD, createCitizen, createOfficer, createTenant, hostOf } from '#tests/helpers/tenants'
import { clearRateLimits, nationalIdBornIn, submitLogin } from '#tests/helpers/accounts'
import { assertFieldError, fieldErrors } from '#tests/helpers/forms'
import { assertNotFoundAcrossTenants } from '#tests/helpers/cross_tenant'
import { testMailbox, linkIn } from '#tests/helpers/mailbox'
import { fakeExecutable, minimalPdf } from '#intake/tests/fixtures/files'
import { VaultDocument, applicantNoticeChannels, vaultDocumentsOf } from '#intake/index'
import { User, UserSession } from '#users/index'
import { recordSessionUse, sessionDigest as digestOf } from '#users/services/user_sessions'

const PHONE = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36'
const DESK = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 coc_coc_browser/130.0'

/**
 * A session of the account used from another device. (The HTTP test client gives every request a
 * session of its own, so sessions that outlive a request are made here; the browser suite logs
 * in twice for real, tests/browser/portal_account_sessions.spec.ts.)
 */
function openSession(tenant: Tenant, user: User, sessionId: string, userAgent: string, ipAddress = '127.0.0.1') {
  return withTenant(tenant, () => recordSessionUse(user, sessionId, { userAgent, ipAddress }))
}

function sessionsOf(tenant: Tenant, user: User) {
  return withTenant(tenant, () => UserSession.query().where('user_id', user.id).orderBy('id'))
}

async function citizenBornIn1990(tenant: Tenant) {
  const citizen = await createCitizen(tenant, nationalIdBornIn(1990))
  await withTenant(tenant, async () => {
    citizen.dateOfBirth = DateTime.fromISO('1990-05-12')
    await citizen.save()
  })
  return citizen
}

function reloadUser(tenant: Tenant, id: number) {
  return withTenant(tenant, () => User.findOrFail(id))
}

function postAs(client: ApiClient, tenant: Tenant, user: User, path: string, form: Record<string, unknown>) {
  return client.post(path).header('host', hostOf(tenant)).loginAs(user).withCsrfToken().form(form).redirects(0)
}

const validProfile = {
  full_name: 'Nguyễn Thị Hồ Sơ',
  date_of_birth: '12/05/1990',
  phone: '0987 654 321',
  address: '12 Hàng Bài, phường Hoàn Kiếm, Hà Nội',
}

test.group('PT-1.1 profile', (group) => {
  group.each.setup(() => clearRateLimits())

  test('PT-1.1 the profile is saved and shown as the prefill source', async ({ client, assert }) => {
    const tenant = await createTenant()
    const citizen = await citizenBornIn1990(tenant)
    const response = await postAs(client, tenant, citizen, '/tai-khoan/thong-tin', { ...validProfile, email: citizen.email })
    response.assertStatus(302)
    response.assertHeader('location', '/tai-khoan/thong-tin')
    const saved = await reloadUser(tenant, citizen.id)
    assert.equal(saved.fullName, 'Nguyễn Thị Hồ Sơ')
    assert.equal(saved.phone, '0987654321')
    assert.equal(saved.address, '12 Hàng Bài, phường Hoàn Kiếm, Hà Nội')
    assert.equal(saved.dateOfBirth?.toISODate(), '1990-05-12')
    assert.equal(saved.nationalId, citizen.nationalId)

    const page = await client.get('/tai-khoan/thong-tin').header('host', hostOf(tenant)).loginAs(saved)
    page.assertStatus(200)
    assert.include(page.text(), 'value="12 Hàng Bài, phường Hoàn Kiếm, Hà Nội"')
    assert.include(page.text(), citizen.nationalId!)
    assert.notInclude(page.text(), 'name="national_id"')
  })

  test('PT-1.1 validation errors are in Vietnamese at their fields and change nothing', async ({ client, assert }) => {
    const tenant = await createTenant()
    const citizen = await citizenBornIn1990(tenant)
    const before = await reloadUser(tenant, citizen.id)
    const response = await postAs(client, tenant, citizen, '/tai-khoan/thong-tin', {
      full_name: 'A',
      date_of_birth: '31/02/1990',
      phone: '12345',
      email: 'khong-phai-email',
      address: 'x'.repeat(300),
    })
    response.assertStatus(302)
    assertFieldError(assert, response, 'full_name', 'Vui lòng nhập họ và tên có ít nhất 2 ký tự.')
    assertFieldError(assert, response, 'date_of_birth', 'Không có ngày này trên lịch; vui lòng kiểm tra lại ngày và tháng của ngày sinh.')
    assertFieldError(assert, response, 'phone', 'Số điện thoại phải gồm 10 chữ số và bắt đầu bằng số 0.')
    assertFieldError(assert, response, 'email', 'Địa chỉ thư điện tử chưa đúng dạng, ví dụ: ten@example.vn.')
    assertFieldError(assert, response, 'address', 'Vui lòng nhập địa chỉ liên hệ không quá 255 ký tự.')
    const after = await reloadUser(tenant, citizen.id)
    assert.deepEqual(after.serialize(), before.serialize())
  })

  test('PT-1.1 a date of birth that disagrees with the identification number is refused', async ({ client, assert }) => {
    const tenant = await createTenant()
    const citizen = await citizenBornIn1990(tenant)
    const response = await postAs(client, tenant, citizen, '/tai-khoan/thong-tin', {
      ...validProfile,
      email: citizen.email,
      date_of_birth: '12/05/1991',
    })
    assertFieldError(
      assert,
      response,
      'date_of_birth',
      'Năm sinh không khớp với số định danh cá nhân của tài khoản (số thứ 4 đến thứ 6 thể hiện thế kỷ và năm sinh).'
    )
    assert.equal((await reloadUser(tenant, citizen.id)).dateOfBirth?.toISODate(), '1990-05-12')
  })

  test('PT-1.1 a new email needs the current password, then is verified by a link sent to it', async ({ client, assert }) => {
    const mailbox = await testMailbox()
    const tenant = await createTenant()
    const citizen = await citizenBornIn1990(tenant)
    const newEmail = `moi-${citizen.id}@example.vn`

    const wrong = await postAs(client, tenant, citizen, '/tai-khoan/thong-tin', {
      ...validProfile,
      email: newEmail,
      current_password: 'Sai@2026',
    })
    assertFieldError(assert, wrong, 'current_password', 'Mật khẩu hiện tại không đúng.')
    assert.equal((await reloadUser(tenant, citizen.id)).email, citizen.email)

    const taken = await createCitizen(tenant)
    const duplicate = await postAs(client, tenant, citizen, '/tai-khoan/thong-tin', {
      ...validProfile,
      email: taken.email,
      current_password: TEST_PASSWORD,
    })
    assertFieldError(assert, duplicate, 'email', 'Đã có tài khoản khác dùng thư điện tử này.')

    const right = await postAs(client, tenant, citizen, '/tai-khoan/thong-tin', {
      ...validProfile,
      email: newEmail,
      current_password: TEST_PASSWORD,
    })
    right.assertStatus(302)
    assert.deepEqual(fieldErrors(right, 'current_password'), [])
    const changed = await reloadUser(tenant, citizen.id)
    assert.equal(changed.email, newEmail)
    assert.isNull(changed.emailVerifiedAt)

    const mail = await mailbox.waitFor(newEmail)
    const link = linkIn(mail.text, '/xac-thuc-email/')
    const verify = await client.get(link.pathname).header('host', hostOf(tenant)).redirects(0)
    verify.assertStatus(302)
    assert.isNotNull((await reloadUser(tenant, citizen.id)).emailVerifiedAt)
  })

  test('PT-1.1 officers are refused the applicant’s profile page', async ({ client }) => {
    const tenant = await createTenant()
    const officer = await createOfficer(tenant, ['handler'])
    const response = await client.get('/tai-khoan/thong-tin').header('host', hostOf(tenant)).loginAs(officer)
    response.assertStatus(403)
  })
})

test.group('NF-8 document vault', () => {
  test('NF-8 a paper is added, listed (verified ones marked) and removed', async ({ client, assert }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    const pdf = minimalPdf('Can cuoc cong dan')
    const added = await client
      .post('/tai-khoan/kho-giay-to')
      .header('host', hostOf(tenant))
      .loginAs(citizen)
      .withCsrfToken()
      .field('label', 'Căn cước công dân')
      .file('paper', pdf, { filename: 'can-cuoc.pdf' })
      .redirects(0)
    added.assertStatus(302)
    assert.include(String((added.flashMessages() as any).notice), 'Đã thêm “Căn cước công dân” vào kho giấy tờ.')
    const papers = await withTenant(tenant, () => vaultDocumentsOf(citizen.id))
    assert.deepEqual(
      papers.map((paper) => [paper.label, paper.storedFile.originalName, paper.verified]),
      [['Căn cước công dân', 'can-cuoc.pdf', false]]
    )

    // An agency checks it (NF-8): the vault says so.
    const officer = await createOfficer(tenant, ['receptionist'])
    await withTenant(tenant, async () => {
      const paper = await VaultDocument.findOrFail(papers[0].id)
      paper.merge({ verified: true, verifiedBy: officer.id, verifiedAt: DateTime.fromISO('2026-10-01T09:00:00') })
      await paper.save()
    })
    const page = await client.get('/tai-khoan/kho-giay-to').header('host', hostOf(tenant)).loginAs(citizen)
    page.assertStatus(200)
    assert.include(page.text(), 'Căn cước công dân')
    assert.include(page.text(), 'Đã xác minh ngày 01/10/2026')
    assert.include(page.text(), `href="/tep/${papers[0].storedFileId}/xem"`)
    const download = await client.get(`/tep/${papers[0].storedFileId}`).header('host', hostOf(tenant)).loginAs(citizen)
    assert.isTrue((download.body() as Buffer).equals(pdf))

    const removed = await postAs(client, tenant, citizen, `/tai-khoan/kho-giay-to/${papers[0].id}/xoa`, {})
    removed.assertStatus(302)
    assert.lengthOf(await withTenant(tenant, () => vaultDocumentsOf(citizen.id)), 0)
  })

  test('NF-8 a file that is not what its name says is refused at the field and nothing is kept', async ({ client, assert }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    const response = await client
      .post('/tai-khoan/kho-giay-to')
      .header('host', hostOf(tenant))
      .loginAs(citizen)
      .withCsrfToken()
      .field('label', 'Giấy khai sinh')
      .file('paper', fakeExecutable(), { filename: 'khai-sinh.pdf' })
      .redirects(0)
    assertFieldError(assert, response, 'paper')
    assert.lengthOf(await withTenant(tenant, () => vaultDocumentsOf(citizen.id)), 0)

    const unnamed = await client
      .post('/tai-khoan/kho-giay-to')
      .header('host', hostOf(tenant))
      .loginAs(citizen)
      .withCsrfToken()
      .field('label', '')
      .file('paper', minimalPdf('x'), { filename: 'khai-sinh.pdf' })
      .redirects(0)
    assertFieldError(assert, unnamed, 'label', 'Vui lòng nhập tên giấy tờ.')
    assert.lengthOf(await withTenant(tenant, () => vaultDocumentsOf(citizen.id)), 0)
  })

  test('NF-8 another applicant’s paper and another tenant’s are not found', async ({ client, assert }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    await client
      .post('/tai-khoan/kho-giay-to')
      .header('host', hostOf(tenant))
      .loginAs(citizen)
      .withCsrfToken()
      .field('label', 'Giấy khai sinh')
      .file('paper', minimalPdf('x'), { filename: 'khai-sinh.pdf' })
    const [paper] = await withTenant(tenant, () => vaultDocumentsOf(citizen.id))

    const neighbour = await createCitizen(tenant)
    const refused = await postAs(client, tenant, neighbour, `/tai-khoan/kho-giay-to/${paper.id}/xoa`, {})
    refused.assertStatus(404)
    await assertNotFoundAcrossTenants(client, {
      method: 'post',
      path: (id) => `/tai-khoan/kho-giay-to/${id}/xoa`,
      owner: tenant,
      id: paper.id,
    })
    assert.lengthOf(await withTenant(tenant, () => vaultDocumentsOf(citizen.id)), 1)
  })
})

test.group('PT-5.2 notification channels', () => {
  test('PT-5.2 OS-10.2 email and SMS choices are saved, shown, and given to the notice senders', async ({ client, assert }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    assert.isTrue(citizen.notifyByEmail ?? true)
    const response = await postAs(client, tenant, citizen, '/tai-khoan/thong-bao', { notify_by_sms: 'true' })
    response.assertStatus(302)
    const saved = await reloadUser(tenant, citizen.id)
    assert.isFalse(saved.notifyByEmail)
    assert.isTrue(saved.notifyBySms)
    const page = await client.get('/tai-khoan/thong-bao').header('host', hostOf(tenant)).loginAs(saved)
    assert.match(page.text(), /name="notify_by_sms" value="true" checked/)
    assert.notMatch(page.text(), /name="notify_by_email" value="true" checked/)

    // What the senders of dossier notices read (OS-10.2): SMS to the account's phone, no email.
    const channels = await withTenant(tenant, () =>
      applicantNoticeChannels({ applicantId: citizen.id, applicantEmail: citizen.email, applicantPhone: null })
    )
    assert.deepEqual(channels, { email: null, sms: '0912000111' })
  })
})

test.group('Account password change', (group) => {
  group.each.setup(() => clearRateLimits())

  test('SEC-4 a wrong current password is refused in Vietnamese and the password stays', async ({ client, assert }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    const response = await postAs(client, tenant, citizen, '/tai-khoan/mat-khau', {
      current_password: 'Khong@dung1',
      password: 'MatKhauMoi2027',
      password_confirmation: 'MatKhauMoi2027',
    })
    assertFieldError(assert, response, 'current_password', 'Mật khẩu hiện tại không đúng.')
    const login = await submitLogin(client, hostOf(tenant), { account_name: citizen.nationalId!, password: TEST_PASSWORD })
    login.assertHeader('location', '/tai-khoan')
  })

  test('SEC-4 after five wrong answers the check is closed for a while, even to the right one', async ({ client, assert }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    for (let attempt = 0; attempt < 5; attempt++) {
      await postAs(client, tenant, citizen, '/tai-khoan/mat-khau', {
        current_password: `Sai${attempt}@2026`,
        password: 'MatKhauMoi2027',
        password_confirmation: 'MatKhauMoi2027',
      })
    }
    const response = await postAs(client, tenant, citizen, '/tai-khoan/mat-khau', {
      current_password: TEST_PASSWORD,
      password: 'MatKhauMoi2027',
      password_confirmation: 'MatKhauMoi2027',
    })
    assertFieldError(assert, response, 'current_password', 'Bạn đã nhập sai mật khẩu hiện tại quá nhiều lần. Vui lòng thử lại sau 15 phút.')
    const saved = await reloadUser(tenant, citizen.id)
    assert.isTrue(await saved.verifyPassword(TEST_PASSWORD))
  })

  test('SEC-4 NF-23 the password is changed and the account’s other sessions end', async ({ client, assert }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    await openSession(tenant, citizen, 'elsewhere', PHONE)

    const response = await postAs(client, tenant, citizen, '/tai-khoan/mat-khau', {
      current_password: TEST_PASSWORD,
      password: 'MatKhauMoi2027',
      password_confirmation: 'MatKhauMoi2027',
    })
    response.assertStatus(302)
    assert.include(String((response.flashMessages() as any).notice), 'Đã đổi mật khẩu')
    assert.isTrue(await (await reloadUser(tenant, citizen.id)).verifyPassword('MatKhauMoi2027'))
    const sessions = await sessionsOf(tenant, citizen)
    assert.isNotNull(sessions.find((record) => record.sessionDigest === digestOf('elsewhere'))!.endedAt)
    // The session that changed the password goes on.
    assert.lengthOf(sessions.filter((record) => record.endedAt === null), 1)

    const login = await submitLogin(client, hostOf(tenant), { account_name: citizen.nationalId!, password: 'MatKhauMoi2027' })
    login.assertHeader('location', '/tai-khoan')
  })

  test('SEC-4 a new password that is too weak is refused at its field', async ({ client, assert }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    const response = await postAs(client, tenant, citizen, '/tai-khoan/mat-khau', {
      current_password: TEST_PASSWORD,
      password: 'chuthuong',
      password_confirmation: 'chuthuong',
    })
    assertFieldError(assert, response, 'password', 'Mật khẩu phải có cả chữ và số.')
    assert.isTrue(await (await reloadUser(tenant, citizen.id)).verifyPassword(TEST_PASSWORD))
  })
})

test.group('NF-23 active sessions', (group) => {
  group.each.setup(() => clearRateLimits())

  test('NF-23 sessions are listed with device, address and last use; another one is ended', async ({ client, assert }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    await openSession(tenant, citizen, 'phone', PHONE, '14.160.32.7')
    await openSession(tenant, citizen, 'desk', DESK, '2402:800:6318::1')

    const list = await client.get('/tai-khoan/phien-dang-nhap').header('host', hostOf(tenant)).loginAs(citizen)
    list.assertStatus(200)
    const page = list.text()
    assert.include(page, 'Chrome trên Android')
    assert.include(page, 'Cốc Cốc trên Windows')
    assert.include(page, '14.160.32.7')
    assert.include(page, '2402:800:6318::1')
    assert.include(page, '(phiên này)')
    const ends = [...page.matchAll(/action="\/tai-khoan\/phien-dang-nhap\/(\d+)\/ket-thuc"/g)].map((match) => Number(match[1]))
    assert.lengthOf(ends, 2, 'every session but this one can be ended from here')

    const phone = (await sessionsOf(tenant, citizen)).find((record) => record.sessionDigest === digestOf('phone'))!
    const ended = await postAs(client, tenant, citizen, `/tai-khoan/phien-dang-nhap/${phone.id}/ket-thuc`, {})
    ended.assertStatus(302)
    assert.include(String((ended.flashMessages() as any).notice), 'Đã đăng xuất phiên đăng nhập đó.')
    const after = await sessionsOf(tenant, citizen)
    assert.isNotNull(after.find((record) => record.id === phone.id)!.endedAt)
    assert.isNull(after.find((record) => record.sessionDigest === digestOf('desk'))!.endedAt)

    const remaining = await client.get('/tai-khoan/phien-dang-nhap').header('host', hostOf(tenant)).loginAs(citizen)
    assert.notInclude(remaining.text(), 'Chrome trên Android')
    assert.include(remaining.text(), 'Cốc Cốc trên Windows')
  })

  test('NF-23 logging out ends the session in the list', async ({ client, assert }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    const response = await postAs(client, tenant, citizen, '/dang-xuat', {})
    response.assertStatus(302)
    const sessions = await sessionsOf(tenant, citizen)
    assert.lengthOf(sessions, 1, 'the session that logged out was recorded')
    assert.isNotNull(sessions[0].endedAt)
  })

  test('NF-23 another account’s session and another tenant’s are not found', async ({ client, assert }) => {
    const tenant = await createTenant()
    const citizen = await createCitizen(tenant)
    await openSession(tenant, citizen, 'phone', PHONE)
    const [record] = await sessionsOf(tenant, citizen)

    const neighbour = await createCitizen(tenant)
    const refused = await postAs(client, tenant, neighbour, `/tai-khoan/phien-dang-nhap/${record.id}/ket-thuc`, {})
    refused.assertStatus(404)
    await assertNotFoundAcrossTenants(client, {
      method: 'post',
      path: (id) => `/tai-khoan/phien-dang-nhap/${id}/ket-thuc`,
      owner: tenant,
      id: record.id,
    })
    assert.isNull((await sessionsOf(tenant, citizen)).find((session) => session.id === record.id)!.endedAt)
  })
})
