import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import Agency from '#users/models/agency'
import Procedure from '#catalog/models/procedure'
import Sector from '#catalog/models/sector'
import ProcedureGroup from '#catalog/models/procedure_group'
import { createOfficer, createTenant, hostOf } from '#tests/helpers/tenants'
import { assertNotFoundAcrossTenants, createIntruder } from '#tests/helpers/cross_tenant'
import {
  findPublishedProcedure,
  listPublishedProcedures,
  sectorsWithPublishedCounts,
} from '#catalog/services/procedure_catalogue'
import { formatMoney, parseMoney } from '#services/money_format'

/* ---------------------------------------------------------------- helpers */

function flash(response: ApiResponse): Record<string, any> {
  return (response.flashMessages() ?? {}) as Record<string, any>
}

function fieldError(response: ApiResponse, field: string): string | undefined {
  return flash(response).inputErrorsBag?.[field]?.[0]
}

async function addSector(tenant: Tenant, name: string, code = name.slice(0, 6).toUpperCase()) {
  return withTenant(tenant, () => Sector.create({ code: `${code}-${Math.random().toString(36).slice(2, 6)}`, name, position: 1 }))
}

async function addProcedure(tenant: Tenant, sector: Sector, overrides: Partial<Procedure> = {}) {
  return withTenant(tenant, () =>
    Procedure.create({
      sectorId: sector.id,
      name: 'Thủ tục thử nghiệm',
      stepsDescription: 'Bước 1: nộp hồ sơ.',
      channels: ['in_person'],
      legalDeadlineDays: 5,
      resultType: 'Giấy chứng nhận',
      conditions: '',
      legalBasis: 'Luật Thử nghiệm',
      onlineLevel: 2,
      applicantTypes: ['citizen'],
      administrativeLevel: 'province',
      resultByPost: false,
      resultOnline: false,
      status: 'draft',
      isSampleCode: true,
      ...overrides,
    })
  )
}

function countProcedures(tenant: Tenant) {
  return withTenant(tenant, async () => {
    const [row] = await Procedure.query().count('* as total')
    return Number(row.$extras.total)
  })
}

function reload(tenant: Tenant, id: number) {
  return withTenant(tenant, () =>
    Procedure.query().where('id', id).preload('components').preload('fees', (q) => q.orderBy('id')).preload('agencies').firstOrFail()
  )
}

