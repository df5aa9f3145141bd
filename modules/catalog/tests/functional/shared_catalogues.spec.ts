import { test } from '@japa/runner'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import type Tenant from '#tenancy/tenant'
import type User from '#users/models/user'
import { withTenant } from '#tenancy/tenant_context'
import SharedCatalogue from '#catalog/models/shared_catalogue'
import SharedCatalogueEntry from '#catalog/models/shared_catalogue_entry'
import { administrativeUnits } from '#catalog/services/administrative_units'
import {
  applyEntryChanges,
  createCatalogue,
  createEntry,
  inSavepoint,
  seedSharedCatalogues,
} from '#catalog/services/shared_catalogues'
import { CatalogueSyncError, syncCatalogue } from '#catalog/services/catalogue_sync'
import {
  NationalCatalogueStandIn,
  startNationalCatalogueServer,
} from '#integration/stand_ins/national_catalogue_server'
import { createCitizen, createOfficer, createTenant, hostOf } from '#tests/helpers/tenants'
import { assertNotFoundAcrossTenants, createIntruder } from '#tests/helpers/cross_tenant'
import { formError } from '#tests/helpers/forms'

/* ---------------------------------------------------------------- helpers */

function notice(response: ApiResponse): string {
  return String((response.flashMessages() as any)?.notice ?? '')
}

async function nationalCatalogue(tenant: Tenant, code = 'LOAI_GIAY_TO') {
  return withTenant(tenant, () =>
    createCatalogue({ code, name: 'Loại giấy tờ', kind: 'document_types', source: 'national' })
  )
}

function entriesOf(tenant: Tenant, catalogueId: number) {
  return withTenant(tenant, async () => {
    const entries = await SharedCatalogueEntry.query().where('catalogue_id', catalogueId).orderBy('code')
    return Object.fromEntries(entries.map((entry) => [entry.code, { name: entry.name, active: entry.isActive }]))
  })
}

function reloadCatalogue(tenant: Tenant, id: number) {
  return withTenant(tenant, () => SharedCatalogue.findOrFail(id))
}

function syncNow(client: ApiClient, tenant: Tenant, admin: User, catalogueId: number) {
  return client
    .post(`/quan-tri/danh-muc/${catalogueId}/dong-bo`)
    .header('host', hostOf(tenant))
    .loginAs(admin)
    .withCsrfToken()
    .redirects(0)
}

function importFile(client: ApiClient, tenant: Tenant, admin: User, content: string, filename = 'danh-muc.json') {
  return client
    .post('/quan-tri/danh-muc/nhap-tep')
    .header('host', hostOf(tenant))
    .loginAs(admin)
    .withCsrfToken()
    .file('catalogue_file', Buffer.from(content, 'utf8'), { filename })
    .redirects(0)
}

