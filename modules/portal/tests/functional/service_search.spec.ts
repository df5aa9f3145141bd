/*
 * The citizen's catalogue of services over HTTP (PT-3.1, PT-10.1, OL-5, OL-6, NF-2): search
 * without diacritics and with typos, ranking, combinable filters, pagination, the htmx fragment,
 * published-only and own-tenant-only results, the service page and its stable URL, sitemap.xml.
 */
import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import { DateTime } from 'luxon'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import Sector from '#catalog/models/sector'
import Procedure from '#catalog/models/procedure'
import ProcedureFee from '#catalog/models/procedure_fee'
import ProcedureComponent from '#catalog/models/procedure_component'
import FormTemplate from '#catalog/models/form_template'
import Agency from '#users/models/agency'
import { createTenant, hostOf } from '#tests/helpers/tenants'
import { ensureLegalStatuses } from '#catalog/services/statuses'
import { seedDemoWorkflows } from '#database/demo/demo_workflows'
import { servicePath } from '#portal/services/service_urls'

interface Catalogue {
  tenant: Tenant
  procedures: Record<string, Procedure>
  agencies: Record<string, Agency>
}

interface ProcedureSpec {
  name: string
  sector: string
  agency?: string
  onlineLevel?: 1 | 2 | 3 | 4
  administrativeLevel?: Procedure['administrativeLevel']
  resultType?: string
  legalBasis?: string
  status?: Procedure['status']
}

const SECTORS = { XD: 'Xây dựng', HT: 'Hộ tịch', TT: 'Thử nghiệm phân trang' }

/** A tenant of its own with a small catalogue: names, contents and filters chosen per test. */
async function createCatalogue(extra: Record<string, ProcedureSpec> = {}): Promise<Catalogue> {
  const tenant = await createTenant()
  return withTenant(tenant, async () => {
    const sectors: Record<string, Sector> = {}
    for (const [position, [code, name]] of Object.entries(SECTORS).entries()) {
      sectors[code] = await Sector.create({ code, name, position })
    }
    const agencies = {
      construction: await Agency.create({ code: 'SXD', name: 'Sở Xây dựng' }),
      commune: await Agency.create({ code: 'UBX', name: 'Ủy ban nhân dân xã Thử' }),
    }
    const specs: Record<string, ProcedureSpec> = {
      newPermit: {
        name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
        sector: 'XD',
        onlineLevel: 3,
        administrativeLevel: 'province',
        agency: 'construction',
        resultType: 'Giấy phép xây dựng',
      },
      renewal: { name: 'Gia hạn giấy phép xây dựng', sector: 'XD', onlineLevel: 2, administrativeLevel: 'province', agency: 'construction' },
      groundbreaking: {
        name: 'Thông báo khởi công công trình',
        sector: 'XD',
        onlineLevel: 2,
        administrativeLevel: 'province',
        legalBasis: 'Nghị định số 15/2021/NĐ-CP về cấp giấy phép xây dựng và quản lý trật tự xây dựng',
      },
      birth: {
        name: 'Thủ tục đăng ký khai sinh',
        sector: 'HT',
        onlineLevel: 4,
        administrativeLevel: 'commune',
        agency: 'commune',
        resultType: 'Giấy khai sinh (bản chính)',
      },
      marriage: {
        name: 'Thủ tục đăng ký kết hôn',
        sector: 'HT',
        onlineLevel: 3,
        administrativeLevel: 'commune',
        agency: 'commune',
        resultType: 'Giấy chứng nhận kết hôn',
      },
      draft: { name: 'Cấp giấy phép xây dựng công trình tạm', sector: 'XD', onlineLevel: 3, status: 'draft' },
      ...extra,
    }
    const procedures: Record<string, Procedure> = {}
    for (const [key, { sector, agency, ...details }] of Object.entries(specs)) {
      const status = details.status ?? 'published'
      procedures[key] = await Procedure.create({
        legalDeadlineDays: 15,
        stepsDescription: 'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa.\nBước 2: Nhận kết quả.',
        channels: ['in_person', 'online'],
        applicantTypes: ['citizen'],
        isSampleCode: true,
        ...details,
        sectorId: sectors[sector].id,
        status,
        publishedAt: status === 'published' ? DateTime.now() : null,
      })
      if (agency) {
        await procedures[key].related('agencies').attach({ [agencies[agency as keyof typeof agencies].id]: { tenant_id: tenant.id } })
      }
    }
    return { tenant, procedures, agencies }
  })
}