/** The form an admin sends for a building permit, with two components and two fees. */
function permitForm(sector: Sector, agency: Agency, overrides: Record<string, unknown> = {}) {
  return {
    _form: 'procedure',
    name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    national_code: '1.009994',
    is_sample_code: 'on',
    sector_id: String(sector.id),
    steps_description: 'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa.\nBước 2: Thẩm định hồ sơ, kiểm tra thực địa.\nBước 3: Trả kết quả.',
    channels: ['in_person', 'online'],
    legal_deadline_days: '15',
    result_type: 'Giấy phép xây dựng',
    conditions: 'Phù hợp quy hoạch chi tiết xây dựng.',
    legal_basis: 'Luật Xây dựng số 50/2014/QH13\nNghị định số 15/2021/NĐ-CP',
    online_level: '3',
    applicant_types: ['citizen', 'organisation'],
    administrative_level: 'commune',
    result_by_post: 'on',
    agency_ids: [String(agency.id)],
    components: {
      c0: { name: 'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01)', original_copies: '1', photocopies: '0', is_required: 'on' },
      c1: { name: 'Bản vẽ thiết kế xây dựng', original_copies: '2', photocopies: '0', is_required: 'on' },
    },
    fees: {
      f0: { kind: 'charge', description: 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', amount: '75.000' },
      f1: { kind: 'fee', description: 'Phí thẩm định', amount: '1.000.000' },
    },
    ...overrides,
  }
}

async function setUp() {
  const tenant = await createTenant()
  const admin = await createOfficer(tenant, ['admin'])
  const sector = await addSector(tenant, 'Xây dựng', 'XD')
  const agency = await withTenant(tenant, () => Agency.create({ code: 'XD01', name: 'Ủy ban nhân dân phường Trung Tâm' }))
  return { tenant, admin, sector, agency }
}

/* ---------------------------------------------------------------- money */

test.group('OS-1.2 money in đồng', () => {
  test('OS-1.2 formats 1000000 as 1.000.000 đ and reads "1.000.000" back', ({ assert }) => {
    assert.equal(formatMoney(1000000), '1.000.000 đ')
    assert.equal(formatMoney(0), '0 đ')
    assert.equal(formatMoney(75000), '75.000 đ')
    assert.equal(formatMoney(null), '')
    assert.equal(parseMoney('1.000.000'), 1000000)
    assert.equal(parseMoney('1 000 000 đ'), 1000000)
    assert.equal(parseMoney('50000'), 50000)
    assert.isNull(parseMoney('1.00.000'))
    assert.isNull(parseMoney('12,5'))
    assert.isNull(parseMoney('mười nghìn'))
  })
})

/* ---------------------------------------------------------------- create, edit */

test.group('OS-1.2 procedures: define, edit, validate', () => {
  test('OS-1.2 an admin creates a procedure with every attribute, components, fees and agencies', async ({
    client,
    assert,
  }) => {
    const { tenant, admin, sector, agency } = await setUp()
    const response = await client
      .post('/quan-tri/thu-tuc')
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form(permitForm(sector, agency))
      .redirects(0)
    response.assertStatus(303)
    const location = String(response.header('location'))
    assert.match(location, /^\/quan-tri\/thu-tuc\/\d+$/)

    const procedure = await reload(tenant, Number(location.split('/').pop()))
    assert.equal(procedure.name, 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ')
    assert.equal(procedure.nationalCode, '1.009994')
    assert.isTrue(procedure.isSampleCode)
    assert.deepEqual(procedure.channels, ['in_person', 'online'])
    assert.equal(procedure.legalDeadlineDays, 15)
    assert.equal(procedure.onlineLevel, 3)
    assert.deepEqual(procedure.applicantTypes, ['citizen', 'organisation'])
    assert.equal(procedure.administrativeLevel, 'commune')
    assert.isTrue(procedure.resultByPost)
    assert.isFalse(procedure.resultOnline)
    assert.equal(procedure.status, 'draft')
    assert.deepEqual(
      procedure.components.map((c) => [c.position, c.name, c.originalCopies, c.isRequired]),
      [
        [0, 'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01)', 1, true],
        [1, 'Bản vẽ thiết kế xây dựng', 2, true],
      ]
    )
    assert.deepEqual(
      procedure.fees.map((fee) => [fee.kind, Number(fee.amount)]),
      [
        ['charge', 75000],
        ['fee', 1000000],
      ]
    )
    assert.deepEqual(procedure.agencies.map((a) => a.id), [agency.id])

    const page = await client.get(location).header('host', hostOf(tenant)).loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes('1.000.000 đ')
    page.assertTextIncludes(`href="/quan-tri/thu-tuc/${procedure.id}/quy-trinh"`)
    page.assertTextIncludes(`href="/quan-tri/thu-tuc/${procedure.id}/bieu-mau"`)
    page.assertTextIncludes('Bản nháp')
  })

  test('OS-1.2 editing keeps component ids, reorders, removes and adds rows', async ({ client, assert }) => {
    const { tenant, admin, sector, agency } = await setUp()
    const created = await client
      .post('/quan-tri/thu-tuc')
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form(permitForm(sector, agency))
      .redirects(0)
    const id = Number(String(created.header('location')).split('/').pop())
    const before = await reload(tenant, id)
    const [application, drawings] = before.components

    const form = await client.get(`/quan-tri/thu-tuc/${id}/sua`).header('host', hostOf(tenant)).loginAs(admin)
    form.assertStatus(200)
    form.assertTextIncludes('value="Bản vẽ thiết kế xây dựng"')
    form.assertTextIncludes('value="1.000.000"')

    const response = await client
      .post(`/quan-tri/thu-tuc/${id}`)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form(
        permitForm(sector, agency, {
          name: 'Cấp giấy phép xây dựng đối với nhà ở riêng lẻ',
          agency_ids: [],
          components: {
            c0: { id: String(drawings.id), name: 'Bản vẽ thiết kế', original_copies: '2', photocopies: '1' },
            c1: { name: 'Giấy tờ chứng minh quyền sử dụng đất', original_copies: '0', photocopies: '1', is_required: 'on' },
          },
          fees: { f0: { kind: 'charge', description: 'Lệ phí', amount: '50000' } },
        })
      )
      .redirects(0)
    response.assertStatus(303)
    const after = await reload(tenant, id)
    assert.equal(after.name, 'Cấp giấy phép xây dựng đối với nhà ở riêng lẻ')
    assert.deepEqual(
      after.components.map((c) => [c.id === drawings.id, c.name, c.isRequired]),
      [
        [true, 'Bản vẽ thiết kế', false],
        [false, 'Giấy tờ chứng minh quyền sử dụng đất', true],
      ]
    )
    assert.notInclude(after.components.map((c) => c.id), application.id)
    assert.deepEqual(after.fees.map((fee) => Number(fee.amount)), [50000])
    assert.lengthOf(after.agencies, 0)
  })

  test('ST-8 the admin sets whether the deadline resumes or restarts after a supplement; a wrong value is refused', async ({
    client,
    assert,
  }) => {
    const { tenant, admin, sector, agency } = await setUp()
    const created = await client
      .post('/quan-tri/thu-tuc')
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form(permitForm(sector, agency))
      .redirects(0)
    const id = Number(String(created.header('location')).split('/').pop())
    assert.equal((await reload(tenant, id)).supplementClock, 'resume', 'resuming is the default')

    const form = await client.get(`/quan-tri/thu-tuc/${id}/sua`).header('host', hostOf(tenant)).loginAs(admin)
    form.assertTextIncludes('Tính lại thời hạn từ đầu')
    const save = (value: string) =>
      client
        .post(`/quan-tri/thu-tuc/${id}`)
        .header('host', hostOf(tenant))
        .loginAs(admin)
        .withCsrfToken()
        .form(permitForm(sector, agency, { supplement_clock: value }))
        .redirects(0)
    ;(await save('restart')).assertStatus(303)
    assert.equal((await reload(tenant, id)).supplementClock, 'restart')
    const shown = await client.get(`/quan-tri/thu-tuc/${id}`).header('host', hostOf(tenant)).loginAs(admin)
    shown.assertTextIncludes('Tính lại thời hạn từ đầu')

    const refused = await save('forever')
    assert.isDefined(fieldError(refused, 'supplement_clock'))
    assert.equal((await reload(tenant, id)).supplementClock, 'restart', 'nothing changed')
  })

  test('OS-1.2 invalid input is refused in Vietnamese and nothing is stored', async ({ client, assert }) => {
    const { tenant, admin, sector, agency } = await setUp()
    const other = await createTenant()
    const foreignSector = await addSector(other, 'Lĩnh vực khác')
    const taken = await addProcedure(tenant, sector, { nationalCode: '1.000001' })

    const response = await client
      .post('/quan-tri/thu-tuc')
      .header('host', hostOf(tenant))
      .header('referer', `http://${hostOf(tenant)}/quan-tri/thu-tuc/them`)
      .loginAs(admin)
      .withCsrfToken()
      .form(
        permitForm(sector, agency, {
          name: '',
          national_code: taken.nationalCode,
          legal_deadline_days: 'mười lăm',
          channels: [],
          components: { c0: { name: '', original_copies: '1', photocopies: '0' }, c1: { name: 'Tờ khai', original_copies: '99', photocopies: '0' } },
          fees: { f0: { kind: 'fee', description: 'Phí thẩm định', amount: '1,5 triệu' } },
        })
      )
      .redirects(0)
    response.assertStatus(302)
    assert.equal(fieldError(response, 'name'), 'Vui lòng nhập tên thủ tục.')
    assert.equal(fieldError(response, 'national_code'), 'Mã thủ tục này đã dùng cho một thủ tục khác.')
    assert.equal(
      fieldError(response, 'legal_deadline_days'),
      'Thời hạn giải quyết ghi bằng số ngày làm việc lớn hơn 0, ví dụ 15 hoặc 0,5.'
    )
    assert.equal(fieldError(response, 'channels'), 'Vui lòng chọn ít nhất một cách thức thực hiện.')
    assert.equal(fieldError(response, 'components.0.name'), 'Vui lòng nhập tên giấy tờ của thành phần hồ sơ.')
    assert.equal(fieldError(response, 'components.1.original_copies'), 'Số bản chính từ 0 đến 20.')
    assert.equal(
      fieldError(response, 'fees.0.amount'),
      'Mức thu ghi bằng số đồng, có thể ngăn cách hàng nghìn bằng dấu chấm, ví dụ 1.000.000.'
    )
    assert.equal(await countProcedures(tenant), 1)

    // Another tenant's sector is not a choice here.
    const foreign = await client
      .post('/quan-tri/thu-tuc')
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form(permitForm(sector, agency, { sector_id: String(foreignSector.id), national_code: '' }))
      .redirects(0)
    foreign.assertStatus(302)
    assert.equal(fieldError(foreign, 'sector_id'), 'Vui lòng chọn một lĩnh vực trong danh sách.')
    assert.equal(await countProcedures(tenant), 1)

    // The form comes back with what was typed and the messages at each row.
    const page = await client
      .get('/quan-tri/thu-tuc/them')
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withSession({
        __flash__: {
          input: permitForm(sector, agency, {
            components: { c0: { name: '', original_copies: '1', photocopies: '0' } },
          }),
          inputErrorsBag: { 'components.0.name': ['Vui lòng nhập tên giấy tờ của thành phần hồ sơ.'] },
        },
      })
    page.assertStatus(200)
    page.assertTextIncludes('Vui lòng nhập tên giấy tờ của thành phần hồ sơ.')
    page.assertTextIncludes('value="Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ"')
  })

  test('OS-1.2 rows editor: htmx gets the editor fragment, a plain form comes back with the row added', async ({
    client,
    assert,
  }) => {
    const { tenant, admin, sector, agency } = await setUp()
    const form = permitForm(sector, agency)

    const fragment = await client
      .post('/quan-tri/thu-tuc/thanh-phan')
      .header('host', hostOf(tenant))
      .header('HX-Request', 'true')
      .header('HX-Request-Type', 'partial')
      .loginAs(admin)
      .withCsrfToken()
      .form({ ...form, component_action: 'add' })
    fragment.assertStatus(200)
    assert.match(fragment.text(), /^\s*(<!--.*?-->\s*)?<fieldset id="components-editor"/s)
    assert.notInclude(fragment.text(), '<html')
    assert.equal(fragment.text().match(/name="components\[c\d\]\[name\]"/g)?.length, 3)
    assert.include(fragment.text(), 'id="component-2-name"')
    assert.match(fragment.text(), /id="component-2-name"[^>]*autofocus/)

    const moved = await client
      .post('/quan-tri/thu-tuc/thanh-phan')
      .header('host', hostOf(tenant))
      .header('HX-Request', 'true')
      .loginAs(admin)
      .withCsrfToken()
      .form({ ...form, component_action: 'up:1' })
    assert.isBelow(moved.text().indexOf('Bản vẽ thiết kế xây dựng'), moved.text().indexOf('Đơn đề nghị'))

    const fees = await client
      .post('/quan-tri/thu-tuc/phi')
      .header('host', hostOf(tenant))
      .header('HX-Request', 'true')
      .loginAs(admin)
      .withCsrfToken()
      .form({ ...form, fee_action: 'remove:0' })
    fees.assertStatus(200)
    assert.notInclude(fees.text(), 'Lệ phí cấp giấy phép')
    assert.include(fees.text(), 'value="1.000.000"')

    const plain = await client
      .post('/quan-tri/thu-tuc')
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form({ ...form, component_action: 'add' })
      .redirects(0)
    plain.assertStatus(303)
    plain.assertHeader('location', '/quan-tri/thu-tuc/them')
    assert.equal(await countProcedures(tenant), 0)
    // The api client shows flashed input merged into the flash messages.
    const input = flash(plain).input ?? flash(plain)
    assert.lengthOf(Object.keys(input.components), 3)
    assert.equal(flash(plain).procedure_form_focus, 'component-2-name')
  })

  test('OS-1.2 the national code is checked inline: 422 fragment when taken, 200 when free', async ({
    client,
    assert,
  }) => {
    const { tenant, admin, sector } = await setUp()
    const existing = await addProcedure(tenant, sector, { nationalCode: '1.001193' })

    const taken = await client
      .get('/quan-tri/thu-tuc/ma-quoc-gia')
      .qs({ national_code: '1.001193', procedure_id: '' })
      .header('host', hostOf(tenant))
      .header('HX-Request', 'true')
      .loginAs(admin)
    taken.assertStatus(422)
    assert.include(taken.text(), 'Mã thủ tục này đã dùng cho một thủ tục khác.')
    assert.include(taken.text(), 'id="national-code-field"')

    const own = await client
      .get('/quan-tri/thu-tuc/ma-quoc-gia')
      .qs({ national_code: '1.001193', procedure_id: String(existing.id) })
      .header('host', hostOf(tenant))
      .header('HX-Request', 'true')
      .loginAs(admin)
    own.assertStatus(200)

    const malformed = await client
      .get('/quan-tri/thu-tuc/ma-quoc-gia')
      .qs({ national_code: 'ABC' })
      .header('host', hostOf(tenant))
      .header('HX-Request', 'true')
      .loginAs(admin)
    malformed.assertStatus(422)
    assert.include(malformed.text(), 'Mã thủ tục gồm số, dấu chấm và 6 chữ số, ví dụ 1.001757.')
  })
})

/* ---------------------------------------------------------------- list */

test.group('OS-1.2 procedures list: search, filters, pagination', () => {
  test('OS-1.2 unaccented search "ho tich" finds "Hộ tịch"; filters live in a shareable URL', async ({
    client,
    assert,
  }) => {
    const { tenant, admin, sector } = await setUp()
    const civil = await addSector(tenant, 'Hộ tịch', 'HT')
    await addProcedure(tenant, civil, { name: 'Thủ tục đăng ký khai sinh', nationalCode: '1.001193', onlineLevel: 4 })
    await addProcedure(tenant, civil, { name: 'Thủ tục cấp bản sao trích lục hộ tịch', onlineLevel: 3, status: 'published' })
    await addProcedure(tenant, sector, { name: 'Cấp giấy phép xây dựng', onlineLevel: 3 })
    const other = await createTenant()
    await addProcedure(other, await addSector(other, 'Hộ tịch'), { name: 'Trích lục hộ tịch của tỉnh khác' })

    const get = (query: string) =>
      client.get(`/quan-tri/thu-tuc${query}`).header('host', hostOf(tenant)).loginAs(admin)

    const all = await get('')
    all.assertStatus(200)
    all.assertTextIncludes('accesskey="4"')
    all.assertTextIncludes('3 thủ tục')

    const unaccented = await get('?q=ho+tich')
    unaccented.assertTextIncludes('1 thủ tục')
    unaccented.assertTextIncludes('Thủ tục cấp bản sao trích lục hộ tịch')
    assert.notInclude(unaccented.text(), 'tỉnh khác')

    const byCode = await get('?q=1.001193')
    byCode.assertTextIncludes('Thủ tục đăng ký khai sinh')
    byCode.assertTextIncludes('1 thủ tục')

    const bySector = await get(`?sector=${civil.id}&level=3`)
    bySector.assertTextIncludes('1 thủ tục')
    bySector.assertTextIncludes('trích lục hộ tịch')

    const drafts = await get('?status=draft&q=khai+sinh')
    drafts.assertTextIncludes('1 thủ tục')
    const published = await get('?status=published&q=khai+sinh')
    published.assertTextIncludes('Không có thủ tục nào')
  })

  test('OS-1.2 20 a page, with links that keep the filters', async ({ client, assert }) => {
    const { tenant, admin, sector } = await setUp()
    for (let index = 1; index <= 22; index++) {
      await addProcedure(tenant, sector, { name: `Thủ tục xây dựng số ${String(index).padStart(2, '0')}` })
    }
    const first = await client.get('/quan-tri/thu-tuc?q=xay+dung').header('host', hostOf(tenant)).loginAs(admin)
    first.assertTextIncludes('22 thủ tục')
    assert.equal(first.text().match(/<tr>\s*<th scope="row">/g)?.length, 20)
    first.assertTextIncludes('href="/quan-tri/thu-tuc?q=xay%20dung&amp;page=2"')
    const second = await client.get('/quan-tri/thu-tuc?q=xay+dung&page=2').header('host', hostOf(tenant)).loginAs(admin)
    assert.equal(second.text().match(/<tr>\s*<th scope="row">/g)?.length, 2)
  })

  test('OS-1.2 htmx filter requests get the results fragment, others the full page (Vary: HX-Request)', async ({
    client,
    assert,
  }) => {
    const { tenant, admin, sector } = await setUp()
    await addProcedure(tenant, sector, { name: 'Cấp giấy phép xây dựng' })

    const full = await client.get('/quan-tri/thu-tuc?q=giay+phep').header('host', hostOf(tenant)).loginAs(admin)
    full.assertStatus(200)
    assert.include(full.text(), '<html')
    assert.include(full.text(), 'id="procedure-results"')
    assert.include(String(full.header('vary')), 'HX-Request')

    const fragment = await client
      .get('/quan-tri/thu-tuc?q=giay+phep')
      .header('host', hostOf(tenant))
      .header('HX-Request', 'true')
      .header('HX-Request-Type', 'partial')
      .loginAs(admin)
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.notInclude(fragment.text(), 'id="procedure-results"')
    assert.include(fragment.text(), 'Cấp giấy phép xây dựng')
    assert.include(fragment.text(), '1 thủ tục')
    assert.include(String(fragment.header('vary')), 'HX-Request')

    // Back/forward restores re-fetch the whole page.
    const restore = await client
      .get('/quan-tri/thu-tuc?q=giay+phep')
      .header('host', hostOf(tenant))
      .header('HX-Request', 'true')
      .header('HX-History-Restore-Request', 'true')
      .loginAs(admin)
    assert.include(restore.text(), '<html')
  })
})

/* ---------------------------------------------------------------- publication and catalogue */

test.group('OS-1 PT-3.1 publication and the catalogue read service', () => {
  test('PT-3.1 a published procedure appears in listPublishedProcedures, a draft does not', async ({
    client,
    assert,
  }) => {
    const { tenant, admin, sector, agency } = await setUp()
    const created = await client
      .post('/quan-tri/thu-tuc')
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form(permitForm(sector, agency))
      .redirects(0)
    const id = Number(String(created.header('location')).split('/').pop())
    const draft = await addProcedure(tenant, sector, { name: 'Cấp giấy phép sửa chữa, cải tạo công trình' })

    const before = await withTenant(tenant, () => listPublishedProcedures({ q: 'giay phep' }))
    assert.equal(before.total, 0)
    assert.isNull(await withTenant(tenant, () => findPublishedProcedure(id)))

    const publish = await client
      .post(`/quan-tri/thu-tuc/${id}/cong-bo`)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    publish.assertStatus(303)
    publish.assertHeader('location', `/quan-tri/thu-tuc/${id}`)

    const listed = await withTenant(tenant, () => listPublishedProcedures({ q: 'giay phep xay dung', sectorId: sector.id, level: 3 }))
    assert.deepEqual(listed.all().map((p) => p.id), [id])
    assert.equal(listed.all()[0].sector.name, 'Xây dựng')
    assert.notInclude(listed.all().map((p) => p.id), draft.id)

    const found = await withTenant(tenant, () => findPublishedProcedure(id))
    assert.lengthOf(found!.components, 2)
    assert.lengthOf(found!.fees, 2)
    assert.deepEqual(found!.agencies.map((a) => a.name), ['Ủy ban nhân dân phường Trung Tâm'])
    assert.equal(found!.sector.name, 'Xây dựng')
    assert.isNull(await withTenant(tenant, () => findPublishedProcedure(draft.id)))

    const counts = await withTenant(tenant, () => sectorsWithPublishedCounts())
    assert.deepEqual(counts.map((s) => [s.name, s.publishedCount]), [['Xây dựng', 1]])

    // Another tenant's catalogue does not see it.
    const other = await createTenant()
    assert.equal((await withTenant(other, () => listPublishedProcedures())).total, 0)
    assert.isNull(await withTenant(other, () => findPublishedProcedure(id)))

    const unpublish = await client
      .post(`/quan-tri/thu-tuc/${id}/go-cong-bo`)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    unpublish.assertStatus(303)
    assert.equal((await withTenant(tenant, () => listPublishedProcedures())).total, 0)
  })
})

/* ---------------------------------------------------------------- sectors */

test.group('OS-1.1 sectors and groups', () => {
  test('OS-1.1 an admin adds a sector and a group, renames them; duplicate codes are refused', async ({
    client,
    assert,
  }) => {
    const { tenant, admin } = await setUp()
    const post = (path: string, form: Record<string, string>) =>
      client.post(path).header('host', hostOf(tenant)).loginAs(admin).withCsrfToken().form(form).redirects(0)

    const created = await post('/quan-tri/linh-vuc', { code: 'HT', name: 'Hộ tịch' })
    created.assertStatus(303)
    const sector = await withTenant(tenant, () => Sector.findByOrFail('code', 'HT'))

    const duplicate = await post('/quan-tri/linh-vuc', { code: 'ht', name: 'Hộ tịch 2' })
    duplicate.assertStatus(303)
    assert.equal(fieldError(duplicate, 'code'), 'Mã lĩnh vực này đã có.')

    const empty = await post('/quan-tri/linh-vuc', { code: '', name: '' })
    assert.equal(fieldError(empty, 'name'), 'Vui lòng nhập tên.')

    ;(await post(`/quan-tri/linh-vuc/${sector.id}`, { code: 'HT', name: 'Hộ tịch, quốc tịch', position: '3' })).assertStatus(303)
    ;(await post(`/quan-tri/linh-vuc/${sector.id}/nhom`, { name: 'Đăng ký khai sinh' })).assertStatus(303)
    const group = await withTenant(tenant, () => ProcedureGroup.findByOrFail('name', 'Đăng ký khai sinh'))
    ;(await post(`/quan-tri/nhom-thu-tuc/${group.id}`, { name: 'Khai sinh' })).assertStatus(303)

    const page = await client.get('/quan-tri/linh-vuc').header('host', hostOf(tenant)).loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes('Hộ tịch, quốc tịch')
    page.assertTextIncludes('Khai sinh')
    const edit = await client.get(`/quan-tri/linh-vuc/${sector.id}/sua`).header('host', hostOf(tenant)).loginAs(admin)
    edit.assertStatus(200)
  })
})

/* ---------------------------------------------------------------- authorization, tenancy */

test.group('OS-1 catalog admin: who may use it', () => {
  test('OS-17.2 officers without the admin role get 403 on every catalog admin route', async ({ client }) => {
    const { tenant, sector } = await setUp()
    const procedure = await addProcedure(tenant, sector)
    const handler = await createOfficer(tenant, ['handler'])
    const gets = [
      '/quan-tri/thu-tuc',
      '/quan-tri/thu-tuc/them',
      `/quan-tri/thu-tuc/${procedure.id}`,
      `/quan-tri/thu-tuc/${procedure.id}/sua`,
      '/quan-tri/thu-tuc/ma-quoc-gia?national_code=1.000001',
      '/quan-tri/linh-vuc',
      `/quan-tri/linh-vuc/${sector.id}/sua`,
    ]
    for (const path of gets) {
      const response = await client.get(path).header('host', hostOf(tenant)).loginAs(handler)
      response.assertStatus(403)
    }
    const posts = [
      '/quan-tri/thu-tuc',
      `/quan-tri/thu-tuc/${procedure.id}`,
      `/quan-tri/thu-tuc/${procedure.id}/cong-bo`,
      `/quan-tri/thu-tuc/${procedure.id}/go-cong-bo`,
      '/quan-tri/thu-tuc/thanh-phan',
      '/quan-tri/thu-tuc/phi',
      '/quan-tri/linh-vuc',
      `/quan-tri/linh-vuc/${sector.id}`,
      `/quan-tri/linh-vuc/${sector.id}/nhom`,
    ]
    for (const path of posts) {
      const response = await client.post(path).header('host', hostOf(tenant)).loginAs(handler).withCsrfToken().redirects(0)
      response.assertStatus(403)
    }
    const guest = await client.get('/quan-tri/thu-tuc').header('host', hostOf(tenant)).redirects(0)
    guest.assertStatus(302)
  })

  test('OS-1 every catalog route with an id answers 404 across tenants and changes nothing', async ({
    client,
    assert,
  }) => {
    const { tenant, sector, agency } = await setUp()
    const procedure = await addProcedure(tenant, sector, { name: 'Thủ tục của tỉnh A', status: 'published' })
    const group = await withTenant(tenant, () => ProcedureGroup.create({ sectorId: sector.id, name: 'Nhóm của tỉnh A' }))
    const intruder = await createIntruder()
    const intruderSector = await addSector(intruder.tenant, 'Xây dựng B')
    const intruderAgency = await withTenant(intruder.tenant, () => Agency.create({ code: 'B01', name: 'Cơ quan B' }))
    const validForm = permitForm(intruderSector, intruderAgency, { national_code: '' })

    const routes = [
      { method: 'get' as const, path: (id: number) => `/quan-tri/thu-tuc/${id}`, id: procedure.id },
      { method: 'get' as const, path: (id: number) => `/quan-tri/thu-tuc/${id}/sua`, id: procedure.id },
      { method: 'post' as const, path: (id: number) => `/quan-tri/thu-tuc/${id}`, id: procedure.id, form: validForm },
      { method: 'post' as const, path: (id: number) => `/quan-tri/thu-tuc/${id}/cong-bo`, id: procedure.id },
      { method: 'post' as const, path: (id: number) => `/quan-tri/thu-tuc/${id}/go-cong-bo`, id: procedure.id },
      { method: 'get' as const, path: (id: number) => `/quan-tri/linh-vuc/${id}/sua`, id: sector.id },
      { method: 'post' as const, path: (id: number) => `/quan-tri/linh-vuc/${id}`, id: sector.id, form: { code: 'ZZ', name: 'Đổi tên' } },
      { method: 'post' as const, path: (id: number) => `/quan-tri/linh-vuc/${id}/nhom`, id: sector.id, form: { name: 'Nhóm lạ' } },
      { method: 'post' as const, path: (id: number) => `/quan-tri/nhom-thu-tuc/${id}`, id: group.id, form: { name: 'Đổi tên' } },
    ]
    for (const route of routes) {
      await assertNotFoundAcrossTenants(client, { ...route, owner: tenant, intruder })
    }

    const after = await reload(tenant, procedure.id)
    assert.equal(after.name, 'Thủ tục của tỉnh A')
    assert.equal(after.status, 'published')
    assert.equal((await withTenant(tenant, () => Sector.findOrFail(sector.id))).name, 'Xây dựng')
    assert.equal((await withTenant(tenant, () => ProcedureGroup.findOrFail(group.id))).name, 'Nhóm của tỉnh A')
    assert.equal(await withTenant(tenant, async () => (await ProcedureGroup.query().where('sector_id', sector.id)).length), 1)
    void agency
  })
})