/** Points the app at `url` for one test (the sync reads the variable at call time). */
function useNationalCatalogueUrl(url: string, cleanup: (fn: () => void) => void, timeoutMs?: number) {
  const previous = { url: process.env.NATIONAL_CATALOGUE_URL, timeout: process.env.NATIONAL_CATALOGUE_TIMEOUT_MS }
  process.env.NATIONAL_CATALOGUE_URL = url
  if (timeoutMs) process.env.NATIONAL_CATALOGUE_TIMEOUT_MS = String(timeoutMs)
  cleanup(() => {
    for (const [name, value] of [
      ['NATIONAL_CATALOGUE_URL', previous.url],
      ['NATIONAL_CATALOGUE_TIMEOUT_MS', previous.timeout],
    ] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })
}

const GOOD_FILE = {
  format: 'dvc-shared-catalogue',
  version: 1,
  catalogues: [
    {
      code: 'LY_DO_TU_CHOI',
      name: 'Lý do từ chối tiếp nhận',
      kind: 'internal',
      entries: [
        { code: 'THIEU_GIAY_TO', name: 'Thiếu giấy tờ theo quy định' },
        { code: 'SAI_THAM_QUYEN', name: 'Không thuộc thẩm quyền giải quyết' },
        { code: 'HET_HAN', name: 'Giấy tờ hết hiệu lực' },
      ],
    },
  ],
}

/* ---------------------------------------------------------------- administrative units */

test.group('OS-16 administrative units', () => {
  test('OS-16 the 34 province-level units and the communes of Hà Nội, found without diacritics', async ({ assert }) => {
    const provinces = await administrativeUnits.provinces()
    assert.lengthOf(provinces, 34)
    assert.equal(provinces[0].code, '01')
    assert.equal(provinces[0].name, 'Thành phố Hà Nội')
    assert.isTrue(provinces.every((unit) => unit.level === 'province' && unit.parentCode === null))
    assert.equal(provinces[0].validFrom.toISODate(), '2025-07-01')

    const hanoi = await administrativeUnits.communesOf('01')
    assert.lengthOf(hanoi, 126)
    assert.isTrue(hanoi.every((unit) => unit.level === 'commune' && unit.parentCode === '01'))

    for (const term of ['ba dinh', 'BA ĐÌNH', 'Ba Đình', 'phuong ba dinh']) {
      const found = await administrativeUnits.search({ q: term, provinceCode: '01' })
      assert.deepEqual(
        found.map((unit) => unit.name),
        ['Phường Ba Đình'],
        term
      )
    }
    const hoanKiem = await administrativeUnits.search({ q: 'hoan kiem', level: 'commune' })
    assert.include(
      hoanKiem.map((unit) => unit.name),
      'Phường Hoàn Kiếm'
    )
    assert.deepEqual(
      (await administrativeUnits.search({ q: 'ha noi', level: 'province' })).map((unit) => unit.code),
      ['01']
    )
    // LIKE wildcards typed by a person are taken literally.
    assert.lengthOf(await administrativeUnits.search({ q: '%' }), 0)
    assert.deepEqual(await administrativeUnits.counts(), { province: 34, commune: 3314 })
  })

  test('OS-16 the admin screen searches units by name and province, whole page or htmx fragment', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const get = (query: string) =>
      client.get(`/quan-tri/danh-muc/don-vi-hanh-chinh${query}`).header('host', hostOf(tenant)).loginAs(admin)

    const page = await get('?q=ba%20dinh&tinh=01')
    page.assertStatus(200)
    page.assertTextIncludes('Phường Ba Đình')
    page.assertTextIncludes('1 đơn vị hành chính')
    page.assertTextIncludes('<html')

    const fragment = await get('?q=ba%20dinh&tinh=01').header('HX-Request', 'true').header('HX-Request-Type', 'partial')
    fragment.assertStatus(200)
    fragment.assertTextIncludes('Phường Ba Đình')
    assert.include(String(fragment.header('vary')), 'HX-Request-Type')
    if (fragment.text().includes('<html')) throw new Error('the htmx answer should be a fragment')

    const index = await client.get('/quan-tri/danh-muc').header('host', hostOf(tenant)).loginAs(admin)
    index.assertStatus(200)
    index.assertTextIncludes('34 tỉnh, thành phố; 3.314 xã, phường')
    index.assertTextIncludes('Cơ quan, đơn vị')
  })
})

/* ---------------------------------------------------------------- entries */

