import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import { DateTime } from 'luxon'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import Agency from '#users/models/agency'
import Department from '#users/models/department'
import User, { type OfficerRole } from '#users/models/user'
import { createCitizen, createOfficer, createTenant, hostOf, randomNationalId, TEST_PASSWORD } from '#tests/helpers/tenants'
import { linkIn, testMailbox } from '#tests/helpers/mailbox'
import { assertNotFoundAcrossTenants, createIntruder } from '#tests/helpers/cross_tenant'
import { formatDate } from '#services/vietnamese_format'

/* ---------------------------------------------------------------- helpers */

function flash(response: ApiResponse): Record<string, any> {
  return (response.flashMessages() ?? {}) as Record<string, any>
}

function fieldError(response: ApiResponse, field: string): string | undefined {
  return flash(response).inputErrorsBag?.[field]?.[0]
}

async function addDepartment(tenant: Tenant, name: string, agencyCode = 'A01') {
  return withTenant(tenant, async () => {
    const agency = await Agency.firstOrCreate({ code: agencyCode }, { code: agencyCode, name: `Sở ${agencyCode}` })
    return Department.create({ agencyId: agency.id, name })
  })
}

async function addOfficer(
  tenant: Tenant,
  details: { fullName: string; department: Department; roles?: OfficerRole[]; isActive?: boolean; email?: string }
) {
  return withTenant(tenant, () =>
    User.create({
      kind: 'officer',
      fullName: details.fullName,
      email: details.email ?? `cb-${randomUUID().slice(0, 8)}@example.vn`,
      position: 'Chuyên viên',
      agencyId: details.department.agencyId,
      departmentId: details.department.id,
      roles: details.roles ?? ['handler'],
      password: TEST_PASSWORD,
      isActive: details.isActive ?? true,
      deactivatedAt: details.isActive === false ? DateTime.now() : null,
    })
  )
}

async function addApplicant(tenant: Tenant, details: Partial<User> & { fullName: string }) {
  const nationalId = details.nationalId ?? randomNationalId()
  return withTenant(tenant, () =>
    User.create({
      kind: 'citizen',
      nationalId,
      email: `dan-${nationalId}@example.vn`,
      phone: '0912000111',
      dateOfBirth: DateTime.fromObject({ year: 1990, month: 5, day: 12 }),
      password: TEST_PASSWORD,
      roles: [],
      isActive: true,
      ...details,
    })
  )
}

function reload(tenant: Tenant, id: number) {
  return withTenant(tenant, () => User.findOrFail(id))
}

function countUsers(tenant: Tenant) {
  return withTenant(tenant, async () => {
    const [row] = await User.query().count('* as total')
    return Number(row.$extras.total)
  })
}

async function adminOf(tenant: Tenant) {
  return createOfficer(tenant, ['admin'])
}

function officerForm(department: Department, overrides: Record<string, unknown> = {}) {
  return {
    full_name: 'Lê Thị Mời',
    email: `moi-${randomUUID().slice(0, 8)}@example.vn`,
    phone: '0912 345 678',
    position: 'Chuyên viên',
    department_id: String(department.id),
    roles: ['receptionist', 'handler'],
    ...overrides,
  }
}

/* ---------------------------------------------------------------- officers */

