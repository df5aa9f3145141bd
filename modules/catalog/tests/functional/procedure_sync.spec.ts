import { test } from '@japa/runner'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import type Tenant from '#tenancy/tenant'
import type User from '#users/models/user'
import { withTenant } from '#tenancy/tenant_context'
import Procedure from '#catalog/models/procedure'
import Sector from '#catalog/models/sector'
import ProcedureImport from '#catalog/models/procedure_import'
import { ProcedureSyncError, createProcedureImport } from '#catalog/services/procedure_sync'
import Agency from '#users/models/agency'
import {
  NationalProcedureStandIn,
  startNationalProcedureServer,
  type ProcedureSeed,
} from '#integration/stand_ins/national_procedure_server'
import { createOfficer, createTenant, hostOf } from '#tests/helpers/tenants'
import { assertNotFoundAcrossTenants } from '#tests/helpers/cross_tenant'
import { formError } from '#tests/helpers/forms'

/* ---------------------------------------------------------------- helpers */

const SYNC = '/quan-tri/dong-bo-thu-tuc'

const SEED: ProcedureSeed[] = [
  {
    code: '1.000001',
    name: 'Thủ tục đăng ký kết hôn',
    sector: { code: 'HT', name: 'Hộ tịch' },
    administrativeLevel: 'commune',
    onlineLevel: 4,
    legalDeadlineDays: 3,
    resultType: 'Giấy chứng nhận kết hôn',
    legalBasis: ['Luật Hộ tịch số 60/2014/QH13', 'Nghị định số 123/2015/NĐ-CP'],
    components: [
      { name: 'Tờ khai đăng ký kết hôn (theo mẫu)', originalCopies: 1, photocopies: 0, required: true },
      { name: 'Giấy xác nhận tình trạng hôn nhân', originalCopies: 1, photocopies: 0, required: true },
    ],
    fees: [{ kind: 'charge', description: 'Lệ phí đăng ký kết hôn', amount: 0 }],
  },
  {
    code: '1.000002',
    name: 'Thủ tục cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    sector: { code: 'XD', name: 'Xây dựng' },
    administrativeLevel: 'commune',
    onlineLevel: 3,
    legalDeadlineDays: 15,
    resultType: 'Giấy phép xây dựng',
    legalBasis: ['Luật Xây dựng số 50/2014/QH13'],
    applicantTypes: ['citizen', 'organisation'],
    components: [{ name: 'Đơn đề nghị cấp giấy phép xây dựng (theo mẫu)', originalCopies: 1, photocopies: 0, required: true }],
    fees: [{ kind: 'charge', description: 'Lệ phí cấp giấy phép xây dựng', amount: 75000 }],
  },
  {
    code: '1.000003',
    name: 'Thủ tục chứng thực bản sao từ bản chính',
    sector: { code: 'CT', name: 'Chứng thực' },
    administrativeLevel: 'commune',
    onlineLevel: 2,
    legalDeadlineDays: 0.5,
    resultType: 'Bản sao được chứng thực',
    legalBasis: ['Nghị định số 23/2015/NĐ-CP'],
    components: [{ name: 'Bản chính giấy tờ cần chứng thực', originalCopies: 1, photocopies: 0, required: true }],
    fees: [{ kind: 'fee', description: 'Phí chứng thực bản sao', amount: 2000 }],
  },
  {
    code: '1.000004',
    name: 'Thủ tục đã bãi bỏ từ lâu',
    sector: { code: 'HT', name: 'Hộ tịch' },
    administrativeLevel: 'commune',
    onlineLevel: 2,
    legalDeadlineDays: 5,
    resultType: 'Trích lục',
    legalBasis: ['Luật Hộ tịch số 60/2014/QH13'],
    components: [],
  },
]

function notice(response: ApiResponse): string {
  return String((response.flashMessages() as any)?.notice ?? '')
}

function fetchNow(client: ApiClient, tenant: Tenant, user: User) {
  return client.post(SYNC).header('host', hostOf(tenant)).loginAs(user).withCsrfToken().redirects(0)
}

function apply(client: ApiClient, tenant: Tenant, user: User, id: number, form: Record<string, unknown>) {
  return client.post(`${SYNC}/${id}/ap-dung`).header('host', hostOf(tenant)).loginAs(user).withCsrfToken().form(form).redirects(0)
}

