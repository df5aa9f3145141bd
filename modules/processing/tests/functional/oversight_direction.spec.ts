/*
 * OS-20.1(d): the leaders' direction view. A dossier looked up by its code shows its status, the
 * unit holding it, its handler, the steps it passed with their times and the units that were
 * late; the dossiers nearing their deadline are listed. Leaders only; another tenant's dossier
 * is not found.
 */
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { DateTime } from 'luxon'
import type User from '#users/models/user'
import { createCitizen, createOfficer, hostOf } from '#tests/helpers/tenants'
import { assertNotFoundAcrossTenants } from '#tests/helpers/cross_tenant'
import { createTenant } from '#tests/helpers/tenants'
import { placeDossier, oversightSetting, vn, type OversightSetting } from '#processing/tests/oversight_fixtures'

function get(client: ApiClient, setting: OversightSetting, officer: User, path: string) {
  return client.get(path).header('host', hostOf(setting.tenant)).loginAs(officer).redirects(0)
}

/** A building permit received at the counter, assigned late, now overdue with the handler. */
async function lateDossier(setting: OversightSetting) {
  return placeDossier(setting, {
    procedure: setting.buildingPermit,
    agency: setting.constructionAgency,
    step: 'thu_ly',
    statusCode: 'dang_xu_ly',
    assignee: setting.handler,
    receivedAt: vn('2026-04-01T08:00:00'),
    appointmentAt: vn('2026-04-22T17:00:00'),
    stepDueAt: vn('2026-04-17T17:00:00'),
    history: [
      {
        step: 'tiep_nhan',
        startedAt: vn('2026-04-01T08:00:00'),
        finishedAt: vn('2026-04-01T09:00:00'),
        dueAt: vn('2026-04-01T14:00:00'),
        assignee: setting.receptionist,
      },
      {
        step: 'phan_cong',
        startedAt: vn('2026-04-01T09:00:00'),
        finishedAt: vn('2026-04-08T10:00:00'),
        dueAt: vn('2026-04-02T11:00:00'),
        finishedBy: setting.deptHead,
      },
    ],
  })
}