test.group('OS-17.1 officers: list, create, edit', () => {
  test('OS-17.1 /quan-tri opens the officers list for an admin', async ({ client }) => {
    const tenant = await createTenant()
    const admin = await adminOf(tenant)
    const home = await client.get('/quan-tri').header('host', hostOf(tenant)).loginAs(admin).redirects(0)
    home.assertStatus(302)
    home.assertHeader('location', '/quan-tri/can-bo')

    const guest = await client.get('/quan-tri/can-bo').header('host', hostOf(tenant)).redirects(0)
    guest.assertStatus(302)
    guest.assertHeader('location', '/dang-nhap?return_to=%2Fquan-tri%2Fcan-bo')
  })

  test('OS-17.1 lists officers 20 a page, filtered by name, department, role and status in the URL', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const admin = await adminOf(tenant)
    const counter = await addDepartment(tenant, 'Bộ phận Một cửa')
    const legal = await addDepartment(tenant, 'Phòng Pháp chế')
    for (let index = 1; index <= 21; index++) {
      await addOfficer(tenant, { fullName: `Cán Bộ Số ${String(index).padStart(2, '0')}`, department: counter })
    }
    await addOfficer(tenant, { fullName: 'Nguyễn Thị Ánh', department: counter, roles: ['receptionist'] })
    await addOfficer(tenant, { fullName: 'Trần Văn Đức', department: legal, roles: ['approver'], isActive: false })
    // Another tenant's officer with the same name never shows.
    const other = await createTenant()
    await addOfficer(other, { fullName: 'Nguyễn Thị Ánh Khác', department: await addDepartment(other, 'Phòng Khác') })

    const get = (query: string) => client.get(`/quan-tri/can-bo${query}`).header('host', hostOf(tenant)).loginAs(admin)

    const first = await get('')
    first.assertStatus(200)
    first.assertTextIncludes('accesskey="4"')
    first.assertTextIncludes('24 cán bộ')
    first.assertTextIncludes('Trang 1/2')
    first.assertTextIncludes('href="/quan-tri/can-bo?page=2"')
    assert.equal(first.text().match(/<tr>\s*<th scope="row">/g)?.length, 20)
    first.assertTextIncludes('Đang hoạt động')
    first.assertTextIncludes('Thụ lý hồ sơ')

    const second = await get('?page=2')
    assert.equal(second.text().match(/<tr>\s*<th scope="row">/g)?.length, 4)

    const byName = await get(`?q=${encodeURIComponent('nguyen thi anh')}`)
    byName.assertTextIncludes('Nguyễn Thị Ánh')
    byName.assertTextIncludes('1 cán bộ')
    byName.assertTextIncludes('value="nguyen thi anh"')
    assert.notInclude(byName.text(), 'Nguyễn Thị Ánh Khác')

    const byUpperCase = await get(`?q=${encodeURIComponent('ĐỨC')}`)
    byUpperCase.assertTextIncludes('Trần Văn Đức')
    const withoutAccents = await get('?q=duc')
    withoutAccents.assertTextIncludes('Trần Văn Đức')

    const byEmail = await get(`?q=${encodeURIComponent(admin.email!.toUpperCase())}`)
    byEmail.assertTextIncludes('1 cán bộ')
    byEmail.assertTextIncludes(admin.email!)

    const inactive = await get('?status=inactive')
    inactive.assertTextIncludes('Trần Văn Đức')
    inactive.assertTextIncludes('1 cán bộ')
    inactive.assertTextIncludes('Ngừng hoạt động')

    const receptionists = await get('?role=receptionist')
    receptionists.assertTextIncludes('Nguyễn Thị Ánh')
    receptionists.assertTextIncludes('Tiếp nhận hồ sơ (bộ phận một cửa)')
    receptionists.assertTextIncludes('1 cán bộ')

    const inLegal = await get(`?department=${legal.id}`)
    inLegal.assertTextIncludes('Trần Văn Đức')
    inLegal.assertTextIncludes('1 cán bộ')

    // The page links keep the filters, so a filtered page is a shareable URL.
    const activeFirst = await get('?status=active&q=can%20bo')
    activeFirst.assertTextIncludes('22 cán bộ')
    activeFirst.assertTextIncludes('href="/quan-tri/can-bo?q=can%20bo&amp;status=active&amp;page=2"')

    // Nonsense in the query string is ignored, not an error.
    const nonsense = await get('?role=king&status=maybe&department=abc&page=-3')
    nonsense.assertStatus(200)
    nonsense.assertTextIncludes('24 cán bộ')
  })

  test('OS-17.1 an admin creates an officer whose invitation email opens the set-password page', async ({
    client,
    assert,
  }) => {
    const mailbox = await testMailbox()
    const tenant = await createTenant()
    const admin = await adminOf(tenant)
    const department = await addDepartment(tenant, 'Phòng Tiếp nhận', 'A02')

    const form = await client.get('/quan-tri/can-bo/them').header('host', hostOf(tenant)).loginAs(admin)
    form.assertStatus(200)
    form.assertTextIncludes('Phòng Tiếp nhận – Sở A02')
    form.assertTextIncludes('Lãnh đạo phê duyệt')

    const email = `Moi.CanBo-${randomUUID().slice(0, 8)}@Example.VN`
    const created = await client
      .post('/quan-tri/can-bo')
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form(officerForm(department, { email }))
      .redirects(0)
    created.assertStatus(303)
    created.assertHeader('location', '/quan-tri/can-bo')
    assert.include(flash(created).notice, email.toLowerCase())

    const officer = await withTenant(tenant, () => User.byEmail(email))
    assert.exists(officer)
    assert.equal(officer!.kind, 'officer')
    assert.equal(officer!.email, email.toLowerCase())
    assert.equal(officer!.phone, '0912345678')
    assert.equal(officer!.departmentId, department.id)
    assert.equal(officer!.agencyId, department.agencyId)
    assert.deepEqual(officer!.roles, ['receptionist', 'handler'])
    assert.isTrue(officer!.isActive)

    const mail = await mailbox.waitFor(email)
    assert.include(mail.subject, 'Tài khoản cán bộ')
    const link = linkIn(mail.text, '/dat-lai-mat-khau/')
    assert.equal(link.hostname, hostOf(tenant))
    const setPassword = await client.get(link.pathname).header('host', hostOf(tenant))
    setPassword.assertStatus(200)
    setPassword.assertTextIncludes('Đặt mật khẩu mới')

    // The officer chooses a password and logs in to the one-stop desk.
    const saved = await client
      .post(link.pathname)
      .header('host', hostOf(tenant))
      .withCsrfToken()
      .form({ password: 'MatKhauMoi2026', password_confirmation: 'MatKhauMoi2026' })
      .redirects(0)
    saved.assertHeader('location', '/dang-nhap')
    const login = await client
      .post('/dang-nhap')
      .header('host', hostOf(tenant))
      .withCsrfToken()
      .form({ account_name: email, password: 'MatKhauMoi2026' })
      .redirects(0)
    login.assertHeader('location', '/mot-cua')

    const list = await client.get('/quan-tri/can-bo').header('host', hostOf(tenant)).loginAs(admin)
    list.assertTextIncludes('Lê Thị Mời')
    list.assertTextIncludes('Tiếp nhận hồ sơ (bộ phận một cửa)')
  })

  test('OS-17.1 a new invitation can be sent and the earlier link stops working', async ({ client, assert }) => {
    const mailbox = await testMailbox()
    const tenant = await createTenant()
    const admin = await adminOf(tenant)
    const department = await addDepartment(tenant, 'Phòng Thụ lý')
    const email = `thumoi-${randomUUID().slice(0, 8)}@example.vn`
    await client
      .post('/quan-tri/can-bo')
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form(officerForm(department, { email }))
      .redirects(0)
    const firstLink = linkIn((await mailbox.waitFor(email)).text, '/dat-lai-mat-khau/')
    const officer = (await withTenant(tenant, () => User.byEmail(email)))!

    const resent = await client
      .post(`/quan-tri/can-bo/${officer.id}/thu-moi`)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    resent.assertStatus(303)
    resent.assertHeader('location', `/quan-tri/can-bo/${officer.id}/sua`)
    assert.include(flash(resent).notice, email)

    const deadline = Date.now() + 5000
    while (mailbox.sentTo(email).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    const mails = mailbox.sentTo(email)
    assert.lengthOf(mails, 2)
    const secondLink = linkIn(mails[1].text, '/dat-lai-mat-khau/')
    assert.notEqual(secondLink.pathname, firstLink.pathname)

    const stale = await client.get(firstLink.pathname).header('host', hostOf(tenant))
    stale.assertTextIncludes('Liên kết không còn hiệu lực')
    const fresh = await client.get(secondLink.pathname).header('host', hostOf(tenant))
    fresh.assertTextIncludes('Đặt mật khẩu mới')
  })

  test('OS-17.1 a refused officer form shows Vietnamese messages under each field and stores nothing', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const admin = await adminOf(tenant)
    const department = await addDepartment(tenant, 'Phòng Kiểm tra')
    const before = await countUsers(tenant)

    const refused = await client
      .post('/quan-tri/can-bo')
      .header('host', hostOf(tenant))
      .header('referer', `http://${hostOf(tenant)}/quan-tri/can-bo/them`)
      .loginAs(admin)
      .withCsrfToken()
      .form({ full_name: '', email: 'khong-phai-email', phone: '12345', position: '', department_id: '' })
      .redirects(0)
    refused.assertStatus(302)
    assert.match(String(refused.header('location')), /\/quan-tri\/can-bo\/them$/)
    assert.equal(fieldError(refused, 'full_name'), 'Vui lòng nhập họ và tên.')
    assert.equal(fieldError(refused, 'email'), 'Địa chỉ thư điện tử chưa đúng dạng, ví dụ: ten@example.vn.')
    assert.equal(fieldError(refused, 'phone'), 'Số điện thoại phải gồm 10 chữ số và bắt đầu bằng số 0.')
    assert.equal(fieldError(refused, 'position'), 'Vui lòng nhập chức vụ.')
    assert.equal(fieldError(refused, 'department_id'), 'Vui lòng chọn phòng ban.')
    assert.equal(fieldError(refused, 'roles'), 'Vui lòng chọn ít nhất một vai trò.')
    assert.equal(await countUsers(tenant), before)

    // The form shown again carries each message under its field, and what was typed.
    const shown = await client
      .get('/quan-tri/can-bo/them')
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withFlashMessages(flash(refused))
    shown.assertTextIncludes('<p class="field-error" id="field-full_name-error">Vui lòng nhập họ và tên.</p>')
    shown.assertTextIncludes('<p class="field-error" id="field-roles-error">Vui lòng chọn ít nhất một vai trò.</p>')
    shown.assertTextIncludes('value="khong-phai-email"')

    // An email already used in this tenant (by a citizen, in another letter case) is refused…
    const citizen = await createCitizen(tenant)
    const taken = await client
      .post('/quan-tri/can-bo')
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form(officerForm(department, { email: citizen.email!.toUpperCase() }))
      .redirects(0)
    assert.equal(fieldError(taken, 'email'), 'Đã có tài khoản dùng thư điện tử này.')
    const unknownDepartment = await client
      .post('/quan-tri/can-bo')
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form(officerForm(department, { department_id: String((await addDepartment(await createTenant(), 'Phòng Lạ')).id) }))
      .redirects(0)
    assert.equal(fieldError(unknownDepartment, 'department_id'), 'Vui lòng chọn phòng ban trong danh sách.')
    const unknownRole = await client
      .post('/quan-tri/can-bo')
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form(officerForm(department, { roles: ['superuser'] }))
      .redirects(0)
    assert.equal(fieldError(unknownRole, 'roles.0'), 'Vai trò đã chọn không có trong danh sách.')
    assert.equal(await countUsers(tenant), before + 1)

    // …while the same address in another tenant is no obstacle.
    const other = await createTenant()
    const otherAdmin = await adminOf(other)
    const otherDepartment = await addDepartment(other, 'Phòng Khác')
    const accepted = await client
      .post('/quan-tri/can-bo')
      .header('host', hostOf(other))
      .loginAs(otherAdmin)
      .withCsrfToken()
      .form(officerForm(otherDepartment, { email: citizen.email! }))
      .redirects(0)
    accepted.assertStatus(303)
  })

  test('OS-17.1 an admin edits an officer: details, department (and so agency) and roles', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const admin = await adminOf(tenant)
    const first = await addDepartment(tenant, 'Phòng Cũ', 'A01')
    const second = await addDepartment(tenant, 'Phòng Mới', 'A09')
    const officer = await addOfficer(tenant, { fullName: 'Hoàng Văn Sửa', department: first })

    const page = await client.get(`/quan-tri/can-bo/${officer.id}/sua`).header('host', hostOf(tenant)).loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes('value="Hoàng Văn Sửa"')
    page.assertTextIncludes(`value="${officer.email}"`)
    page.assertTextIncludes('value="handler" checked')

    const updated = await client
      .post(`/quan-tri/can-bo/${officer.id}`)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form({
        full_name: 'Hoàng Văn Đã Sửa',
        email: officer.email!.toUpperCase(),
        phone: '',
        position: 'Phó Trưởng phòng',
        department_id: String(second.id),
        roles: ['dept_head'],
      })
      .redirects(0)
    updated.assertStatus(303)
    updated.assertHeader('location', `/quan-tri/can-bo/${officer.id}/sua`)
    assert.equal(flash(updated).notice, 'Đã lưu thông tin cán bộ Hoàng Văn Đã Sửa.')

    const saved = await reload(tenant, officer.id)
    assert.equal(saved.fullName, 'Hoàng Văn Đã Sửa')
    assert.equal(saved.email, officer.email)
    assert.isNull(saved.phone)
    assert.equal(saved.position, 'Phó Trưởng phòng')
    assert.equal(saved.departmentId, second.id)
    assert.equal(saved.agencyId, second.agencyId)
    assert.notEqual(saved.agencyId, first.agencyId)
    assert.deepEqual(saved.roles, ['dept_head'])
  })
})