function discard(client: ApiClient, tenant: Tenant, user: User, id: number) {
  return client.post(`${SYNC}/${id}/huy`).header('host', hostOf(tenant)).loginAs(user).withCsrfToken().redirects(0)
}

function imports(tenant: Tenant) {
  return withTenant(tenant, () => ProcedureImport.query().orderBy('id'))
}

function latestImport(tenant: Tenant) {
  return withTenant(tenant, () => ProcedureImport.query().orderBy('id', 'desc').firstOrFail())
}

/** The tenant's procedures by national code, with what the tests look at. */
function proceduresOf(tenant: Tenant) {
  return withTenant(tenant, async () => {
    const procedures = await Procedure.query()
      .preload('sector')
      .preload('components')
      .preload('fees')
      .preload('agencies')
      .orderBy('national_code')
    return Object.fromEntries(procedures.map((procedure) => [procedure.nationalCode ?? `#${procedure.id}`, procedure]))
  })
}

/** Points the app at `url` for one test (the sync reads the variables at call time). */
function useNationalProcedureUrl(url: string, cleanup: (fn: () => void) => void, timeoutMs?: number) {
  const previous = { url: process.env.NATIONAL_PROCEDURE_URL, timeout: process.env.NATIONAL_PROCEDURE_TIMEOUT_MS }
  process.env.NATIONAL_PROCEDURE_URL = url
  if (timeoutMs) process.env.NATIONAL_PROCEDURE_TIMEOUT_MS = String(timeoutMs)
  cleanup(() => {
    for (const [name, value] of [
      ['NATIONAL_PROCEDURE_URL', previous.url],
      ['NATIONAL_PROCEDURE_TIMEOUT_MS', previous.timeout],
    ] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })
}

/** A first fetch, all applied: the tenant has procedures 1.000001–3 as drafts. */
async function fetchAndApplyAll(client: ApiClient, tenant: Tenant, admin: User) {
  const fetched = await fetchNow(client, tenant, admin)
  fetched.assertStatus(303)
  const report = await latestImport(tenant)
  const applied = await apply(client, tenant, admin, report.id, { scope: 'all' })
  applied.assertStatus(303)
  return report
}

/* ---------------------------------------------------------------- sync */

test.group('OS-1.3 GR-6 sync with the National Database on Administrative Procedures (stand-in)', (group) => {
  let standIn: NationalProcedureStandIn
  group.each.setup(async () => {
    standIn = await startNationalProcedureServer({ seed: SEED })
    standIn.withdraw('1.000004')
    return () => standIn.close()
  })

  test('OS-1.3 GR-6 a first fetch proposes the new procedures; applying them creates drafts in their sectors', async ({
    client,
    assert,
    cleanup,
  }) => {
    useNationalProcedureUrl(standIn.url, cleanup)
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    await withTenant(tenant, () => Sector.create({ code: 'HT', name: 'Hộ tịch', position: 1 }))

    const index = await client.get(SYNC).header('host', hostOf(tenant)).loginAs(admin)
    index.assertStatus(200)
    index.assertTextIncludes('Lấy dữ liệu ngay')
    index.assertTextIncludes('Chưa lấy dữ liệu lần nào.')

    const fetched = await fetchNow(client, tenant, admin)
    fetched.assertStatus(303)
    const report = await latestImport(tenant)
    fetched.assertHeader('location', `${SYNC}/${report.id}`)
    assert.equal(notice(fetched), 'Đã lấy dữ liệu từ CSDL quốc gia: 3 thủ tục mới, 0 thủ tục thay đổi, 0 thủ tục bị bãi bỏ. Hãy xem và chấp nhận các mục phù hợp.')
    assert.equal(report.status, 'pending')
    assert.equal(report.agencyCode, tenant.code)
    assert.equal(report.createdBy, admin.id)
    assert.deepEqual(
      report.diff.added.map((item) => item.code),
      ['1.000001', '1.000002', '1.000003']
    )
    assert.lengthOf(report.diff.changed, 0)
    // 1.000004 was withdrawn nationally and the tenant never had it: nothing to do.
    assert.lengthOf(report.diff.withdrawn, 0)
    assert.equal(standIn.requests.at(-1), `GET /procedures?agency=${tenant.code}&page=1&pageSize=100`)
    // Nothing written to the catalogue yet.
    assert.deepEqual(Object.keys(await proceduresOf(tenant)), [])

    const page = await client.get(`${SYNC}/${report.id}`).header('host', hostOf(tenant)).loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes('Thủ tục mới (3)')
    page.assertTextIncludes('Thủ tục cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ')
    page.assertTextIncludes('Xây dựng (mã XD)')
    page.assertTextIncludes('Áp dụng các mục đã chọn')

    const applied = await apply(client, tenant, admin, report.id, { scope: 'all' })
    applied.assertStatus(303)
    applied.assertHeader('location', `${SYNC}/${report.id}`)
    assert.equal(notice(applied), 'Đã áp dụng: thêm 3 thủ tục (ở trạng thái nháp), cập nhật 0 thủ tục, gỡ công bố 0 thủ tục bị bãi bỏ.')

    const procedures = await proceduresOf(tenant)
    assert.deepEqual(Object.keys(procedures), ['1.000001', '1.000002', '1.000003'])
    assert.isTrue(Object.values(procedures).every((procedure) => procedure.status === 'draft'))
    const permit = procedures['1.000002']
    assert.equal(permit.name, 'Thủ tục cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ')
    assert.equal(permit.sector.code, 'XD')
    assert.equal(permit.sector.name, 'Xây dựng')
    assert.equal(permit.legalDeadlineDays, 15)
    assert.equal(permit.onlineLevel, 3)
    assert.deepEqual(permit.applicantTypes, ['citizen', 'organisation'])
    assert.deepEqual(permit.channels, ['in_person', 'online'])
    assert.equal(permit.legalBasis, 'Luật Xây dựng số 50/2014/QH13')
    assert.isFalse(permit.isSampleCode)
    assert.deepEqual(
      permit.components.map((component) => [component.name, component.originalCopies, component.isRequired]),
      [['Đơn đề nghị cấp giấy phép xây dựng (theo mẫu)', 1, true]]
    )
    assert.deepEqual(
      permit.fees.map((fee) => [fee.kind, fee.description, Number(fee.amount)]),
      [['charge', 'Lệ phí cấp giấy phép xây dựng', 75000]]
    )
    assert.equal(procedures['1.000003'].legalDeadlineDays, 0.5)
    // The existing sector HT is reused, the missing XD and CT are created once each.
    const sectors = await withTenant(tenant, () => Sector.query().orderBy('position'))
    assert.deepEqual(
      sectors.map((sector) => sector.code),
      ['HT', 'XD', 'CT']
    )
    assert.equal(procedures['1.000001'].sector.code, 'HT')

    const done = await latestImport(tenant)
    assert.equal(done.status, 'applied')
    assert.equal(done.appliedBy, admin.id)
    assert.isNotNull(done.appliedAt)
    assert.deepEqual(done.appliedCodes, ['1.000001', '1.000002', '1.000003'])

    const closed = await client.get(`${SYNC}/${report.id}`).header('host', hostOf(tenant)).loginAs(admin)
    closed.assertTextIncludes('Báo cáo này đã được xử lý.')
    assert.notInclude(closed.text(), 'Áp dụng các mục đã chọn')
    const history = await client.get(SYNC).header('host', hostOf(tenant)).loginAs(admin)
    history.assertTextIncludes('Đã áp dụng')
    history.assertTextIncludes('1 lần')
  })

  test('OS-1.3 GR-6 a second fetch proposes exactly the changed deadline and the withdrawal; local attributes are kept', async ({
    client,
    assert,
    cleanup,
  }) => {
    useNationalProcedureUrl(standIn.url, cleanup)
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    await fetchAndApplyAll(client, tenant, admin)

    // The tenant publishes them and adds what only it knows: steps, channels, performing agency.
    await withTenant(tenant, async (scope) => {
      const agency = await Agency.firstOrCreate({ code: 'A01' }, { code: 'A01', name: 'Sở Thử nghiệm' })
      for (const procedure of await Procedure.query()) {
        procedure.merge({ status: 'published', stepsDescription: 'Bước 1: nộp hồ sơ tại Bộ phận Một cửa.', channels: ['in_person', 'postal'] })
        await procedure.save()
        await procedure.related('agencies').sync({ [agency.id]: { tenant_id: scope.tenant.id } })
      }
    })
    const componentIdsBefore = (await proceduresOf(tenant))['1.000001'].components.map((component) => component.id)

    standIn.change('1.000001', { legalDeadlineDays: 5 })
    standIn.withdraw('1.000002')

    const fetched = await fetchNow(client, tenant, admin)
    fetched.assertStatus(303)
    assert.equal(notice(fetched), 'Đã lấy dữ liệu từ CSDL quốc gia: 0 thủ tục mới, 1 thủ tục thay đổi, 1 thủ tục bị bãi bỏ. Hãy xem và chấp nhận các mục phù hợp.')
    const report = await latestImport(tenant)
    const procedures = await proceduresOf(tenant)
    assert.deepEqual(report.diff.added, [])
    assert.lengthOf(report.diff.changed, 1)
    assert.equal(report.diff.changed[0].code, '1.000001')
    assert.equal(report.diff.changed[0].procedureId, procedures['1.000001'].id)
    assert.deepEqual(report.diff.changed[0].changes, [{ field: 'legalDeadlineDays', before: 3, after: 5 }])
    assert.deepEqual(
      report.diff.withdrawn.map((item) => [item.code, item.procedureId]),
      [['1.000002', procedures['1.000002'].id]]
    )

    const page = await client.get(`${SYNC}/${report.id}`).header('host', hostOf(tenant)).loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes('Thủ tục thay đổi (1)')
    page.assertTextIncludes('Thời hạn giải quyết')
    page.assertTextIncludes('3 ngày làm việc')
    page.assertTextIncludes('5 ngày làm việc')
    page.assertTextIncludes('Thủ tục bị bãi bỏ (1)')

    const applied = await apply(client, tenant, admin, report.id, { scope: 'all' })
    assert.equal(notice(applied), 'Đã áp dụng: thêm 0 thủ tục (ở trạng thái nháp), cập nhật 1 thủ tục, gỡ công bố 1 thủ tục bị bãi bỏ.')
    const after = await proceduresOf(tenant)
    const marriage = after['1.000001']
    assert.equal(marriage.legalDeadlineDays, 5)
    assert.equal(marriage.status, 'published')
    assert.equal(marriage.stepsDescription, 'Bước 1: nộp hồ sơ tại Bộ phận Một cửa.')
    assert.deepEqual(marriage.channels, ['in_person', 'postal'])
    assert.lengthOf(marriage.agencies, 1)
    // Unchanged components keep their ids (form templates may point at them).
    assert.deepEqual(
      marriage.components.map((component) => component.id),
      componentIdsBefore
    )
    // Withdrawn: unpublished, never deleted.
    assert.equal(after['1.000002'].status, 'draft')
    assert.isNull(after['1.000002'].publishedAt)
    assert.equal(after['1.000003'].status, 'published')

    // Nothing differs any more: no report is stored.
    const quiet = await fetchNow(client, tenant, admin)
    quiet.assertHeader('location', SYNC)
    assert.equal(notice(quiet), 'Danh mục thủ tục của đơn vị đã khớp với CSDL quốc gia: không có khác biệt nào.')
    assert.lengthOf(await imports(tenant), 2)
  })

  test('OS-1.3 applying selected items applies only those; an applied report cannot be applied again; discarding changes nothing', async ({
    client,
    assert,
    cleanup,
  }) => {
    useNationalProcedureUrl(standIn.url, cleanup)
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['editor'])
    await fetchNow(client, tenant, admin)
    const report = await latestImport(tenant)

    const none = await apply(client, tenant, admin, report.id, { scope: 'selected' })
    none.assertStatus(303)
    assert.equal(formError(none, 'apply'), 'Chưa chọn mục nào để áp dụng.')
    assert.equal((await latestImport(tenant)).status, 'pending')

    const selected = await apply(client, tenant, admin, report.id, { scope: 'selected', codes: ['1.000002', 'not-in-report'] })
    assert.equal(notice(selected), 'Đã áp dụng: thêm 1 thủ tục (ở trạng thái nháp), cập nhật 0 thủ tục, gỡ công bố 0 thủ tục bị bãi bỏ.')
    assert.deepEqual(Object.keys(await proceduresOf(tenant)), ['1.000002'])
    const done = await latestImport(tenant)
    assert.equal(done.status, 'applied')
    assert.deepEqual(done.appliedCodes, ['1.000002'])

    const again = await apply(client, tenant, admin, report.id, { scope: 'all' })
    assert.equal(formError(again, 'apply'), 'Báo cáo này đã được áp dụng hoặc đã bị hủy; hãy lấy dữ liệu mới.')
    assert.deepEqual(Object.keys(await proceduresOf(tenant)), ['1.000002'])

    // What was not taken is proposed again by the next fetch; that report is discarded.
    await fetchNow(client, tenant, admin)
    const next = await latestImport(tenant)
    assert.deepEqual(
      next.diff.added.map((item) => item.code),
      ['1.000001', '1.000003']
    )
    const discarded = await discard(client, tenant, admin, next.id)
    discarded.assertStatus(303)
    assert.equal(notice(discarded), 'Đã hủy báo cáo; danh mục thủ tục không thay đổi.')
    assert.equal((await latestImport(tenant)).status, 'discarded')
    assert.deepEqual(Object.keys(await proceduresOf(tenant)), ['1.000002'])

    // A newer fetch supersedes a pending report.
    await fetchNow(client, tenant, admin)
    const superseded = await latestImport(tenant)
    await fetchNow(client, tenant, admin)
    assert.deepEqual(
      (await imports(tenant)).map((row) => row.status),
      ['applied', 'discarded', 'discarded', 'pending']
    )
    assert.notEqual((await latestImport(tenant)).id, superseded.id)
  })

  test('OS-1.3 a report that no longer fits the catalogue is refused whole, nothing half-written', async ({
    client,
    assert,
    cleanup,
  }) => {
    useNationalProcedureUrl(standIn.url, cleanup)
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    await fetchNow(client, tenant, admin)
    const report = await latestImport(tenant)
    // Meanwhile someone defines 1.000003 by hand.
    await withTenant(tenant, async () => {
      const sector = await Sector.create({ code: 'KHAC', name: 'Khác', position: 1 })
      await Procedure.create({ sectorId: sector.id, name: 'Chứng thực (nhập tay)', nationalCode: '1.000003', legalDeadlineDays: 1, status: 'draft', isSampleCode: false })
    })

    const refused = await apply(client, tenant, admin, report.id, { scope: 'all' })
    assert.equal(
      formError(refused, 'apply'),
      'Danh mục thủ tục đã thay đổi sau khi lấy báo cáo (thủ tục mã 1.000003). Không có thay đổi nào được lưu; hãy lấy dữ liệu mới.'
    )
    assert.deepEqual(Object.keys(await proceduresOf(tenant)), ['1.000003'])
    assert.deepEqual(
      (await withTenant(tenant, () => Sector.query().orderBy('code'))).map((sector) => sector.code),
      ['KHAC']
    )
    assert.equal((await latestImport(tenant)).status, 'pending')
  })

  test('OS-1.3 GR-6 a database that is down gives a clear error and stores nothing', async ({ client, assert, cleanup }) => {
    const closed = await startNationalProcedureServer()
    const closedUrl = closed.url
    await closed.close()
    useNationalProcedureUrl(closedUrl, cleanup)
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])

    const response = await fetchNow(client, tenant, admin)
    response.assertStatus(303)
    response.assertHeader('location', SYNC)
    assert.equal(
      formError(response, 'sync'),
      'Không kết nối được CSDL quốc gia về thủ tục hành chính. Không có báo cáo nào được lưu và danh mục không thay đổi; vui lòng thử lại sau.'
    )
    assert.lengthOf(await imports(tenant), 0)
    assert.deepEqual(Object.keys(await proceduresOf(tenant)), [])

    const page = await client.get(SYNC).header('host', hostOf(tenant)).loginAs(admin)
    page.assertStatus(200)
  })

  test('OS-1.3 GR-6 garbage, a wrong shape, a 503 or no answer: clear error, no report stored, the pending one kept', async ({
    client,
    assert,
    cleanup,
  }) => {
    useNationalProcedureUrl(standIn.url, cleanup, 500)
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    await fetchNow(client, tenant, admin)
    const pending = await latestImport(tenant)
    standIn.change('1.000001', { legalDeadlineDays: 7 })

    const expected = {
      garbage: 'Dữ liệu nhận từ CSDL quốc gia về thủ tục hành chính không đúng định dạng. Không có báo cáo nào được lưu và danh mục không thay đổi.',
      bad_shape: 'Dữ liệu nhận từ CSDL quốc gia về thủ tục hành chính không đúng định dạng. Không có báo cáo nào được lưu và danh mục không thay đổi.',
      server_error: 'CSDL quốc gia về thủ tục hành chính báo lỗi (mã 503). Không có báo cáo nào được lưu và danh mục không thay đổi; vui lòng thử lại sau.',
      hang: 'CSDL quốc gia về thủ tục hành chính không phản hồi sau 0,5 giây. Không có báo cáo nào được lưu và danh mục không thay đổi; vui lòng thử lại sau.',
    }
    for (const [fault, message] of Object.entries(expected)) {
      standIn.fault = fault as keyof typeof expected
      const response = await fetchNow(client, tenant, admin)
      response.assertStatus(303)
      assert.equal(formError(response, 'sync'), message, fault)
      const rows = await imports(tenant)
      assert.deepEqual(
        rows.map((row) => [row.id, row.status]),
        [[pending.id, 'pending']],
        fault
      )
    }
    assert.deepEqual(Object.keys(await proceduresOf(tenant)), [])

    standIn.fault = 'none'
    const recovered = await fetchNow(client, tenant, admin)
    assert.include(notice(recovered), '3 thủ tục mới')
  })

  test('OS-1.3 GR-6 every page is fetched and checked; garbage on a later page stores nothing', async ({ assert, cleanup }) => {
    useNationalProcedureUrl(standIn.url, cleanup)
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])

    await withTenant(tenant, async () => {
      const report = await createProcedureImport(admin.id, { pageSize: 1 })
      assert.deepEqual(
        report!.diff.added.map((item) => item.code),
        ['1.000001', '1.000002', '1.000003']
      )
    })
    assert.deepEqual(standIn.requests.slice(-4), [1, 2, 3, 4].map((page) => `GET /procedures?agency=${tenant.code}&page=${page}&pageSize=1`))

    standIn.fault = 'garbage'
    standIn.faultAfterRequests = standIn.requests.length + 2
    await withTenant(tenant, async () => {
      const error = await createProcedureImport(admin.id, { pageSize: 1 }).catch((caught) => caught)
      assert.instanceOf(error, ProcedureSyncError)
      assert.equal((error as ProcedureSyncError).failure, 'bad_response')
    })
    assert.deepEqual(
      (await imports(tenant)).map((row) => row.status),
      ['pending']
    )
  })
})