test.group('OS-20d direction view', (group) => {
  let setting: OversightSetting

  group.setup(async () => {
    setting = await oversightSetting()
  })

  test('OS-20.1 a code typed or scanned opens the dossier\u2019s status, holder, steps passed and late units', async ({ client, assert }) => {
    const dossier = await lateDossier(setting)
    const lookup = await get(client, setting, setting.leader, `/mot-cua/dieu-hanh?ma=${encodeURIComponent(` ${dossier.code.toLowerCase()} `)}`)
    lookup.assertStatus(302)
    lookup.assertHeader('location', `/mot-cua/dieu-hanh/${dossier.id}`)

    const page = await get(client, setting, setting.leader, `/mot-cua/dieu-hanh/${dossier.id}`)
    page.assertStatus(200)
    const text = page.text().replace(/\s+/g, ' ')
    assert.include(text, `Điều hành hồ sơ ${dossier.code}`)
    assert.include(text, '<strong>Đang xử lý</strong>')
    assert.match(text, /Hạn xử lý 22\/04\/2026 - Quá hạn \d+ ngày/)
    assert.include(text, '<dt>Đơn vị đang giữ hồ sơ</dt><dd>Phòng Quản lý đô thị, Sở Xây dựng</dd>')
    assert.include(text, '<dt>Cán bộ đang xử lý</dt><dd>Chuyên viên Lê Văn Thụ</dd>')
    assert.include(text, 'Thẩm định, thụ lý hồ sơ (hạn bước 17:00:00 17/04/2026)')
    // Steps passed, in order, with their times and timeliness.
    const steps = [...text.matchAll(/<tr class="[^"]*"> <th scope="row">([^<]+)<\/th>/g)].map((match) => match[1])
    assert.deepEqual(steps, ['Tiếp nhận hồ sơ', 'Phân công thụ lý', 'Thẩm định, thụ lý hồ sơ'])
    assert.include(text, '<td>08:00:00 01/04/2026</td> <td>14:00:00 01/04/2026</td> <td>09:00:00 01/04/2026</td> <td> Đúng hạn </td>')
    assert.match(text, /<td>10:00:00 08\/04\/2026<\/td> <td> <strong class="overdue">Trễ \d+ ngày<\/strong>/)
    assert.include(text, '<td>Đang xử lý</td>')
    // The late units: the urban planning department, twice (the assignment and the processing).
    assert.match(text, /<th scope="row">Phòng Quản lý đô thị, Sở Xây dựng<\/th> <td class="numeric">2<\/td>/)
    assert.notMatch(text, /<th scope="row">Bộ phận Một cửa, UBND phường Trung Tâm<\/th> <td class="numeric">/)
  })

  test('OS-20.1 a dossier handed to an officer of another unit is held by that unit', async ({ client, assert }) => {
    const dossier = await placeDossier(setting, {
      procedure: setting.buildingPermit,
      agency: setting.constructionAgency,
      step: 'thu_ly',
      statusCode: 'dang_xu_ly',
      assignee: setting.justiceHandler,
      receivedAt: DateTime.now().minus({ days: 2 }),
      appointmentAt: DateTime.now().plus({ days: 8 }),
    })
    const text = (await get(client, setting, setting.leader, `/mot-cua/dieu-hanh/${dossier.id}`)).text().replace(/\s+/g, ' ')
    assert.include(text, '<dt>Đơn vị đang giữ hồ sơ</dt><dd>Phòng Tư pháp, UBND phường Trung Tâm</dd>')
    assert.include(text, '<dt>Cán bộ đang xử lý</dt><dd>Chuyên viên Đỗ Văn Tư</dd>')
    assert.include(text, 'Không có đơn vị nào chậm trễ.')
  })

  test('OS-20.1 ST-16 a dossier past its appointment makes the unit holding it late, even with no step due time', async ({
    client,
    assert,
  }) => {
    const dossier = await placeDossier(setting, {
      procedure: setting.birthRegistration,
      agency: setting.wardAgency,
      step: 'thu_ly',
      statusCode: 'dang_xu_ly',
      assignee: setting.justiceHandler,
      receivedAt: vn('2026-05-04T08:00:00'),
      appointmentAt: vn('2026-05-07T17:00:00'),
    })
    const text = (await get(client, setting, setting.leader, `/mot-cua/dieu-hanh/${dossier.id}`)).text().replace(/\s+/g, ' ')
    assert.match(text, /<th scope="row">Phòng Tư pháp, UBND phường Trung Tâm<\/th> <td class="numeric">1<\/td> <td class="numeric">\d+<\/td>/)
    assert.match(text, /<td>Đang xử lý<\/td> <td> <strong class="overdue">Trễ \d+ ngày<\/strong>/)
  })

  test('OS-20.1 the dossiers nearing their deadline are listed, soonest first; an unknown code is named at the field', async ({
    client,
    assert,
  }) => {
    const local = await oversightSetting()
    const now = DateTime.now()
    const base = { procedure: local.buildingPermit, agency: local.constructionAgency, step: 'thu_ly', statusCode: 'dang_xu_ly', receivedAt: now.minus({ days: 5 }) }
    const inTwoDays = await placeDossier(local, { ...base, appointmentAt: now.plus({ days: 2 }) })
    const tomorrow = await placeDossier(local, { ...base, appointmentAt: now.plus({ days: 1 }) })
    const later = await placeDossier(local, { ...base, appointmentAt: now.plus({ days: 10 }) })
    const late = await placeDossier(local, { ...base, appointmentAt: now.minus({ days: 1 }) })

    const page = await get(client, local, local.leader, '/mot-cua/dieu-hanh')
    page.assertStatus(200)
    const codes = [...page.text().matchAll(/<th scope="row" class="code-cell"><a href="\/mot-cua\/dieu-hanh\/\d+">([^<]+)<\/a>/g)].map((match) => match[1])
    assert.deepEqual(codes, [tomorrow.code, inTwoDays.code])
    assert.notInclude(page.text(), later.code)
    assert.notInclude(page.text(), late.code)
    assert.include(page.text(), 'Xem cả 2 hồ sơ trong trang tra cứu')

    const unknown = await get(client, local, local.leader, '/mot-cua/dieu-hanh?ma=000.00.99.H99-260101-9999')
    unknown.assertStatus(200)
    assert.match(unknown.text(), /aria-invalid="true"[^>]*aria-describedby="direction-code-error"/)
    assert.include(unknown.text(), 'Không tìm thấy hồ sơ có mã này. Vui lòng kiểm tra lại mã.')
  })

  test('OS-20.1 for leaders only: handlers and citizens are refused, guests sent to log in', async ({ client, assert }) => {
    const dossier = await lateDossier(setting)
    for (const path of ['/mot-cua/dieu-hanh', `/mot-cua/dieu-hanh/${dossier.id}`]) {
      ;(await get(client, setting, setting.handler, path)).assertStatus(403)
      ;(await get(client, setting, await createCitizen(setting.tenant), path)).assertStatus(403)
      const guest = await client.get(path).header('host', hostOf(setting.tenant)).redirects(0)
      assert.isTrue(String(guest.header('location')).startsWith('/dang-nhap'))
    }
    const desk = await client.get('/mot-cua').header('host', hostOf(setting.tenant)).loginAs(setting.handler)
    assert.notInclude(desk.text(), 'href="/mot-cua/dieu-hanh"')
    const leaderDesk = await client.get('/mot-cua').header('host', hostOf(setting.tenant)).loginAs(setting.leader)
    assert.include(leaderDesk.text(), 'href="/mot-cua/dieu-hanh"')
  })

  test('OS-20.1 another tenant\u2019s leader finds neither the dossier nor its code', async ({ client, assert }) => {
    const dossier = await lateDossier(setting)
    const tenant = await createTenant()
    const intruder = { tenant, user: await createOfficer(tenant, ['approver']) }
    await assertNotFoundAcrossTenants(client, { method: 'get', path: (id) => `/mot-cua/dieu-hanh/${id}`, owner: setting.tenant, id: dossier.id, intruder })
    const byCode = await client
      .get('/mot-cua/dieu-hanh')
      .qs({ ma: dossier.code })
      .header('host', hostOf(tenant))
      .loginAs(intruder.user)
      .redirects(0)
    byCode.assertStatus(200)
    assert.include(byCode.text(), 'Không tìm thấy hồ sơ có mã này.')
  })
})
