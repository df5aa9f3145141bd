/*
 * OS-23.1, OS-23.2: the one-stop dossier search, every criterion alone and in combination, names
 * with or without diacritics; the exports read back; NF-16: a scanned code opens its dossier;
 * officers only; another tenant's dossiers are never found.
 */
import { test } from '@japa/runner'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import ExcelJS from 'exceljs'
import { DateTime } from 'luxon'
import type User from '#users/models/user'
import { createCitizen, hostOf } from '#tests/helpers/tenants'
import { withTenant } from '#tenancy/tenant_context'
import { withdrawDossier } from '#intake/index'
import { bytesOf, placeDossier, oversightSetting, vn, type OversightSetting } from '#processing/tests/oversight_fixtures'

/** Deadlines are measured against the wall clock; received dates are fixed days in the past. */
const NOW = DateTime.now()

function search(client: ApiClient, setting: OversightSetting, officer: User, query: Record<string, string> = {}) {
  return client
    .get('/mot-cua/tra-cuu-ho-so')
    .qs(query)
    .header('host', hostOf(setting.tenant))
    .loginAs(officer)
    .redirects(0)
}

/** The dossier codes listed in the result table, in order. */
function codesIn(response: ApiResponse) {
  return [...response.text().matchAll(/<th scope="row" class="code-cell"><a href="\/mot-cua\/ho-so\/\d+">([^<]+)<\/a><\/th>/g)].map((match) => match[1])
}

/** Four dossiers that differ in every criterion the search offers. */
async function fourDossiers(setting: OversightSetting) {
  const permitOverdue = await placeDossier(setting, {
    procedure: setting.buildingPermit,
    agency: setting.constructionAgency,
    step: 'thu_ly',
    statusCode: 'dang_xu_ly',
    assignee: setting.handler,
    receivedAt: vn('2026-04-02T09:00:00'),
    appointmentAt: vn('2026-04-23T17:00:00'),
    applicant: { fullName: 'Nguyễn Thị Hương', organisationName: 'Công ty TNHH Xây dựng Ánh Dương' },
  })
  const permitDueSoon = await placeDossier(setting, {
    procedure: setting.buildingPermit,
    agency: setting.constructionAgency,
    step: 'phan_cong',
    statusCode: 'dang_xu_ly',
    receivedAt: vn('2026-05-06T14:00:00'),
    appointmentAt: NOW.plus({ days: 2 }),
    applicant: { fullName: 'Trần Văn Đức' },
    channel: 'online',
  })
  const birthDone = await placeDossier(setting, {
    procedure: setting.birthRegistration,
    agency: setting.wardAgency,
    step: 'tra_ket_qua',
    statusCode: 'da_xu_ly_xong',
    receivedAt: vn('2026-05-11T08:30:00'),
    appointmentAt: vn('2026-05-14T17:00:00'),
    applicant: { fullName: 'Lê Thị Hồng Nhung' },
  })
  const birthSupplement = await placeDossier(setting, {
    procedure: setting.birthRegistration,
    agency: setting.wardAgency,
    step: 'tiep_nhan',
    statusCode: 'yeu_cau_bo_sung_giay_to',
    receivedAt: vn('2026-05-19T15:00:00'),
    appointmentAt: vn('2026-05-19T16:00:00'),
    applicant: { fullName: 'Nguyễn Văn Hưng' },
    clockStoppedAt: vn('2026-05-19T15:10:00'),
  })
  return { permitOverdue, permitDueSoon, birthDone, birthSupplement }
}