test.group('OS-16.2 catalogue entries', () => {
  test('OS-16.2 an admin creates an internal catalogue, adds, renames, deactivates and restores entries', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const post = (path: string, form: Record<string, unknown>) =>
      client.post(path).header('host', hostOf(tenant)).loginAs(admin).withCsrfToken().form(form).redirects(0)

    const created = await post('/quan-tri/danh-muc', { code: 'NOI_NHAN', name: 'Nơi nhận kết quả', kind: 'internal', source: 'local' })
    created.assertStatus(303)
    const catalogue = await withTenant(tenant, () => SharedCatalogue.findByOrFail('code', 'NOI_NHAN'))
    created.assertHeader('location', `/quan-tri/danh-muc/${catalogue.id}`)

    const added = await post(`/quan-tri/danh-muc/${catalogue.id}/muc`, { code: 'MOT_CUA', name: 'Tại Bộ phận Một cửa' })
    added.assertStatus(303)
    const duplicate = await post(`/quan-tri/danh-muc/${catalogue.id}/muc`, { code: 'MOT_CUA', name: 'Trùng mã' })
    duplicate.assertStatus(302)
    assert.include((duplicate.flashMessages() as any).inputErrorsBag.code, 'Mã này đã được dùng.')

    const entry = await withTenant(tenant, () => SharedCatalogueEntry.findByOrFail('code', 'MOT_CUA'))
    const renamed = await post(`/quan-tri/danh-muc/${catalogue.id}/muc/${entry.id}`, { name: 'Tại Bộ phận Một cửa tỉnh' })
    renamed.assertStatus(303)
    await post(`/quan-tri/danh-muc/${catalogue.id}/muc/${entry.id}/ngung-su-dung`, {})
    assert.deepEqual(await entriesOf(tenant, catalogue.id), { MOT_CUA: { name: 'Tại Bộ phận Một cửa tỉnh', active: false } })
    await post(`/quan-tri/danh-muc/${catalogue.id}/muc/${entry.id}/su-dung-lai`, {})
    assert.deepEqual(await entriesOf(tenant, catalogue.id), { MOT_CUA: { name: 'Tại Bộ phận Một cửa tỉnh', active: true } })

    const edit = await client
      .get(`/quan-tri/danh-muc/${catalogue.id}/muc/${entry.id}/sua`)
      .header('host', hostOf(tenant))
      .loginAs(admin)
    edit.assertStatus(200)
    edit.assertTextIncludes('value="Tại Bộ phận Một cửa tỉnh"')
  })

  test('OS-16.2 entries are searched with or without diacritics, paged 20 at a time, htmx gets a fragment', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const catalogue = await withTenant(tenant, async () => {
      const created = await createCatalogue({ code: 'LINH_VUC_PHU', name: 'Lĩnh vực phụ', kind: 'internal' })
      for (let index = 1; index <= 22; index++) {
        await createEntry(created, { code: `M${String(index).padStart(2, '0')}`, name: `Mục số ${index}` })
      }
      await createEntry(created, { code: 'DD', name: 'Đất đai' })
      return created
    })
    const get = (query: string) =>
      client.get(`/quan-tri/danh-muc/${catalogue.id}${query}`).header('host', hostOf(tenant)).loginAs(admin)

    const first = await get('')
    first.assertStatus(200)
    first.assertTextIncludes('23 mục')
    first.assertTextIncludes('Trang 1/2')
    assert.equal(first.text().match(/<tr>\s*<th scope="row">/g)?.length, 20)
    first.assertTextIncludes('hx-get=')

    const unaccented = await get('?q=dat%20dai')
    unaccented.assertTextIncludes('Đất đai')
    unaccented.assertTextIncludes('1 mục')

    const fragment = await get('?q=muc%20so%202').header('HX-Request', 'true').header('HX-Request-Type', 'partial')
    fragment.assertStatus(200)
    fragment.assertTextIncludes('Mục số 2')
    fragment.assertTextIncludes('4 mục') // 2, 20, 21, 22
    assert.notInclude(fragment.text(), '<html')

    const paged = await get('?q=muc&state=active&page=2')
    paged.assertTextIncludes('22 mục')
    assert.equal(paged.text().match(/<tr>\s*<th scope="row">/g)?.length, 2)
  })
})

/* ---------------------------------------------------------------- import */

