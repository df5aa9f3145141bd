import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import { DateTime } from 'luxon'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import { VIETNAM_ZONE } from '#services/vietnamese_format'
import CalendarOverride from '#catalog/models/calendar_override'
import { loadCalendarSettings, loadWorkingCalendar } from '#catalog/services/working_calendar'
import { createCitizen, createOfficer, createTenant, hostOf } from '#tests/helpers/tenants'
import { assertNotFoundAcrossTenants } from '#tests/helpers/cross_tenant'

const PAGE = '/quan-tri/lich-lam-viec'

function flash(response: ApiResponse): Record<string, any> {
  return (response.flashMessages() ?? {}) as Record<string, any>
}

function fieldError(response: ApiResponse, field: string): string | undefined {
  return flash(response).inputErrorsBag?.[field]?.[0]
}

function overridesOf(tenant: Tenant) {
  return withTenant(tenant, () => CalendarOverride.query().orderBy('date'))
}

function addOverride(tenant: Tenant, date: string, kind: 'day_off' | 'working_day', note = '') {
  return withTenant(tenant, () =>
    CalendarOverride.create({ date: DateTime.fromISO(date, { zone: VIETNAM_ZONE }), kind, note })
  )
}

type PeriodRow = { start_time: string; end_time: string }

/** The settings form as a browser sends it: working_periods[0][start_time]=…, one key per input. */
function settingsForm(overrides: { working_weekdays?: string | string[]; working_periods?: PeriodRow[] } = {}) {
  const periods = overrides.working_periods ?? [
    { start_time: '08:00', end_time: '12:00' },
    { start_time: '13:30', end_time: '17:30' },
    { start_time: '', end_time: '' },
  ]
  const form: Record<string, string | string[]> = {
    _settings_form: '1',
    working_weekdays: overrides.working_weekdays ?? ['1', '2', '3', '4', '5', '6'],
  }
  periods.forEach((period, index) => {
    form[`working_periods[${index}][start_time]`] = period.start_time
    form[`working_periods[${index}][end_time]`] = period.end_time
  })
  return form
}