test.group('OS-17.2 officers: deactivation and reactivation', () => {
  test('OS-17.2 a deactivated officer can no longer log in; once reactivated they can', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await adminOf(tenant)
    const officer = await createOfficer(tenant, ['handler'])
    const login = () =>
      client
        .post('/dang-nhap')
        .header('host', hostOf(tenant))
        .header('referer', `http://${hostOf(tenant)}/dang-nhap`)
        .withCsrfToken()
        .form({ account_name: officer.email!, password: TEST_PASSWORD })
        .redirects(0)

    const deactivated = await client
      .post(`/quan-tri/can-bo/${officer.id}/ngung-hoat-dong`)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    deactivated.assertStatus(303)
    deactivated.assertHeader('location', `/quan-tri/can-bo/${officer.id}/sua`)
    assert.equal(flash(deactivated).notice, `Đã ngừng hoạt động tài khoản của ${officer.fullName}.`)
    const stored = await reload(tenant, officer.id)
    assert.isFalse(stored.isActive)
    assert.isNotNull(stored.deactivatedAt)

    const refused = await login()
    assert.equal(
      flash(refused).errorsBag?.login,
      `Tài khoản đã bị ngừng sử dụng. Vui lòng liên hệ ${tenant.contact.phone} để được hỗ trợ.`
    )
    // A session opened before the deactivation no longer gets in.
    const desk = await client.get('/mot-cua').header('host', hostOf(tenant)).loginAs(officer).redirects(0)
    desk.assertStatus(302)

    const page = await client.get(`/quan-tri/can-bo/${officer.id}/sua`).header('host', hostOf(tenant)).loginAs(admin)
    page.assertTextIncludes('Kích hoạt lại tài khoản')

    const reactivated = await client
      .post(`/quan-tri/can-bo/${officer.id}/kich-hoat`)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    reactivated.assertStatus(303)
    assert.equal(flash(reactivated).notice, `Đã kích hoạt lại tài khoản của ${officer.fullName}.`)
    const restored = await reload(tenant, officer.id)
    assert.isTrue(restored.isActive)
    assert.isNull(restored.deactivatedAt)
    ;(await login()).assertHeader('location', '/mot-cua')
  })

  test('OS-17.2 an admin cannot deactivate their own account', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await adminOf(tenant)
    const response = await client
      .post(`/quan-tri/can-bo/${admin.id}/ngung-hoat-dong`)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(303)
    response.assertHeader('location', `/quan-tri/can-bo/${admin.id}/sua`)
    assert.equal(
      flash(response).errorsBag?.deactivation,
      'Bạn không thể tự ngừng hoạt động tài khoản của chính mình. Hãy nhờ một quản trị viên khác.'
    )
    assert.isTrue((await reload(tenant, admin.id)).isActive)

    const page = await client
      .get(`/quan-tri/can-bo/${admin.id}/sua`)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withFlashMessages(flash(response))
    page.assertTextIncludes('Bạn không thể tự ngừng hoạt động tài khoản của chính mình.')
  })
})