test.group('OS-16.2 import from a JSON file', () => {
  test('OS-16.2 a good file creates the catalogue, then a new version adds, changes and deactivates entries', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])

    const first = await importFile(client, tenant, admin, JSON.stringify(GOOD_FILE))
    first.assertStatus(303)
    first.assertHeader('location', '/quan-tri/danh-muc')
    assert.equal(notice(first), 'Đã tạo danh mục "Lý do từ chối tiếp nhận": thêm 3, cập nhật 0, ngừng sử dụng 0 mục.')
    const catalogue = await withTenant(tenant, () => SharedCatalogue.findByOrFail('code', 'LY_DO_TU_CHOI'))
    assert.equal(catalogue.kind, 'internal')
    assert.equal(catalogue.source, 'local')

    const next = structuredClone(GOOD_FILE)
    next.catalogues[0].entries = [
      { code: 'THIEU_GIAY_TO', name: 'Thiếu thành phần hồ sơ theo quy định' },
      { code: 'SAI_THAM_QUYEN', name: 'Không thuộc thẩm quyền giải quyết' },
      { code: 'KHONG_DU_DK', name: 'Không đủ điều kiện' },
    ]
    const second = await importFile(client, tenant, admin, JSON.stringify(next))
    second.assertStatus(303)
    assert.equal(notice(second), 'Đã nhập danh mục "Lý do từ chối tiếp nhận": thêm 1, cập nhật 1, ngừng sử dụng 1 mục.')
    assert.deepEqual(await entriesOf(tenant, catalogue.id), {
      HET_HAN: { name: 'Giấy tờ hết hiệu lực', active: false },
      KHONG_DU_DK: { name: 'Không đủ điều kiện', active: true },
      SAI_THAM_QUYEN: { name: 'Không thuộc thẩm quyền giải quyết', active: true },
      THIEU_GIAY_TO: { name: 'Thiếu thành phần hồ sơ theo quy định', active: true },
    })

    // The same file again changes nothing.
    const again = await importFile(client, tenant, admin, JSON.stringify(next))
    assert.equal(notice(again), 'Đã nhập danh mục "Lý do từ chối tiếp nhận": thêm 0, cập nhật 0, ngừng sử dụng 0 mục.')
  })

  test('OS-16.2 a bad file changes nothing and says what is wrong, in Vietnamese', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    await importFile(client, tenant, admin, JSON.stringify(GOOD_FILE))
    const catalogue = await withTenant(tenant, () => SharedCatalogue.findByOrFail('code', 'LY_DO_TU_CHOI'))
    const before = await entriesOf(tenant, catalogue.id)

    // The first catalogue is fine (and would deactivate two entries); the second has a duplicate.
    const bad = {
      ...GOOD_FILE,
      catalogues: [
        { ...GOOD_FILE.catalogues[0], entries: [{ code: 'THIEU_GIAY_TO', name: 'Đổi tên' }] },
        {
          code: 'MOI',
          name: 'Danh mục mới',
          kind: 'internal',
          entries: [
            { code: 'A', name: 'Một' },
            { code: 'A', name: 'Hai' },
          ],
        },
      ],
    }
    const refused = await importFile(client, tenant, admin, JSON.stringify(bad))
    refused.assertStatus(303)
    assert.equal(
      formError(refused, 'import'),
      'Tệp không được nhập, không có thay đổi nào được lưu. Mã mục "A" xuất hiện hai lần trong danh mục "MOI".'
    )
    assert.deepEqual(await entriesOf(tenant, catalogue.id), before)
    assert.isNull(await withTenant(tenant, () => SharedCatalogue.findBy('code', 'MOI')))

    const notJson = await importFile(client, tenant, admin, '{"format": "dvc-shared-catalogue", ')
    assert.include(formError(notJson, 'import'), 'Tệp không phải JSON hợp lệ.')
    const noName = await importFile(
      client,
      tenant,
      admin,
      JSON.stringify({ ...GOOD_FILE, catalogues: [{ ...GOOD_FILE.catalogues[0], entries: [{ code: 'X' }] }] })
    )
    assert.include(formError(noName, 'import'), 'Mục "X" của danh mục "LY_DO_TU_CHOI" thiếu tên')
    assert.deepEqual(await entriesOf(tenant, catalogue.id), before)

    const wrongType = await importFile(client, tenant, admin, 'code,name\nA,B', 'danh-muc.csv')
    wrongType.assertStatus(302)
    assert.include((wrongType.flashMessages() as any).inputErrorsBag.catalogue_file, 'Vui lòng chọn tệp có đuôi .json.')
    assert.deepEqual(await entriesOf(tenant, catalogue.id), before)
  })
})