test.group('OS-3.2 working calendar admin screen', () => {
  test('OS-3.2 an admin sees the default hours and the year’s holidays, Tết included', async ({ client }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])

    const page = await client.get(`${PAGE}?nam=2027`).header('host', hostOf(tenant)).loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes('<h1>Lịch làm việc</h1>')
    page.assertTextIncludes('Ngày lễ, tết')
    page.assertTextIncludes('name="working_weekdays[]" value="5" checked')
    page.assertTextIncludes('name="working_weekdays[]" value="6" >')
    page.assertTextIncludes('name="working_periods[0][start_time]" type="time" step="60" value="07:30"')
    page.assertTextIncludes('name="working_periods[1][end_time]" type="time" step="60" value="17:00"')
    page.assertTextIncludes('Một ngày làm việc có 8 giờ (480 phút).')
    page.assertTextIncludes('năm 2027')
    for (const date of ['01/01/2027', '05/02/2027', '09/02/2027', '16/04/2027', '30/04/2027', '01/05/2027', '02/09/2027']) {
      page.assertTextIncludes(`<th scope="row">${date}</th>`)
    }
    page.assertTextIncludes('Giao thừa Tết Nguyên Đán')
    page.assertTextIncludes('Giỗ tổ Hùng Vương')
    // The weekend inside Tết and 1 May on a Saturday give compensatory days off.
    page.assertTextIncludes('<th scope="row">10/02/2027</th>')
    page.assertTextIncludes('<th scope="row">03/05/2027</th>')
    page.assertTextIncludes('Nghỉ bù Quốc tế Lao động')
    page.assertTextIncludes('href="/quan-tri/lich-lam-viec?nam=2028"')

    const guest = await client.get(PAGE).header('host', hostOf(tenant)).redirects(0)
    guest.assertStatus(302)
    guest.assertHeader('location', '/dang-nhap?return_to=%2Fquan-tri%2Flich-lam-viec')
  })

  test('OS-3.2 an admin edits working days and office hours; the service uses them', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])

    const saved = await client
      .post(PAGE)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form(settingsForm())
      .redirects(0)
    saved.assertStatus(303)
    saved.assertHeader('location', PAGE)
    assert.equal(flash(saved).notice, 'Đã lưu ngày và giờ làm việc.')

    const calendar = await withTenant(tenant, () => loadWorkingCalendar())
    assert.deepEqual(calendar.settings, {
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      workingPeriods: [
        { start: '08:00', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ],
    })
    assert.equal(calendar.minutesPerWorkingDay, 480)
    // Friday 17:00 + 60 minutes: half an hour that day, half an hour on the working Saturday.
    const end = calendar.addWorkingMinutes(DateTime.fromISO('2026-03-06T17:00', { zone: VIETNAM_ZONE }), 60)
    assert.equal(end.toFormat('yyyy-MM-dd HH:mm'), '2026-03-07 08:30')

    const page = await client.get(PAGE).header('host', hostOf(tenant)).loginAs(admin)
    page.assertTextIncludes('name="working_weekdays[]" value="6" checked')
    page.assertTextIncludes('name="working_periods[1][start_time]" type="time" step="60" value="13:30"')
    page.assertTextIncludes('name="working_periods[2][start_time]" type="time" step="60" value=""')

    // Only one period, written by hand as 7h30: stored as 07:30.
    const oneShift = await client
      .post(PAGE)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form(settingsForm({ working_weekdays: '1', working_periods: [{ start_time: '7h30', end_time: '11:30:00' }] }))
      .redirects(0)
    oneShift.assertStatus(303)
    assert.deepEqual(await withTenant(tenant, () => loadCalendarSettings()), {
      workingWeekdays: [1],
      workingPeriods: [{ start: '07:30', end: '11:30' }],
    })
  })

  test('OS-3.2 bad working days and hours are refused in Vietnamese and nothing is stored', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const post = (form: Record<string, unknown>) =>
      client.post(PAGE).header('host', hostOf(tenant)).loginAs(admin).withCsrfToken().form(form).redirects(0)

    const backwards = await post(
      settingsForm({
        working_periods: [
          { start_time: '11:30', end_time: '07:30' },
          { start_time: '25:00', end_time: '17:00' },
        ],
      })
    )
    backwards.assertStatus(302)
    assert.equal(fieldError(backwards, 'working_periods.0.end_time'), 'Giờ kết thúc phải sau giờ bắt đầu của buổi.')
    assert.equal(
      fieldError(backwards, 'working_periods.1.start_time'),
      'Vui lòng ghi giờ bắt đầu theo dạng giờ:phút, ví dụ 07:30.'
    )

    const overlapping = await post(
      settingsForm({
        working_periods: [
          { start_time: '07:30', end_time: '12:00' },
          { start_time: '11:00', end_time: '17:00' },
        ],
      })
    )
    assert.equal(
      fieldError(overlapping, 'working_periods'),
      'Các buổi làm việc phải theo thứ tự trong ngày và không chồng lên nhau.'
    )

    const empty = await post({ 'working_periods[0][start_time]': '', 'working_periods[0][end_time]': '' })
    assert.equal(fieldError(empty, 'working_weekdays'), 'Vui lòng chọn ít nhất một ngày làm việc trong tuần.')
    assert.equal(fieldError(empty, 'working_periods'), 'Vui lòng nhập ít nhất một buổi làm việc.')

    const tampered = await post(settingsForm({ working_weekdays: ['1', '9'] }))
    assert.equal(fieldError(tampered, 'working_weekdays.1'), 'Vui lòng chọn ngày làm việc trong danh sách.')

    assert.deepEqual(await withTenant(tenant, () => loadCalendarSettings()), {
      workingWeekdays: [1, 2, 3, 4, 5],
      workingPeriods: [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ],
    })

    // The refused values come back in the form with their messages.
    const shown = await client.get(PAGE).header('host', hostOf(tenant)).loginAs(admin).withSession({
      __flash__: {
        _settings_form: '1',
        working_periods: [{ start_time: '11:30', end_time: '07:30' }],
        inputErrorsBag: { 'working_periods.0.end_time': ['Giờ kết thúc phải sau giờ bắt đầu của buổi.'] },
      },
    })
    shown.assertTextIncludes('name="working_periods[0][end_time]" type="time" step="60" value="07:30" aria-invalid="true"')
    shown.assertTextIncludes(
      '<p class="field-error" id="field-working_periods.0.end_time-error">Giờ kết thúc phải sau giờ bắt đầu của buổi.</p>'
    )
    shown.assertTextIncludes('name="working_weekdays[]" value="1" >')
  })

  test('OS-3.2 an admin adds a day off and a working Saturday, then deletes one', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const post = (path: string, form: Record<string, unknown> = {}) =>
      client.post(path).header('host', hostOf(tenant)).loginAs(admin).withCsrfToken().form(form).redirects(0)

    const dayOff = await post(`${PAGE}/ngay`, { date: '01/09/2026', kind: 'day_off', note: 'Nghỉ liền kề Quốc khánh' })
    dayOff.assertStatus(303)
    dayOff.assertHeader('location', `${PAGE}?nam=2026`)
    assert.equal(flash(dayOff).notice, 'Đã đặt ngày 01/09/2026 là ngày nghỉ.')
    const workingSaturday = await post(`${PAGE}/ngay`, { date: '7/3/2026', kind: 'working_day', note: '' })
    workingSaturday.assertStatus(303)

    const stored = await overridesOf(tenant)
    assert.deepEqual(
      stored.map((row) => [row.date.toISODate(), row.kind, row.note]),
      [
        ['2026-03-07', 'working_day', ''],
        ['2026-09-01', 'day_off', 'Nghỉ liền kề Quốc khánh'],
      ]
    )
    const calendar = await withTenant(tenant, () => loadWorkingCalendar())
    assert.isFalse(calendar.isWorkingDay('2026-09-01'))
    assert.isTrue(calendar.isWorkingDay('2026-03-07'))

    const page = await client.get(`${PAGE}?nam=2026`).header('host', hostOf(tenant)).loginAs(admin)
    page.assertTextIncludes('<th scope="row">01/09/2026</th>')
    page.assertTextIncludes('Nghỉ liền kề Quốc khánh')
    page.assertTextIncludes('Ngày nghỉ (do quản trị đặt)')
    page.assertTextIncludes('<th scope="row">07/03/2026</th>')
    page.assertTextIncludes('Ngày làm việc (do quản trị đặt)')
    page.assertTextIncludes(`action="/quan-tri/lich-lam-viec/ngay/${stored[1].id}/xoa"`)

    // The same date again replaces the earlier override.
    const replaced = await post(`${PAGE}/ngay`, { date: '01/09/2026', kind: 'working_day' })
    replaced.assertStatus(303)
    const afterReplace = await overridesOf(tenant)
    assert.lengthOf(afterReplace, 2)
    assert.equal(afterReplace[1].id, stored[1].id)
    assert.equal(afterReplace[1].kind, 'working_day')

    const deleted = await post(`${PAGE}/ngay/${stored[1].id}/xoa`)
    deleted.assertStatus(303)
    deleted.assertHeader('location', `${PAGE}?nam=2026`)
    assert.equal(flash(deleted).notice, 'Đã xoá điều chỉnh ngày 01/09/2026.')
    assert.deepEqual(
      (await overridesOf(tenant)).map((row) => row.date.toISODate()),
      ['2026-03-07']
    )
    const missing = await post(`${PAGE}/ngay/${stored[1].id}/xoa`)
    missing.assertStatus(404)
  })

  test('OS-3.2 bad override dates are refused in Vietnamese and nothing is stored', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const post = (form: Record<string, unknown>) =>
      client.post(`${PAGE}/ngay`).header('host', hostOf(tenant)).loginAs(admin).withCsrfToken().form(form).redirects(0)

    const impossible = await post({ date: '31/02/2026', kind: 'day_off' })
    impossible.assertStatus(302)
    assert.equal(fieldError(impossible, 'date'), 'Không có ngày này trên lịch; vui lòng kiểm tra lại ngày và tháng.')

    const american = await post({ date: '09/31/2026', kind: 'day_off' })
    assert.equal(fieldError(american, 'date'), 'Không có ngày này trên lịch; vui lòng kiểm tra lại ngày và tháng.')

    const words = await post({ date: 'mùng 2 tháng 9', kind: 'day_off' })
    assert.equal(
      fieldError(words, 'date'),
      'Vui lòng ghi ngày theo dạng ngày/tháng/năm (DD/MM/YYYY), ví dụ 01/09/2026.'
    )

    const nothing = await post({ date: '', kind: 'holiday' })
    assert.equal(fieldError(nothing, 'date'), 'Vui lòng nhập ngày.')
    assert.equal(fieldError(nothing, 'kind'), 'Vui lòng chọn loại ngày: ngày nghỉ hay ngày làm việc.')

    assert.lengthOf(await overridesOf(tenant), 0)

    const shown = await client.get(PAGE).header('host', hostOf(tenant)).loginAs(admin).withSession({
      __flash__: { date: '31/02/2026', kind: 'day_off', inputErrorsBag: { date: ['Không có ngày này trên lịch; vui lòng kiểm tra lại ngày và tháng.'] } },
    })
    shown.assertTextIncludes('<a href="#field-date">Không có ngày này trên lịch; vui lòng kiểm tra lại ngày và tháng.</a>')
    shown.assertTextIncludes('value="31/02/2026"')
  })

  test('OS-3.2 only admins see or change the working calendar', async ({ client, assert }) => {
    const tenant = await createTenant()
    const handler = await createOfficer(tenant, ['handler', 'dept_head'])
    const citizen = await createCitizen(tenant)
    const override = await addOverride(tenant, '2026-09-01', 'day_off', 'Nghỉ liền kề Quốc khánh')
    const requests = [
      { method: 'get' as const, path: PAGE, form: {} },
      { method: 'post' as const, path: PAGE, form: settingsForm() },
      { method: 'post' as const, path: `${PAGE}/ngay`, form: { date: '02/01/2026', kind: 'day_off' } },
      { method: 'post' as const, path: `${PAGE}/ngay/${override.id}/xoa`, form: {} },
    ]
    for (const user of [handler, citizen]) {
      for (const route of requests) {
        const request = client[route.method](route.path).header('host', hostOf(tenant)).loginAs(user).redirects(0)
        if (route.method === 'post') request.withCsrfToken().form(route.form)
        const response = await request
        assert.equal(response.status(), 403, `${route.method.toUpperCase()} ${route.path} as ${user.kind}`)
      }
    }
    assert.deepEqual(
      (await overridesOf(tenant)).map((row) => row.date.toISODate()),
      ['2026-09-01']
    )
    assert.deepEqual((await withTenant(tenant, () => loadCalendarSettings())).workingWeekdays, [1, 2, 3, 4, 5])
  })

  test('OS-3.2 another tenant’s override cannot be deleted (cross-tenant 404)', async ({ client, assert }) => {
    const owner = await createTenant()
    const override = await addOverride(owner, '2026-09-01', 'day_off', 'Nghỉ liền kề Quốc khánh')

    await assertNotFoundAcrossTenants(client, {
      method: 'post',
      path: (id) => `${PAGE}/ngay/${id}/xoa`,
      owner,
      id: override.id,
    })

    const after = await overridesOf(owner)
    assert.lengthOf(after, 1)
    assert.equal(after[0].id, override.id)
    assert.equal(after[0].updatedAt.toMillis(), override.updatedAt.toMillis())
  })
})