/* ---------------------------------------------------------------- applicants */

test.group('OS-17.3 citizen and organisation accounts', () => {
  test('OS-17.3 an admin searches applicants and activates a pending account', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await adminOf(tenant)
    const active = await addApplicant(tenant, { fullName: 'Vũ Thị Hoạt Động', phone: '0987654321' })
    const pending = await addApplicant(tenant, { fullName: 'Phạm Văn Chờ', isActive: false })
    const deactivated = await addApplicant(tenant, {
      fullName: 'Đỗ Thị Ngừng',
      isActive: false,
      deactivatedAt: DateTime.now(),
    })
    const organisation = await addApplicant(tenant, {
      kind: 'organisation',
      fullName: 'Ngô Văn Đại Diện',
      organisationName: 'Công ty TNHH Thử Nghiệm',
      taxCode: '0101234567',
    })
    const get = (query: string) => client.get(`/quan-tri/cong-dan${query}`).header('host', hostOf(tenant)).loginAs(admin)

    const all = await get('')
    all.assertStatus(200)
    all.assertTextIncludes('4 tài khoản')
    all.assertTextIncludes('accesskey="4"')
    all.assertTextIncludes('Công ty TNHH Thử Nghiệm')
    all.assertTextIncludes('12/05/1990')
    assert.notInclude(all.text(), admin.email!)

    const byName = await get(`?q=${encodeURIComponent('pham van cho')}`)
    byName.assertTextIncludes('Phạm Văn Chờ')
    byName.assertTextIncludes('1 tài khoản')
    const byNationalId = await get(`?q=${active.nationalId!.slice(3, 10)}`)
    byNationalId.assertTextIncludes('Vũ Thị Hoạt Động')
    byNationalId.assertTextIncludes('1 tài khoản')
    const byPhone = await get('?q=0987654321')
    byPhone.assertTextIncludes('Vũ Thị Hoạt Động')
    byPhone.assertTextIncludes('1 tài khoản')
    const byEmail = await get(`?q=${encodeURIComponent(organisation.email!.toUpperCase())}`)
    byEmail.assertTextIncludes('Ngô Văn Đại Diện')
    byEmail.assertTextIncludes('1 tài khoản')
    const wildcard = await get('?q=%25')
    wildcard.assertTextIncludes('Không có tài khoản nào')

    const pendingOnly = await get('?status=pending')
    pendingOnly.assertTextIncludes('Phạm Văn Chờ')
    pendingOnly.assertTextIncludes('1 tài khoản')
    pendingOnly.assertTextIncludes('Chờ kích hoạt')
    pendingOnly.assertTextIncludes('href="/quan-tri/cong-dan.csv?status=pending"')
    const deactivatedOnly = await get('?status=deactivated')
    deactivatedOnly.assertTextIncludes(deactivated.fullName)
    deactivatedOnly.assertTextIncludes('1 tài khoản')
    ;(await get('?status=active')).assertTextIncludes('2 tài khoản')

    const detail = await client.get(`/quan-tri/cong-dan/${pending.id}`).header('host', hostOf(tenant)).loginAs(admin)
    detail.assertStatus(200)
    detail.assertTextIncludes(pending.nationalId!)
    detail.assertTextIncludes('Chờ kích hoạt')
    detail.assertTextIncludes(`action="/quan-tri/cong-dan/${pending.id}/kich-hoat"`)

    const activated = await client
      .post(`/quan-tri/cong-dan/${pending.id}/kich-hoat`)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    activated.assertStatus(303)
    activated.assertHeader('location', `/quan-tri/cong-dan/${pending.id}`)
    assert.equal(flash(activated).notice, 'Đã kích hoạt tài khoản của Phạm Văn Chờ.')
    const nowActive = await reload(tenant, pending.id)
    assert.isTrue(nowActive.isActive)
    assert.isNull(nowActive.deactivatedAt)

    const login = await client
      .post('/dang-nhap')
      .header('host', hostOf(tenant))
      .withCsrfToken()
      .form({ account_name: pending.nationalId!, password: TEST_PASSWORD })
      .redirects(0)
    login.assertHeader('location', '/tai-khoan')

    const stopped = await client
      .post(`/quan-tri/cong-dan/${active.id}/ngung-hoat-dong`)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    stopped.assertStatus(303)
    const nowDeactivated = await reload(tenant, active.id)
    assert.isFalse(nowDeactivated.isActive)
    assert.isNotNull(nowDeactivated.deactivatedAt)
    ;(await get('?status=deactivated')).assertTextIncludes('2 tài khoản')
  })

  test('OS-17.3 the filtered list downloads as a UTF-8 CSV that Excel reads', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await adminOf(tenant)
    const citizen = await addApplicant(tenant, {
      fullName: 'Bùi Thị "Ngoặc", Kép',
      phone: '0903111222',
      dateOfBirth: DateTime.fromObject({ year: 1985, month: 1, day: 2 }),
    })
    await addApplicant(tenant, { fullName: 'Lý Văn Chờ Duyệt', isActive: false })
    await addApplicant(tenant, { fullName: '=HYPERLINK("http://x")' })

    const response = await client
      .get('/quan-tri/cong-dan.csv?status=active')
      .header('host', hostOf(tenant))
      .loginAs(admin)
    response.assertStatus(200)
    assert.match(String(response.header('content-type')), /^text\/csv; charset=utf-8/)
    assert.match(String(response.header('content-disposition')), /^attachment; filename="tai-khoan-cong-dan-\d{8}\.csv"$/)

    const body = response.text()
    assert.equal(body.charCodeAt(0), 0xfeff, 'starts with a byte-order mark')
    const lines = body.slice(1).split('\r\n')
    assert.equal(lines[0], 'Họ tên,Số định danh,Ngày sinh,Điện thoại,Email,Trạng thái,Ngày đăng ký')
    const today = formatDate(DateTime.now())
    assert.include(
      lines,
      `"Bùi Thị ""Ngoặc"", Kép",${citizen.nationalId},02/01/1985,0903111222,${citizen.email},Đang hoạt động,${today}`
    )
    assert.isTrue(lines.some((line) => line.startsWith(`"'=HYPERLINK(""http://x"")"`)), 'formula defused')
    assert.notInclude(body, 'Lý Văn Chờ Duyệt')
    assert.equal(lines.filter(Boolean).length, 3)
  })
})