test.group('OS-16.2 GR-6 writes are all or nothing', () => {
  test('OS-16.2 GR-6 a failure halfway rolls back the savepoint, and the request transaction goes on', async ({
    assert,
  }) => {
    const tenant = await createTenant()
    const catalogue = await withTenant(tenant, () => createCatalogue({ code: 'TAM', name: 'Tạm', kind: 'internal' }))
    await withTenant(tenant, async () => {
      await assert.rejects(() =>
        inSavepoint(async (client) => {
          const report = await applyEntryChanges(
            client,
            catalogue,
            [
              { code: 'A', name: 'Một', isActive: true },
              { code: 'B', name: 'Hai', isActive: true },
            ],
            { removeMissing: true }
          )
          assert.equal(report.added, 2)
          // A write the database refuses (name longer than the column), after two good ones.
          await applyEntryChanges(client, catalogue, [{ code: 'C', name: 'x'.repeat(600), isActive: true }], {
            removeMissing: false,
          })
        })
      )
      assert.lengthOf(await SharedCatalogueEntry.query().where('catalogue_id', catalogue.id), 0)
      await createEntry(catalogue, { code: 'D', name: 'Bốn' })
    })
    assert.deepEqual(await entriesOf(tenant, catalogue.id), { D: { name: 'Bốn', active: true } })
  })
})

/* ---------------------------------------------------------------- sync */