function search(client: any, tenant: Tenant, query: Record<string, string>) {
  return client.get('/dich-vu-cong').qs(query).header('host', hostOf(tenant)) as Promise<ApiResponse>
}

/** The service names listed in a results page, in order. */
function listedNames(response: ApiResponse) {
  return [...response.text().matchAll(/class="service-name"><a href="[^"]+">([^<]+)<\/a>/g)].map((match) => decode(match[1]))
}

function decode(html: string) {
  return html.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"')
}

test.group('Portal: finding a service', () => {
  test('PT-10.1 a name typed without diacritics finds the procedure', async ({ client, assert }) => {
    const { tenant, procedures } = await createCatalogue()
    const response = await search(client, tenant, { q: 'cap giay phep xay dung' })
    response.assertStatus(200)
    const names = listedNames(response)
    assert.equal(names[0], procedures.newPermit.name)
    assert.notInclude(names, procedures.birth.name)
    // With the diacritics typed, the same answer.
    assert.deepEqual(listedNames(await search(client, tenant, { q: 'Cấp giấy phép xây dựng' })), names)
  })

  test('PT-10.1 a typo still finds the procedure (pg_trgm word similarity)', async ({ client, assert }) => {
    const { tenant, procedures } = await createCatalogue()
    const typo = await search(client, tenant, { q: 'giay phep xay dunh' })
    assert.includeMembers(listedNames(typo), [procedures.newPermit.name, procedures.renewal.name])
    assert.notInclude(listedNames(typo), procedures.birth.name)

    const another = await search(client, tenant, { q: 'dang ky khai snh' })
    assert.equal(listedNames(another)[0], procedures.birth.name)
    assert.notInclude(listedNames(another), procedures.newPermit.name)
  })

  test('PT-10.1 content matches too (result type, legal basis), ranked after name matches', async ({ client, assert }) => {
    const { tenant, procedures } = await createCatalogue()
    const byResult = await search(client, tenant, { q: 'giay chung nhan ket hon' })
    assert.deepEqual(listedNames(byResult), [procedures.marriage.name])
    // The sector's name counts as content: "ho tich" lists the civil status services.
    assert.sameMembers(listedNames(await search(client, tenant, { q: 'ho tich' })), [procedures.birth.name, procedures.marriage.name])

    const ranked = listedNames(await search(client, tenant, { q: 'giay phep xay dung' }))
    // Both names hold every word; the content-only match (legal basis) comes last.
    assert.sameMembers(ranked.slice(0, 2), [procedures.newPermit.name, procedures.renewal.name])
    assert.equal(ranked[2], procedures.groundbreaking.name)
    assert.lengthOf(ranked, 3)

    // The closer the name is to the words typed, the higher it ranks.
    const closest = listedNames(await search(client, tenant, { q: 'gia han giay phep xay dung' }))
    assert.equal(closest[0], procedures.renewal.name)
  })

  test('PT-10.1 OL-6 filters combine: sector, agency, online level, administrative level', async ({ client, assert }) => {
    const { tenant, procedures, agencies } = await createCatalogue()
    const host = hostOf(tenant)
    assert.deepEqual(listedNames(await search(client, tenant, { sector: 'XD', level: '3' })), [procedures.newPermit.name])
    assert.sameMembers(listedNames(await search(client, tenant, { agency: String(agencies.commune.id), admin_level: 'commune' })), [
      procedures.birth.name,
      procedures.marriage.name,
    ])
    assert.deepEqual(
      listedNames(await search(client, tenant, { agency: String(agencies.commune.id), level: '4', q: 'khai sinh' })),
      [procedures.birth.name]
    )
    const none = await search(client, tenant, { sector: 'HT', admin_level: 'province' })
    assert.deepEqual(listedNames(none), [])
    none.assertTextIncludes('Không tìm thấy dịch vụ nào')

    // Unknown or malformed filters are ignored or match nothing; they never fail.
    const unknownSector = await search(client, tenant, { sector: 'KHONG-CO' })
    unknownSector.assertStatus(200)
    assert.deepEqual(listedNames(unknownSector), [])
    const malformed = await client.get('/dich-vu-cong?level=9&admin_level=x&agency=abc&page=-1').header('host', host)
    malformed.assertStatus(200)
    assert.lengthOf(listedNames(malformed), 5)

    // The form shows the filters as chosen, so the URL is the whole state.
    const page = await search(client, tenant, { sector: 'XD', level: '3' })
    page.assertTextIncludes('<option value="XD" selected')
    page.assertTextIncludes('<option value="3" selected')
  })

  test('PT-3.1 the list is paginated and page links keep the filters', async ({ client, assert }) => {
    const extra: Record<string, ProcedureSpec> = {}
    for (let index = 1; index <= 25; index++) {
      extra[`test${index}`] = { name: `Thủ tục thử nghiệm số ${String(index).padStart(2, '0')}`, sector: 'TT', onlineLevel: 2 }
    }
    const { tenant } = await createCatalogue(extra)
    const first = await search(client, tenant, { sector: 'TT' })
    first.assertTextIncludes('25 dịch vụ công')
    const firstNames = listedNames(first)
    assert.lengthOf(firstNames, 20)
    assert.equal(firstNames[0], 'Thủ tục thử nghiệm số 01')
    first.assertTextIncludes('href="/dich-vu-cong?sector=TT&amp;page=2" rel="next"')

    const second = await search(client, tenant, { sector: 'TT', page: '2' })
    const secondNames = listedNames(second)
    assert.deepEqual(secondNames, ['21', '22', '23', '24', '25'].map((n) => `Thủ tục thử nghiệm số ${n}`))
    second.assertTextIncludes('<ol class="service-list" start="21">')

    const all = await search(client, tenant, {})
    all.assertTextIncludes('30 dịch vụ công')
  })

  test('htmx gets the results fragment, a plain GET the whole page (Vary: HX-Request)', async ({ client, assert }) => {
    const { tenant, procedures } = await createCatalogue()
    const full = await search(client, tenant, { q: 'khai sinh' })
    full.assertStatus(200)
    assert.include(full.text(), '<!DOCTYPE html>')
    assert.include(String(full.header('vary')), 'HX-Request')
    assert.include(full.text(), 'id="service-results"')

    const fragment = await client
      .get('/dich-vu-cong')
      .qs({ q: 'khai sinh' })
      .header('host', hostOf(tenant))
      .header('HX-Request', 'true')
      .header('HX-Request-Type', 'partial')
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.notInclude(fragment.text(), 'id="service-results"')
    assert.deepEqual(listedNames(fragment), [procedures.birth.name])
    assert.include(String(fragment.header('vary')), 'HX-Request')
    assert.isAtMost(Buffer.byteLength(fragment.text()), 15 * 1024)

    // Back/forward in htmx 4 asks for the full page.
    const restore = await client
      .get('/dich-vu-cong')
      .qs({ q: 'khai sinh' })
      .header('host', hostOf(tenant))
      .header('HX-Request', 'true')
      .header('HX-Request-Type', 'full')
    assert.include(restore.text(), '<!DOCTYPE html>')
  })

  test('PT-3.1 unpublished services are never listed, found, shown or in a sector', async ({ client, assert }) => {
    const { tenant, procedures } = await createCatalogue()
    const host = hostOf(tenant)
    const found = listedNames(await search(client, tenant, { q: 'cong trinh tam' }))
    assert.notInclude(found, procedures.draft.name)
    const all = await search(client, tenant, {})
    assert.notInclude(listedNames(all), procedures.draft.name)
    assert.lengthOf(listedNames(all), 5)

    const page = await client.get(servicePath(procedures.draft)).header('host', host).redirects(0)
    page.assertStatus(404)
    const sector = await client.get('/dich-vu-cong/linh-vuc/XD').header('host', host)
    sector.assertStatus(200)
    assert.notInclude(sector.text(), procedures.draft.name)
    assert.sameMembers(listedNames(sector), [procedures.newPermit.name, procedures.renewal.name, procedures.groundbreaking.name])
  })

  test("another tenant's services are never listed, found or shown", async ({ client, assert }) => {
    const ours = await createCatalogue()
    const theirs = await createCatalogue({
      theirsOnly: { name: 'Cấp giấy phép xây dựng riêng của tỉnh bên', sector: 'XD', onlineLevel: 4 },
    })
    const found = listedNames(await search(client, ours.tenant, { q: 'rieng cua tinh ben' }))
    assert.deepEqual(found, [])
    const all = listedNames(await search(client, ours.tenant, { q: 'giay phep xay dung' }))
    assert.notInclude(all, theirs.procedures.theirsOnly.name)
    assert.lengthOf(all, 3)

    for (const procedure of [theirs.procedures.theirsOnly, theirs.procedures.birth]) {
      const page = await client.get(servicePath(procedure)).header('host', hostOf(ours.tenant)).redirects(0)
      page.assertStatus(404)
      const owner = await client.get(servicePath(procedure)).header('host', hostOf(theirs.tenant)).redirects(0)
      owner.assertStatus(200)
    }
    // Their agency id as a filter on our host matches nothing of theirs.
    const agency = await search(client, ours.tenant, { agency: String(theirs.agencies.construction.id) })
    assert.deepEqual(listedNames(agency), [])
  })

  test('NF-2 a service has one stable readable URL: a wrong or missing slug is a 301 to it', async ({ client, assert }) => {
    const { tenant, procedures } = await createCatalogue()
    const host = hostOf(tenant)
    const canonical = `/dich-vu-cong/${procedures.newPermit.id}-cap-giay-phep-xay-dung-moi-doi-voi-nha-o-rieng-le`
    assert.equal(servicePath(procedures.newPermit), canonical)

    for (const wrong of [`/dich-vu-cong/${procedures.newPermit.id}`, `/dich-vu-cong/${procedures.newPermit.id}-ten-cu`]) {
      const response = await client.get(wrong).header('host', host).redirects(0)
      response.assertStatus(301)
      response.assertHeader('location', canonical)
    }
    const page = await client.get(canonical).header('host', host).redirects(0)
    page.assertStatus(200)
    for (const missing of ['/dich-vu-cong/999999999-khong-co', '/dich-vu-cong/linh-vuc/KHONG-CO']) {
      const response = await client.get(missing).header('host', host).redirects(0)
      response.assertStatus(404)
    }
  })

  test('OL-5 the service page shows every level-1 fact, forms, fees and the way to apply', async ({ client, assert }) => {
    const { tenant, procedures } = await createCatalogue()
    const host = hostOf(tenant)
    const permit = procedures.newPermit
    const template = await withTenant(tenant, async () => {
      await permit.merge({ nationalCode: '1.009999', legalBasis: 'Luật Xây dựng số 50/2014/QH13', conditions: 'Có quyền sử dụng đất hợp pháp' }).save()
      await ProcedureComponent.create({ procedureId: permit.id, position: 0, name: 'Đơn đề nghị cấp giấy phép xây dựng', originalCopies: 1, photocopies: 2, isRequired: true })
      await ProcedureFee.create({ procedureId: permit.id, kind: 'charge', description: 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', amount: 75000 })
      return FormTemplate.create({
        procedureId: permit.id,
        name: 'Mẫu số 01 – Đơn đề nghị cấp giấy phép xây dựng',
        legalBasis: '',
        fileKey: 'forms/test.pdf',
        originalName: 'mau-01.pdf',
        mimeType: 'application/pdf',
        sizeBytes: 46 * 1024,
        checksumSha256: '0'.repeat(64),
      })
    })

    const page = await client.get(servicePath(permit)).header('host', host)
    if (page.status() !== 200) console.log(page.text().slice(0, 3000))
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, `<title>${permit.name} | ${tenant.name}</title>`)
    assert.match(html, /<meta name="description" content="Cấp giấy phép xây dựng mới[^"]*15 ngày làm việc/)
    for (const expected of [
      '1.009999',
      '(mã mẫu)',
      'Xây dựng',
      'Sở Xây dựng',
      'Mức độ 3',
      'Cấp tỉnh',
      'Nộp trực tiếp tại Bộ phận Một cửa; Nộp trực tuyến trên Cổng Dịch vụ công',
      '15 ngày làm việc',
      'Giấy phép xây dựng',
      'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa.',
      'Đơn đề nghị cấp giấy phép xây dựng</th>',
      '75.000 đ',
      'Có quyền sử dụng đất hợp pháp',
      'Luật Xây dựng số 50/2014/QH13',
      `<a href="/mau-don/${template.id}/tai-ve">Mẫu số 01 – Đơn đề nghị cấp giấy phép xây dựng</a> (PDF, 46 KB)`,
    ]) {
      assert.include(decode(html), expected)
    }
    // Level 3: a visitor is sent to log in first, then on to the online application.
    const applyPath = `/dich-vu-cong/${permit.id}/nop-ho-so`
    assert.include(html, `href="/dang-nhap?return_to=${encodeURIComponent(applyPath)}">Nộp hồ sơ trực tuyến</a>`)

    // Structured data for search engines: schema.org GovernmentService, absolute URL on the tenant's host.
    const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)
    assert.exists(jsonLd)
    const data = JSON.parse(jsonLd![1])
    assert.equal(data['@type'], 'GovernmentService')
    assert.equal(data.name, permit.name)
    assert.match(data.url, new RegExp(`^http://${host.replace(/\./g, '\\.')}(:\\d+)?${servicePath(permit)}$`))
    assert.notProperty(data, 'identifier', 'a sample code must not be published as an identifier')
    assert.deepEqual(data.offers[0], { '@type': 'Offer', 'name': 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', 'price': 75000, 'priceCurrency': 'VND' })

    // Level 2: no online application, forms and counter instead.
    const renewal = await client.get(servicePath(procedures.renewal)).header('host', host)
    assert.notInclude(renewal.text(), 'Nộp hồ sơ trực tuyến</a>')
    renewal.assertTextIncludes('Thủ tục này chưa nộp trực tuyến được')
  })

  test('OS-24 the service page lists the workflow steps in words', async ({ client, assert }) => {
    const { tenant, procedures } = await createCatalogue()
    await withTenant(tenant, () => ensureLegalStatuses())
    // The demo's workflow templates, on this tenant's procedures.
    await seedDemoWorkflows(tenant)
    const page = await client.get(servicePath(procedures.birth)).header('host', hostOf(tenant))
    page.assertStatus(200)
    const list = /<ol class="workflow-text">([\s\S]*?)<\/ol>/.exec(page.text())
    assert.exists(list, 'no workflow steps on the service page')
    assert.isAtLeast([...list![1].matchAll(/<li>/g)].length, 2)
    assert.include(list![1], 'thời hạn')

    const withoutWorkflow = await createCatalogue()
    const none = await client.get(servicePath(withoutWorkflow.procedures.birth)).header('host', hostOf(withoutWorkflow.tenant))
    none.assertTextIncludes('Chưa công bố quy trình giải quyết chi tiết.')
  })

  test('NF-2 OL-11a the home page links every sector with services, and each sector page lists them', async ({ client, assert }) => {
    const { tenant, procedures } = await createCatalogue()
    const home = await client.get('/').header('host', hostOf(tenant))
    home.assertStatus(200)
    home.assertTextIncludes('<a href="/dich-vu-cong/linh-vuc/XD">Xây dựng (3)</a>')
    home.assertTextIncludes('<a href="/dich-vu-cong/linh-vuc/HT">Hộ tịch (2)</a>')
    assert.notInclude(home.text(), '/dich-vu-cong/linh-vuc/TT', 'a sector without published services is not offered')
    home.assertTextIncludes(`href="${servicePath(procedures.newPermit)}"`)
    home.assertTextIncludes('href="/dich-vu-cong?level=4"')
    assert.notInclude(home.text(), procedures.draft.name)
  })

  test('NF-2 sitemap.xml lists exactly the published services, with absolute URLs on the tenant host', async ({ client, assert }) => {
    const { tenant, procedures } = await createCatalogue()
    await createCatalogue({ elsewhere: { name: 'Dịch vụ của tỉnh khác', sector: 'HT', onlineLevel: 2 } })
    const host = hostOf(tenant)
    const response = await client.get('/sitemap.xml').header('host', `${host}:3333`)
    response.assertStatus(200)
    assert.match(String(response.header('content-type')), /^application\/xml/)
    const locations = [...response.text().matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])
    for (const location of locations) assert.isTrue(location.startsWith(`http://${host}:3333/`), location)
    const servicePaths = locations
      .map((location) => location.replace(`http://${host}:3333`, ''))
      .filter((path) => /^\/dich-vu-cong\/\d+-/.test(path))
    const published = Object.values(procedures).filter((procedure) => procedure.status === 'published')
    assert.sameMembers(servicePaths, published.map(servicePath))
    assert.include(locations, `http://${host}:3333/dich-vu-cong/linh-vuc/XD`)

    const robots = await client.get('/robots.txt').header('host', `${host}:3333`)
    robots.assertStatus(200)
    robots.assertTextIncludes(`Sitemap: http://${host}:3333/sitemap.xml`)
    robots.assertTextIncludes('Disallow: /quan-tri')
  })
})