/* ---------------------------------------------------------------- who may */

const ID_ROUTES = (department: () => Department) => ({
  officer: [
    { method: 'get' as const, path: (id: number) => `/quan-tri/can-bo/${id}/sua` },
    {
      method: 'post' as const,
      path: (id: number) => `/quan-tri/can-bo/${id}`,
      form: officerForm(department(), { email: `lan-${randomUUID().slice(0, 8)}@example.vn` }),
    },
    { method: 'post' as const, path: (id: number) => `/quan-tri/can-bo/${id}/ngung-hoat-dong` },
    { method: 'post' as const, path: (id: number) => `/quan-tri/can-bo/${id}/kich-hoat` },
    { method: 'post' as const, path: (id: number) => `/quan-tri/can-bo/${id}/thu-moi` },
  ],
  applicant: [
    { method: 'get' as const, path: (id: number) => `/quan-tri/cong-dan/${id}` },
    { method: 'post' as const, path: (id: number) => `/quan-tri/cong-dan/${id}/kich-hoat` },
    { method: 'post' as const, path: (id: number) => `/quan-tri/cong-dan/${id}/ngung-hoat-dong` },
  ],
})

test.group('OS-17.2 only admins administer accounts', () => {
  test('OS-17.2 a non-admin officer and a citizen get 403 on every admin page', async ({ client, assert }) => {
    const tenant = await createTenant()
    const handler = await createOfficer(tenant, ['handler', 'receptionist'])
    const citizen = await createCitizen(tenant)
    const department = await addDepartment(tenant, 'Phòng Bất kỳ')
    const officer = await addOfficer(tenant, { fullName: 'Cán Bộ Bị Nhắm', department })
    const routes = ID_ROUTES(() => department)
    const requests = [
      { method: 'get' as const, path: '/quan-tri' },
      { method: 'get' as const, path: '/quan-tri/can-bo' },
      { method: 'get' as const, path: '/quan-tri/can-bo/them' },
      { method: 'post' as const, path: '/quan-tri/can-bo', form: officerForm(department) },
      { method: 'get' as const, path: '/quan-tri/cong-dan' },
      { method: 'get' as const, path: '/quan-tri/cong-dan.csv' },
      ...routes.officer.map((route) => ({ ...route, path: route.path(officer.id) })),
      ...routes.applicant.map((route) => ({ ...route, path: route.path(citizen.id) })),
    ]
    for (const user of [handler, citizen]) {
      for (const route of requests) {
        const request = client[route.method](route.path).header('host', hostOf(tenant)).loginAs(user).redirects(0)
        if (route.method === 'post') request.withCsrfToken().form('form' in route ? route.form : {})
        const response = await request
        assert.equal(response.status(), 403, `${route.method.toUpperCase()} ${route.path} as ${user.kind}`)
      }
    }
    const forbidden = await client.get('/quan-tri/can-bo').header('host', hostOf(tenant)).loginAs(handler)
    forbidden.assertTextIncludes('<html lang="vi"')
    assert.equal(await countUsers(tenant), 3)
    const untouched = await reload(tenant, officer.id)
    assert.isTrue(untouched.isActive)
    assert.equal(untouched.fullName, 'Cán Bộ Bị Nhắm')
  })
})