test.group('GR-6 OS-16.1 sync with the national shared catalogue (stand-in server)', (group) => {
  let standIn: NationalCatalogueStandIn
  group.each.setup(async () => {
    standIn = await startNationalCatalogueServer({
      seed: {
        LOAI_GIAY_TO: {
          name: 'Loại giấy tờ',
          entries: [
            ['CCCD', 'Thẻ căn cước công dân'],
            ['GKS', 'Giấy khai sinh'],
            ['HC', 'Hộ chiếu'],
          ],
        },
      },
    })
    return () => standIn.close()
  })

  test('GR-6 OS-16.1 sync now adds, then applies changed and removed entries', async ({ client, assert, cleanup }) => {
    useNationalCatalogueUrl(standIn.url, cleanup)
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const catalogue = await nationalCatalogue(tenant)

    const first = await syncNow(client, tenant, admin, catalogue.id)
    first.assertStatus(303)
    first.assertHeader('location', `/quan-tri/danh-muc/${catalogue.id}`)
    assert.equal(notice(first), 'Đã đồng bộ danh mục "Loại giấy tờ": thêm 3, cập nhật 0, ngừng sử dụng 0 mục.')
    assert.deepEqual(await entriesOf(tenant, catalogue.id), {
      CCCD: { name: 'Thẻ căn cước công dân', active: true },
      GKS: { name: 'Giấy khai sinh', active: true },
      HC: { name: 'Hộ chiếu', active: true },
    })
    assert.equal((await reloadCatalogue(tenant, catalogue.id)).syncVersion, 3)

    standIn.upsertEntry('LOAI_GIAY_TO', 'CCCD', 'Thẻ căn cước')
    standIn.removeEntry('LOAI_GIAY_TO', 'HC')
    standIn.upsertEntry('LOAI_GIAY_TO', 'GPLX', 'Giấy phép lái xe')
    const second = await syncNow(client, tenant, admin, catalogue.id)
    assert.equal(notice(second), 'Đã đồng bộ danh mục "Loại giấy tờ": thêm 1, cập nhật 1, ngừng sử dụng 1 mục.')
    assert.deepEqual(await entriesOf(tenant, catalogue.id), {
      CCCD: { name: 'Thẻ căn cước', active: true },
      GKS: { name: 'Giấy khai sinh', active: true },
      GPLX: { name: 'Giấy phép lái xe', active: true },
      HC: { name: 'Hộ chiếu', active: false },
    })
    const synced = await reloadCatalogue(tenant, catalogue.id)
    assert.equal(synced.syncVersion, 6)
    assert.isNotNull(synced.lastSyncedAt)
    // Only the changes since the last version were asked for.
    assert.equal(standIn.requests.at(-1), 'GET /catalogues/LOAI_GIAY_TO/entries?since=3&limit=500')

    const quiet = await syncNow(client, tenant, admin, catalogue.id)
    assert.equal(notice(quiet), 'Đã đồng bộ danh mục "Loại giấy tờ": thêm 0, cập nhật 0, ngừng sử dụng 0 mục.')

    // A removed entry that comes back is active again.
    standIn.upsertEntry('LOAI_GIAY_TO', 'HC', 'Hộ chiếu phổ thông')
    const revived = await syncNow(client, tenant, admin, catalogue.id)
    assert.equal(notice(revived), 'Đã đồng bộ danh mục "Loại giấy tờ": thêm 0, cập nhật 1, ngừng sử dụng 0 mục.')
    assert.deepEqual((await entriesOf(tenant, catalogue.id)).HC, { name: 'Hộ chiếu phổ thông', active: true })
  })

  test('GR-6 OS-16.1 a source that is down gives a clear error and writes nothing', async ({ client, assert, cleanup }) => {
    const closed = await startNationalCatalogueServer()
    const closedUrl = closed.url
    await closed.close()
    useNationalCatalogueUrl(closedUrl, cleanup)
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const catalogue = await nationalCatalogue(tenant)
    await withTenant(tenant, () => createEntry(catalogue, { code: 'CCCD', name: 'Căn cước công dân (cũ)' }))
    const before = await entriesOf(tenant, catalogue.id)

    const response = await syncNow(client, tenant, admin, catalogue.id)
    response.assertStatus(303)
    assert.equal(
      formError(response, 'sync'),
      'Không kết nối được hệ thống danh mục dùng chung quốc gia. Không có thay đổi nào được lưu; vui lòng thử lại sau.'
    )
    assert.deepEqual(await entriesOf(tenant, catalogue.id), before)
    const after = await reloadCatalogue(tenant, catalogue.id)
    assert.equal(after.syncVersion, 0)
    assert.isNull(after.lastSyncedAt)

    const page = await client.get(`/quan-tri/danh-muc/${catalogue.id}`).header('host', hostOf(tenant)).loginAs(admin)
    page.assertTextIncludes('Chưa đồng bộ')
  })

  test('GR-6 OS-16.1 garbage, a wrong shape, a 503 or no answer at all: clear error, nothing written', async ({
    client,
    assert,
    cleanup,
  }) => {
    useNationalCatalogueUrl(standIn.url, cleanup, 500)
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const catalogue = await nationalCatalogue(tenant)
    const expected = {
      garbage:
        'Dữ liệu nhận từ hệ thống danh mục dùng chung quốc gia không đúng định dạng. Không có thay đổi nào được lưu.',
      bad_shape:
        'Dữ liệu nhận từ hệ thống danh mục dùng chung quốc gia không đúng định dạng. Không có thay đổi nào được lưu.',
      server_error:
        'Hệ thống danh mục dùng chung quốc gia báo lỗi (mã 503). Không có thay đổi nào được lưu; vui lòng thử lại sau.',
      hang: 'Hệ thống danh mục dùng chung quốc gia không phản hồi sau 0,5 giây. Không có thay đổi nào được lưu; vui lòng thử lại sau.',
    } as const
    for (const [fault, message] of Object.entries(expected)) {
      standIn.fault = fault as keyof typeof expected
      const response = await syncNow(client, tenant, admin, catalogue.id)
      response.assertStatus(303)
      assert.equal(formError(response, 'sync'), message, fault)
      assert.deepEqual(await entriesOf(tenant, catalogue.id), {}, fault)
      assert.equal((await reloadCatalogue(tenant, catalogue.id)).syncVersion, 0, fault)
    }

    standIn.fault = 'none'
    const recovered = await syncNow(client, tenant, admin, catalogue.id)
    assert.equal(notice(recovered), 'Đã đồng bộ danh mục "Loại giấy tờ": thêm 3, cập nhật 0, ngừng sử dụng 0 mục.')
  })

  test('GR-6 OS-16.1 pages are fetched until the end; garbage on a later page leaves nothing half-written', async ({
    assert,
  }) => {
    const tenant = await createTenant()
    const catalogue = await nationalCatalogue(tenant)
    for (let index = 1; index <= 4; index++) standIn.upsertEntry('LOAI_GIAY_TO', `X${index}`, `Giấy tờ ${index}`)

    standIn.fault = 'garbage'
    standIn.faultAfterRequests = 2
    const error = await withTenant(tenant, async () => {
      try {
        await syncCatalogue(catalogue, { baseUrl: standIn.url, pageSize: 2 })
      } catch (caught) {
        return caught
      }
    })
    assert.instanceOf(error, CatalogueSyncError)
    assert.equal((error as CatalogueSyncError).failure, 'bad_response')
    assert.lengthOf(standIn.requests, 3)
    assert.deepEqual(await entriesOf(tenant, catalogue.id), {})

    standIn.fault = 'none'
    const report = await withTenant(tenant, async () => {
      const fresh = await SharedCatalogue.findOrFail(catalogue.id)
      return syncCatalogue(fresh, { baseUrl: standIn.url, pageSize: 2 })
    })
    assert.deepEqual(report, { added: 7, changed: 0, removed: 0, version: 7 })
    assert.lengthOf(Object.keys(await entriesOf(tenant, catalogue.id)), 7)
    assert.deepEqual(standIn.requests.slice(3), [
      'GET /catalogues/LOAI_GIAY_TO/entries?since=0&limit=2',
      'GET /catalogues/LOAI_GIAY_TO/entries?since=2&limit=2',
      'GET /catalogues/LOAI_GIAY_TO/entries?since=4&limit=2',
      'GET /catalogues/LOAI_GIAY_TO/entries?since=6&limit=2',
    ])
  })

  test('GR-6 a catalogue kept locally is not synced; an unknown national code is a clear error', async ({
    client,
    assert,
    cleanup,
  }) => {
    useNationalCatalogueUrl(standIn.url, cleanup)
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const local = await withTenant(tenant, () => createCatalogue({ code: 'NOI_BO', name: 'Nội bộ', kind: 'internal' }))
    const refused = await syncNow(client, tenant, admin, local.id)
    assert.equal(formError(refused, 'sync'), 'Danh mục này do đơn vị quản lý, không đồng bộ từ danh mục quốc gia.')
    assert.lengthOf(standIn.requests, 0)

    const unknown = await nationalCatalogue(tenant, 'KHONG_CO')
    const missing = await syncNow(client, tenant, admin, unknown.id)
    assert.equal(
      formError(missing, 'sync'),
      'Hệ thống danh mục dùng chung quốc gia không có danh mục với mã này. Không có thay đổi nào được lưu.'
    )
  })
})