test.group('OS-23 dossier search', (group) => {
  let setting: OversightSetting
  let dossiers: Awaited<ReturnType<typeof fourDossiers>>

  group.setup(async () => {
    setting = await oversightSetting()
    dossiers = await fourDossiers(setting)
  })

  test('OS-23.1 OS-23.2 each criterion alone and in combination lists exactly the matching dossiers', async ({ client, assert }) => {
    const { permitOverdue, permitDueSoon, birthDone, birthSupplement } = dossiers
    const expectations: [Record<string, string>, string[]][] = [
      [{}, [birthSupplement.code, birthDone.code, permitDueSoon.code, permitOverdue.code]],
      [{ received_from: '01/05/2026', received_to: '11/05/2026' }, [birthDone.code, permitDueSoon.code]],
      [{ received_from: '11/05/2026' }, [birthSupplement.code, birthDone.code]],
      [{ received_to: '2/4/2026' }, [permitOverdue.code]],
      [{ sector: String(setting.buildingPermit.sectorId) }, [permitDueSoon.code, permitOverdue.code]],
      [{ procedure: String(setting.birthRegistration.id) }, [birthSupplement.code, birthDone.code]],
      [{ unit: `agency:${setting.wardAgency.id}` }, [birthSupplement.code, birthDone.code]],
      [{ unit: `department:${setting.urbanDepartment.id}` }, [permitDueSoon.code, permitOverdue.code]],
      [{ officer: String(setting.handler.id) }, [permitOverdue.code]],
      [{ status: 'dang_xu_ly' }, [permitDueSoon.code, permitOverdue.code]],
      [{ stage: 'done' }, [birthDone.code]],
      [{ stage: 'open' }, [birthSupplement.code, permitDueSoon.code, permitOverdue.code]],
      [{ channel: 'online' }, [permitDueSoon.code]],
      [{ step: 'assignment' }, [permitDueSoon.code]],
      // The supplement's appointment has passed too, but its clock is stopped: not overdue (ST-16).
      [{ deadline: 'overdue' }, [permitOverdue.code]],
      [{ deadline: 'due_within', within: '3' }, [permitDueSoon.code]],
      [{ deadline: 'due_within', within: '1' }, []],
      [{ code: permitOverdue.code.slice(0, 13) }, [permitDueSoon.code, permitOverdue.code]],
      [{ applicant: 'nguyen' }, [birthSupplement.code, permitOverdue.code]],
      [{ applicant: 'NGUYEN VAN hung' }, [birthSupplement.code]],
      [{ applicant: 'Hồng Nhung' }, [birthDone.code]],
      [{ organisation: 'anh duong' }, [permitOverdue.code]],
      [{ applicant: 'nguyen', sector: String(setting.buildingPermit.sectorId), deadline: 'overdue' }, [permitOverdue.code]],
      [{ applicant: 'nguyen', stage: 'done' }, []],
      [{ unit: `agency:${setting.wardAgency.id}`, status: 'da_xu_ly_xong', received_from: '11/05/2026', received_to: '11/05/2026' }, [birthDone.code]],
    ]
    for (const [query, expected] of expectations) {
      const response = await search(client, setting, setting.handler, query)
      response.assertStatus(200)
      assert.deepEqual(codesIn(response), expected, `search ${JSON.stringify(query)}`)
      assert.include(response.text(), expected.length ? `${expected.length} hồ sơ` : 'Không có hồ sơ nào', JSON.stringify(query))
    }
  })

  test('OS-23 OS-5.8 a dossier its applicant withdrew is listed as "Đã rút hồ sơ" and found by that status', async ({ client, assert }) => {
    const setting = await oversightSetting()
    const citizen = await createCitizen(setting.tenant)
    const withdrawn = await placeDossier(setting, {
      procedure: setting.birthRegistration,
      agency: setting.wardAgency,
      step: null,
      statusCode: 'moi_dang_ky',
      channel: 'online',
      receivedAt: vn('2026-05-12T10:00:00'),
      applicant: { fullName: 'Phạm Văn Rút' },
    })
    await withTenant(setting.tenant, () => withdrawDossier(withdrawn, { id: citizen.id, fullName: citizen.fullName }, { lockVersion: withdrawn.lockVersion }))
    const form = await search(client, setting, setting.receptionist)
    assert.match(form.text(), /<option value="da_rut_ho_so"\s*>Đã rút hồ sơ<\/option>/)
    const found = await search(client, setting, setting.receptionist, { status: 'da_rut_ho_so' })
    found.assertStatus(200)
    assert.deepEqual(codesIn(found), [withdrawn.code])
    assert.include(found.text(), 'Đã rút hồ sơ')
    assert.notInclude(found.text(), '>da_rut_ho_so<')
  })

  test('OS-23 sorting by a column and back; the list keeps its criteria across pages', async ({ client, assert }) => {
    const { permitOverdue, permitDueSoon, birthDone, birthSupplement } = dossiers
    const byApplicant = await search(client, setting, setting.handler, { sort: 'applicant' })
    assert.deepEqual(codesIn(byApplicant), [birthDone.code, permitOverdue.code, birthSupplement.code, permitDueSoon.code])
    assert.include(byApplicant.text(), 'aria-sort="ascending"')
    const byAppointment = await search(client, setting, setting.handler, { sort: '-appointment', stage: 'open' })
    assert.deepEqual(codesIn(byAppointment), [permitDueSoon.code, birthSupplement.code, permitOverdue.code])
    const byStatus = await search(client, setting, setting.handler, { sort: '-status' })
    assert.sameMembers(codesIn(byStatus), [birthDone.code, birthSupplement.code, permitOverdue.code, permitDueSoon.code])
    assert.equal(codesIn(byStatus)[0], birthDone.code, 'Đã xử lý xong comes after the other statuses in the catalogue')
    // The header link turns the order around and keeps the filter.
    assert.include(byAppointment.text(), 'href="/mot-cua/tra-cuu-ho-so?stage=open&amp;sort=appointment"')
  })

  test('OS-23 an overdue dossier shows the ST-16 text and who holds it', async ({ client, assert }) => {
    const response = await search(client, setting, setting.handler, { code: dossiers.permitOverdue.code.slice(0, -1) })
    const text = response.text()
    assert.match(text, /Hạn xử lý 23\/04\/2026 - Quá hạn \d+ ngày/)
    assert.include(text, 'Lê Văn Thụ · Phòng Quản lý đô thị')
  })

  test('OS-23 a date that is not DD/MM/YYYY or not on the calendar is named at its field, and nothing is listed', async ({
    client,
    assert,
  }) => {
    const response = await search(client, setting, setting.handler, { received_from: '2026/05/01', received_to: '31/02/2026' })
    response.assertStatus(200)
    const text = response.text()
    assert.include(text, 'Vui lòng ghi ngày theo dạng ngày/tháng/năm (DD/MM/YYYY)')
    assert.include(text, 'Không có ngày này trên lịch')
    assert.include(text, 'id="search-received_from" ')
    assert.match(text, /aria-invalid="true"[^>]*aria-describedby="search-received_from-error"/)
    assert.deepEqual(codesIn(response), [])

    const reversed = await search(client, setting, setting.handler, { received_from: '10/05/2026', received_to: '01/05/2026' })
    assert.include(reversed.text(), 'Ngày kết thúc phải cùng ngày hoặc sau ngày bắt đầu.')
    const within = await search(client, setting, setting.handler, { deadline: 'due_within', within: '0' })
    assert.include(within.text(), 'Số ngày sắp đến hạn là một số từ 1 đến 365.')
  })

  test('OS-23 htmx gets the result list alone, with the same rows', async ({ client, assert }) => {
    const response = await search(client, setting, setting.handler, { applicant: 'nguyen' })
      .header('hx-request', 'true')
      .header('hx-request-type', 'partial')
    response.assertStatus(200)
    assert.notInclude(response.text(), '<form')
    assert.notInclude(response.text(), '<html')
    assert.deepEqual(codesIn(response), [dossiers.birthSupplement.code, dossiers.permitOverdue.code])
    assert.include(String(response.header('vary')), 'HX-Request')
  })

  test('NF-16 a scanned code and Enter opens the dossier; a partial code lists', async ({ client, assert }) => {
    const dossier = dossiers.birthDone
    const plain = await search(client, setting, setting.receptionist, { code: ` ${dossier.code.toLowerCase()} ` })
    plain.assertStatus(302)
    assert.equal(plain.header('location'), `/mot-cua/ho-so/${dossier.id}`)

    const htmx = await search(client, setting, setting.receptionist, { code: dossier.code }).header('hx-request', 'true')
    htmx.assertStatus(200)
    assert.equal(htmx.header('hx-redirect'), `/mot-cua/ho-so/${dossier.id}`)

    const partial = await search(client, setting, setting.receptionist, { code: dossier.code.slice(0, -2) })
    partial.assertStatus(200)
    assert.include(codesIn(partial), dossier.code)
  })

  test('OS-23 exports: the .xlsx and the .csv hold the listed dossiers with the criteria', async ({ client, assert }) => {
    const query = { sector: String(setting.buildingPermit.sectorId), applicant: 'nguyen' }
    const page = await search(client, setting, setting.leader, query)
    assert.include(page.text(), `href="/mot-cua/tra-cuu-ho-so.xlsx?applicant=nguyen&amp;sector=${setting.buildingPermit.sectorId}"`)

    const { response: xlsx, bytes } = await bytesOf(
      client.get('/mot-cua/tra-cuu-ho-so.xlsx').qs(query).header('host', hostOf(setting.tenant)).loginAs(setting.leader)
    )
    xlsx.assertStatus(200)
    assert.include(String(xlsx.header('content-type')), 'spreadsheetml')
    assert.match(String(xlsx.header('content-disposition')), /attachment; filename="danh-sach-ho-so-\d{8}-\d{4}\.xlsx"/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    const lines: string[][] = []
    sheet.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ''))))
    assert.equal(lines[0][0], 'DANH SÁCH HỒ SƠ')
    assert.isTrue(lines.some((line) => line[0] === 'Lĩnh vực: Xây dựng'))
    assert.isTrue(lines.some((line) => line[0] === 'Tên người nộp: nguyen'))
    const heading = lines.findIndex((line) => line[0] === 'STT')
    assert.deepEqual(lines[heading].slice(0, 5), ['STT', 'Mã hồ sơ', 'Thủ tục', 'Lĩnh vực', 'Người nộp'])
    const row = lines[heading + 1]
    assert.deepEqual(row.slice(0, 10), [
      '1',
      dossiers.permitOverdue.code,
      'Cấp giấy phép xây dựng nhà ở riêng lẻ',
      'Xây dựng',
      'Nguyễn Thị Hương',
      'Công ty TNHH Xây dựng Ánh Dương',
      'Trực tiếp',
      '02/04/2026',
      '23/04/2026',
      'Đang xử lý',
    ])
    assert.match(row[10], /^Hạn xử lý 23\/04\/2026 - Quá hạn \d+ ngày$/)
    assert.deepEqual(row.slice(11), ['Sở Xây dựng', 'Phòng Quản lý đô thị', 'Lê Văn Thụ'])
    assert.isTrue(lines.some((line) => line[0] === 'Tổng số: 1 hồ sơ.'))

    const csv = await client
      .get('/mot-cua/tra-cuu-ho-so.csv')
      .qs({ unit: `agency:${setting.wardAgency.id}` })
      .header('host', hostOf(setting.tenant))
      .loginAs(setting.leader)
    csv.assertStatus(200)
    assert.include(String(csv.header('content-type')), 'text/csv')
    const text = csv.text()
    assert.isTrue(text.startsWith('\uFEFFSTT,Mã hồ sơ,Thủ tục,'))
    const rows = text.slice(1).trimEnd().split('\r\n')
    assert.lengthOf(rows, 3)
    assert.isTrue(rows[1].startsWith(`1,${dossiers.birthSupplement.code},Đăng ký khai sinh,Hộ tịch,Nguyễn Văn Hưng,`))
    assert.isTrue(rows[2].startsWith(`2,${dossiers.birthDone.code},Đăng ký khai sinh,Hộ tịch,Lê Thị Hồng Nhung,`))
  })

  test('OS-23 citizens are refused; guests are sent to log in', async ({ client, assert }) => {
    const citizen = await createCitizen(setting.tenant)
    const refused = await search(client, setting, citizen)
    refused.assertStatus(403)
    const exportRefused = await client.get('/mot-cua/tra-cuu-ho-so.csv').header('host', hostOf(setting.tenant)).loginAs(citizen)
    exportRefused.assertStatus(403)
    const guest = await client.get('/mot-cua/tra-cuu-ho-so').header('host', hostOf(setting.tenant)).redirects(0)
    guest.assertStatus(302)
    assert.isTrue(String(guest.header('location')).startsWith('/dang-nhap?return_to='))
  })

  test('OS-23 NF-16 another tenant\u2019s officers never find these dossiers, not even by the exact code', async ({ client, assert }) => {
    const other = await oversightSetting()
    const code = dossiers.permitOverdue.code
    const exact = await search(client, other, other.leader, { code })
    exact.assertStatus(200)
    assert.deepEqual(codesIn(exact), [])
    const all = await search(client, other, other.leader)
    assert.deepEqual(codesIn(all), [])
    const exported = await client.get('/mot-cua/tra-cuu-ho-so.csv').qs({ code }).header('host', hostOf(other.tenant)).loginAs(other.leader)
    assert.notInclude(exported.text(), code)
  })
})