test.group('OS-17.1 OS-17.3 tenant isolation of the admin screens', () => {
  test('OS-17.1 OS-17.3 every admin route with an id answers 404 for a record of another tenant', async ({
    client,
    assert,
  }) => {
    const owner = await createTenant()
    const department = await addDepartment(owner, 'Phòng Chủ')
    const officer = await addOfficer(owner, { fullName: 'Cán Bộ Tỉnh Khác', department })
    const citizen = await addApplicant(owner, { fullName: 'Công Dân Tỉnh Khác', isActive: false })
    const intruder = await createIntruder()
    const intruderDepartment = await addDepartment(intruder.tenant, 'Phòng Kẻ Lạ')
    const routes = ID_ROUTES(() => intruderDepartment)

    for (const route of routes.officer) {
      await assertNotFoundAcrossTenants(client, { ...route, owner, id: officer.id, intruder })
    }
    for (const route of routes.applicant) {
      await assertNotFoundAcrossTenants(client, { ...route, owner, id: citizen.id, intruder })
    }

    const officerAfter = await reload(owner, officer.id)
    assert.equal(officerAfter.fullName, 'Cán Bộ Tỉnh Khác')
    assert.isTrue(officerAfter.isActive)
    assert.equal(officerAfter.updatedAt.toMillis(), officer.updatedAt.toMillis())
    const citizenAfter = await reload(owner, citizen.id)
    assert.isFalse(citizenAfter.isActive)
    assert.isNull(citizenAfter.deactivatedAt)
  })

  test('OS-17.1 OS-17.3 officer routes do not reach applicants, nor applicant routes officers', async ({ client }) => {
    const tenant = await createTenant()
    const admin = await adminOf(tenant)
    const department = await addDepartment(tenant, 'Phòng Một')
    const officer = await addOfficer(tenant, { fullName: 'Cán Bộ Một', department })
    const citizen = await createCitizen(tenant)
    const routes = ID_ROUTES(() => department)
    const mixed = [
      ...routes.officer.map((route) => ({ ...route, id: citizen.id })),
      ...routes.applicant.map((route) => ({ ...route, id: officer.id })),
    ]
    for (const route of mixed) {
      const request = client[route.method](route.path(route.id)).header('host', hostOf(tenant)).loginAs(admin).redirects(0)
      if (route.method === 'post') request.withCsrfToken().form('form' in route ? route.form : {})
      ;(await request).assertStatus(404)
    }
    ;(await client.get('/quan-tri/can-bo/abc/sua').header('host', hostOf(tenant)).loginAs(admin)).assertStatus(404)
  })
})