/* ---------------------------------------------------------------- demo seed */

test.group('OS-16 demo catalogues', () => {
  test('OS-16 seedSharedCatalogues is idempotent and gives a national document-type catalogue', async ({ assert }) => {
    const tenant = await createTenant()
    await withTenant(tenant, () => seedSharedCatalogues())
    await withTenant(tenant, () => seedSharedCatalogues())
    const catalogues = await withTenant(tenant, () => SharedCatalogue.query().orderBy('code'))
    assert.deepEqual(
      catalogues.map((catalogue) => [catalogue.code, catalogue.source]),
      [
        ['KENH_TIEP_NHAN', 'local'],
        ['LOAI_GIAY_TO', 'national'],
      ]
    )
    const documentTypes = await entriesOf(tenant, catalogues[1].id)
    assert.equal(documentTypes.GKS.name, 'Giấy khai sinh')
    assert.lengthOf(Object.keys(documentTypes), 12)
  })
})

/* ---------------------------------------------------------------- who may */

async function ownerWithEntry() {
  const owner = await createTenant()
  const { catalogue, entry } = await withTenant(owner, async () => {
    const created = await createCatalogue({ code: 'RIENG', name: 'Danh mục riêng', kind: 'internal', source: 'national' })
    return { catalogue: created, entry: await createEntry(created, { code: 'E1', name: 'Mục gốc' }) }
  })
  return { owner, catalogue, entry }
}

const CATALOGUE_ROUTES = [
  { method: 'get' as const, path: (id: number) => `/quan-tri/danh-muc/${id}` },
  { method: 'post' as const, path: (id: number) => `/quan-tri/danh-muc/${id}/dong-bo` },
  { method: 'post' as const, path: (id: number) => `/quan-tri/danh-muc/${id}/muc`, form: { code: 'LA', name: 'Kẻ lạ' } },
]