/* ---------------------------------------------------------------- access */

test.group('OS-1.3 procedure sync access', (group) => {
  let standIn: NationalProcedureStandIn
  group.each.setup(async () => {
    standIn = await startNationalProcedureServer({ seed: SEED })
    return () => standIn.close()
  })

  test('OS-1.3 another tenant’s report is not found on any route with an id, and stays untouched', async ({
    client,
    assert,
    cleanup,
  }) => {
    useNationalProcedureUrl(standIn.url, cleanup)
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    await fetchNow(client, tenant, admin)
    const report = await latestImport(tenant)

    for (const route of [
      { method: 'get' as const, path: (id: number) => `${SYNC}/${id}` },
      { method: 'post' as const, path: (id: number) => `${SYNC}/${id}/ap-dung`, form: { scope: 'all' } },
      { method: 'post' as const, path: (id: number) => `${SYNC}/${id}/huy` },
    ]) {
      await assertNotFoundAcrossTenants(client, { ...route, owner: tenant, id: report.id })
    }
    assert.equal((await latestImport(tenant)).status, 'pending')
    assert.deepEqual(Object.keys(await proceduresOf(tenant)), [])
  })

  test('OS-1.3 officers who do not edit the catalogue get 403 everywhere', async ({ client, assert, cleanup }) => {
    useNationalProcedureUrl(standIn.url, cleanup)
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const handler = await createOfficer(tenant, ['handler', 'receptionist'])
    await fetchNow(client, tenant, admin)
    const report = await latestImport(tenant)
    const requestsBefore = standIn.requests.length

    const host = hostOf(tenant)
    const responses = [
      await client.get(SYNC).header('host', host).loginAs(handler),
      await client.post(SYNC).header('host', host).loginAs(handler).withCsrfToken().redirects(0),
      await client.get(`${SYNC}/${report.id}`).header('host', host).loginAs(handler),
      await apply(client, tenant, handler, report.id, { scope: 'all' }),
      await discard(client, tenant, handler, report.id),
    ]
    assert.deepEqual(
      responses.map((response) => response.status()),
      [403, 403, 403, 403, 403]
    )
    assert.equal(standIn.requests.length, requestsBefore)
    assert.equal((await latestImport(tenant)).status, 'pending')
    assert.deepEqual(Object.keys(await proceduresOf(tenant)), [])

    // The procedure list links to the sync screen.
    const list = await client.get('/quan-tri/thu-tuc').header('host', host).loginAs(admin)
    list.assertTextIncludes(`href="${SYNC}"`)
  })
})