const entryRoutes = (catalogueId: number) => [
  { method: 'get' as const, path: (id: number) => `/quan-tri/danh-muc/${catalogueId}/muc/${id}/sua` },
  { method: 'post' as const, path: (id: number) => `/quan-tri/danh-muc/${catalogueId}/muc/${id}`, form: { name: 'Kẻ lạ' } },
  { method: 'post' as const, path: (id: number) => `/quan-tri/danh-muc/${catalogueId}/muc/${id}/ngung-su-dung` },
  { method: 'post' as const, path: (id: number) => `/quan-tri/danh-muc/${catalogueId}/muc/${id}/su-dung-lai` },
]

test.group('OS-16 only admins, only their own tenant', () => {
  test('OS-16 every catalogue route with an id answers 404 for a record of another tenant', async ({ client, assert, cleanup }) => {
    const standIn = await startNationalCatalogueServer({ seed: { RIENG: { name: 'Riêng', entries: [['E1', 'Đổi']] } } })
    cleanup(() => standIn.close())
    useNationalCatalogueUrl(standIn.url, cleanup)
    const { owner, catalogue, entry } = await ownerWithEntry()
    const intruder = await createIntruder()
    // The intruder's own catalogue, so the entry routes are tried under a catalogue id they own too.
    const intruderCatalogue = await withTenant(intruder.tenant, () =>
      createCatalogue({ code: 'RIENG', name: 'Của kẻ lạ', kind: 'internal' })
    )

    for (const route of CATALOGUE_ROUTES) {
      await assertNotFoundAcrossTenants(client, { ...route, owner, id: catalogue.id, intruder })
    }
    for (const route of [...entryRoutes(catalogue.id), ...entryRoutes(intruderCatalogue.id)]) {
      await assertNotFoundAcrossTenants(client, { ...route, owner, id: entry.id, intruder })
    }

    assert.deepEqual(await entriesOf(owner, catalogue.id), { E1: { name: 'Mục gốc', active: true } })
    assert.equal((await reloadCatalogue(owner, catalogue.id)).syncVersion, 0)
    assert.lengthOf(standIn.requests, 0)
  })

  test('OS-16 a non-admin officer and a citizen get 403 on every catalogue route', async ({ client, assert }) => {
    const { owner: tenant, catalogue, entry } = await ownerWithEntry()
    const handler = await createOfficer(tenant, ['handler', 'receptionist'])
    const citizen = await createCitizen(tenant)
    const routes = [
      { method: 'get' as const, path: '/quan-tri/danh-muc' },
      { method: 'post' as const, path: '/quan-tri/danh-muc', form: { code: 'MOI', name: 'Mới', kind: 'internal', source: 'local' } },
      { method: 'get' as const, path: '/quan-tri/danh-muc/don-vi-hanh-chinh' },
      { method: 'get' as const, path: '/quan-tri/danh-muc/co-quan' },
      ...CATALOGUE_ROUTES.map((route) => ({ ...route, path: route.path(catalogue.id) })),
      ...entryRoutes(catalogue.id).map((route) => ({ ...route, path: route.path(entry.id) })),
    ]
    for (const user of [handler, citizen]) {
      for (const route of routes) {
        const request = client[route.method](route.path).header('host', hostOf(tenant)).loginAs(user).redirects(0)
        if (route.method === 'post') request.withCsrfToken().form('form' in route ? (route.form ?? {}) : {})
        const response = await request
        assert.equal(response.status(), 403, `${route.method.toUpperCase()} ${route.path} as ${user.kind}`)
      }
      const upload = await importFile(client, tenant, user, JSON.stringify(GOOD_FILE))
      assert.equal(upload.status(), 403, `import as ${user.kind}`)
    }
    assert.deepEqual(await entriesOf(tenant, catalogue.id), { E1: { name: 'Mục gốc', active: true } })
    assert.isNull(await withTenant(tenant, () => SharedCatalogue.findBy('code', 'LY_DO_TU_CHOI')))
  })
})
