/*
 * PT-15.2 c: the admin's screen for the counter's address, the end of the postal legs the apply
 * form quotes. What the admin saves is what the portal's quote (counterAddress() of
 * modules/portal/apply/postage.ts) uses; without JavaScript the communes come one province at a
 * time after "Chọn tỉnh", with htmx as a small fragment.
 */
import { test } from '@japa/runner'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import { createOfficer, createTenant, hostOf } from '#tests/helpers/tenants'
import { fieldErrors } from '#tests/helpers/forms'
import { administrativeUnits } from '#catalog/index'
import { counterAddressInUse } from '#integration/index'
import { counterAddress } from '#portal/apply/postage'

const PAGE = '/quan-tri/ket-noi/buu-chinh'
const HAI_CHAU = { province: '48', commune: '20242' }

async function storedSettings(tenant: Tenant): Promise<Record<string, any>> {
  return withTenant(tenant, async ({ client }) => (await client.from('tenants').where('id', tenant.id).select('settings').first()).settings)
}

/** What the apply form's quote uses, as a fresh request would load the tenant. */
async function quotedFrom(tenant: Tenant) {
  await tenant.refresh()
  return withTenant(tenant, () => counterAddress())
}

/** The values of the options of the select named `name` in a page. */
function optionsOf(html: string, name: string) {
  const select = html.match(new RegExp(`<select[^>]*name="${name.replace(/[[\]]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</select>`))
  return select ? [...select[1].matchAll(/<option value="([^"]*)"/g)].map((match) => match[1]) : []
}

async function communeCodes(province: string) {
  return (await administrativeUnits.communesOf(province)).map((unit) => unit.code)
}

test.group('PT-15.2 counter address: the admin screen', () => {
  test('PT-15.2 an admin saves the counter\'s province and commune; the apply form\'s quote uses it; other settings are kept', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    await withTenant(tenant, ({ client: db }) => db.from('tenants').where('id', tenant.id).update({ settings: JSON.stringify({ slipSet: '2025' }) }))
    const post = (form: Record<string, string>) =>
      client.post(PAGE).header('host', hostOf(tenant)).loginAs(admin).withCsrfToken().form(form).redirects(0)

    const empty = await client.get(PAGE).header('host', hostOf(tenant)).loginAs(admin)
    empty.assertStatus(200)
    empty.assertTextIncludes('<h1>Địa chỉ bộ phận một cửa (tính cước bưu chính)</h1>')
    empty.assertTextIncludes('Chưa xác định được địa chỉ của bộ phận một cửa.')
    empty.assertTextIncludes('mẫu nộp hồ sơ không báo cước bưu chính dự kiến')
    empty.assertTextIncludes('href="/quan-tri/ket-noi/buu-chinh" aria-current="page"')
    assert.deepEqual(optionsOf(empty.text(), 'commune'), [''], 'no communes before a province is chosen')
    assert.isNull(await quotedFrom(tenant))

    const saved = await post({ province: HAI_CHAU.province, commune: HAI_CHAU.commune, action: 'luu' })
    saved.assertStatus(303)
    saved.assertHeader('location', PAGE)
    assert.equal(
      (saved.flashMessages() as any)?.notice,
      'Đã lưu. Cước bưu chính trên mẫu nộp hồ sơ được tính với địa chỉ Phường Hải Châu, Thành phố Đà Nẵng.'
    )
    const settings = await storedSettings(tenant)
    assert.deepEqual(settings.counterAddress, HAI_CHAU)
    assert.equal(settings.slipSet, '2025', 'other settings are kept')
    assert.deepEqual(await quotedFrom(tenant), { provinceCode: '48', communeCode: '20242' })

    const page = await client.get(PAGE).header('host', hostOf(tenant)).loginAs(admin)
    page.assertTextIncludes('<strong>Phường Hải Châu, Thành phố Đà Nẵng</strong>')
    page.assertTextIncludes('Địa chỉ này do quản trị viên đã lưu.')
    page.assertTextIncludes('<option value="48" selected>')
    page.assertTextIncludes('<option value="20242" selected>')
    assert.deepEqual(optionsOf(page.text(), 'commune'), ['', ...(await communeCodes('48'))])

    // "Bỏ địa chỉ đã lưu" removes it (and only it); so does saving with no province.
    const cleared = await post({ action: 'bo' })
    cleared.assertStatus(303)
    assert.include((cleared.flashMessages() as any)?.notice, 'Đã bỏ địa chỉ đã lưu.')
    assert.notProperty(await storedSettings(tenant), 'counterAddress')
    assert.equal((await storedSettings(tenant)).slipSet, '2025')
    assert.isNull(await quotedFrom(tenant))
    await post({ province: '01', commune: '00070', action: 'luu' })
    assert.deepEqual(await quotedFrom(tenant), { provinceCode: '01', communeCode: '00070' })
    const emptied = await post({ province: '', commune: '', action: 'luu' })
    emptied.assertStatus(303)
    assert.notProperty(await storedSettings(tenant), 'counterAddress')

    // Another tenant's screen and quote know nothing of this one's address.
    await post({ province: HAI_CHAU.province, commune: HAI_CHAU.commune, action: 'luu' })
    const other = await createTenant()
    const otherAdmin = await createOfficer(other, ['admin'])
    const otherPage = await client.get(PAGE).header('host', hostOf(other)).loginAs(otherAdmin)
    otherPage.assertTextIncludes('Chưa xác định được địa chỉ của bộ phận một cửa.')
    assert.isNull(await quotedFrom(other))
  })

  test('PT-15.2 without a saved address the screen shows the one derived from the tenant\'s name and contact address, as the quote does', async ({ client, assert }) => {
    const ministry = await createTenant({ name: 'Bộ Tư pháp', kind: 'ministry' })
    ministry.contact = { ...ministry.contact, address: '58–60 Trần Phú, phường Ba Đình, Thành phố Hà Nội' }
    await ministry.save()
    const admin = await createOfficer(ministry, ['admin'])

    const page = await client.get(PAGE).header('host', hostOf(ministry)).loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes('<strong>Phường Ba Đình, Thành phố Hà Nội</strong>')
    page.assertTextIncludes('Chưa lưu địa chỉ nào: địa chỉ trên được suy ra từ tên cơ quan và địa chỉ liên hệ (58–60 Trần Phú, phường Ba Đình, Thành phố Hà Nội).')
    page.assertTextIncludes('<option value="00004" selected>')
    assert.notInclude(page.text(), 'Bỏ địa chỉ đã lưu</button>', 'nothing stored, nothing to remove')

    const inUse = await withTenant(ministry, () => counterAddressInUse())
    assert.deepEqual(inUse, { source: 'derived', provinceCode: '01', communeCode: '00004' })
    assert.deepEqual(await quotedFrom(ministry), { provinceCode: '01', communeCode: '00004' })
  })

  test('PT-15.2 a commune outside the province, an unknown province or no commune is refused at the field in Vietnamese and nothing is saved', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const post = (form: Record<string, string>) =>
      client.post(PAGE).header('host', hostOf(tenant)).loginAs(admin).withCsrfToken().form({ action: 'luu', ...form }).redirects(0)
    await post({ province: '01', commune: '00070' })

    const elsewhere = await post({ province: '01', commune: HAI_CHAU.commune })
    elsewhere.assertStatus(302)
    elsewhere.assertHeader('location', PAGE)
    assert.deepEqual(fieldErrors(elsewhere, 'commune'), [
      'Xã, phường đã chọn không thuộc tỉnh, thành phố đã chọn. Vui lòng chọn lại xã, phường.',
    ])
    assert.deepEqual(fieldErrors(elsewhere, 'province'), [])

    const unknown = await post({ province: '99', commune: HAI_CHAU.commune })
    assert.deepEqual(fieldErrors(unknown, 'province'), [
      'Tỉnh, thành phố đã chọn không có trong danh mục đơn vị hành chính. Vui lòng chọn lại trong danh sách.',
    ])
    const communeAsProvince = await post({ province: '00070', commune: '00070' })
    assert.lengthOf(fieldErrors(communeAsProvince, 'province'), 1)

    const noCommune = await post({ province: HAI_CHAU.province, commune: '' })
    assert.deepEqual(fieldErrors(noCommune, 'commune'), ['Vui lòng chọn xã, phường của bộ phận một cửa.'])

    assert.deepEqual((await storedSettings(tenant)).counterAddress, { province: '01', commune: '00070' })
    assert.deepEqual(await quotedFrom(tenant), { provinceCode: '01', communeCode: '00070' })

    // The refused form comes back with the error at the field and the province's communes.
    const shown = await client
      .get(PAGE)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withFlashMessages({
        province: '48',
        commune: '00070',
        inputErrorsBag: { commune: ['Xã, phường đã chọn không thuộc tỉnh, thành phố đã chọn. Vui lòng chọn lại xã, phường.'] },
      })
    shown.assertTextIncludes('<p class="field-error" id="field-commune-error">Xã, phường đã chọn không thuộc tỉnh, thành phố đã chọn.')
    shown.assertTextIncludes('aria-invalid="true"')
    assert.deepEqual(optionsOf(shown.text(), 'commune'), ['', ...(await communeCodes('48'))])
  })

  test('PT-15.2 without JavaScript "Chọn tỉnh" brings only the chosen province\'s communes', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const choose = (province: string) =>
      client
        .post(PAGE)
        .header('host', hostOf(tenant))
        .loginAs(admin)
        .withCsrfToken()
        .form({ province, commune: '', action: 'chon-tinh' })
        .redirects(0)

    const chosen = await choose(HAI_CHAU.province)
    chosen.assertStatus(303)
    chosen.assertHeader('location', `${PAGE}?province=48`)
    assert.notProperty(await storedSettings(tenant), 'counterAddress', 'choosing a province saves nothing')

    const page = await client.get(`${PAGE}?province=48`).header('host', hostOf(tenant)).loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes('<option value="48" selected>')
    const offered = optionsOf(page.text(), 'commune')
    assert.deepEqual(offered, ['', ...(await communeCodes('48'))])
    assert.notInclude(offered, '00070', 'no commune of another province')
    assert.isBelow(offered.length, 200)
    page.assertTextIncludes(`${offered.length - 1} xã, phường của Thành phố Đà Nẵng.`)

    const none = await choose('')
    assert.deepEqual(fieldErrors(none, 'province'), ['Vui lòng chọn tỉnh, thành phố trong danh sách rồi bấm Chọn tỉnh.'])
    const unknown = await choose('99')
    assert.lengthOf(fieldErrors(unknown, 'province'), 1)
  })

  test('PT-15.2 with htmx a province change fetches a small fragment with that province\'s communes only', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const fragment = await client
      .get(`${PAGE}?province=01`)
      .header('host', hostOf(tenant))
      .header('HX-Request', 'true')
      .header('HX-Request-Type', 'partial')
      .loginAs(admin)
    fragment.assertStatus(200)
    assert.include(fragment.header('vary') ?? '', 'HX-Request-Type')
    const html = fragment.text()
    assert.notInclude(html, '<html')
    assert.notInclude(html, 'name="province"')
    assert.include(html, '<label for="field-commune">')
    assert.deepEqual(optionsOf(html, 'commune'), ['', ...(await communeCodes('01'))])
    assert.isBelow(Buffer.byteLength(html), 16_000)

    const nothing = await client
      .get(`${PAGE}?province=99`)
      .header('host', hostOf(tenant))
      .header('HX-Request', 'true')
      .header('HX-Request-Type', 'partial')
      .loginAs(admin)
    nothing.assertStatus(200)
    assert.deepEqual(optionsOf(nothing.text(), 'commune'), [''])
  })

  test('PT-15.2 officers other than admins get 403 and change nothing; guests are sent to log in', async ({ client, assert }) => {
    const tenant = await createTenant()
    const officer = await createOfficer(tenant, ['receptionist', 'handler', 'dept_head', 'editor'])

    const page = await client.get(PAGE).header('host', hostOf(tenant)).loginAs(officer)
    page.assertStatus(403)
    const fragment = await client.get(`${PAGE}?province=01`).header('host', hostOf(tenant)).header('HX-Request', 'true').header('HX-Request-Type', 'partial').loginAs(officer)
    fragment.assertStatus(403)
    const post = await client
      .post(PAGE)
      .header('host', hostOf(tenant))
      .loginAs(officer)
      .withCsrfToken()
      .form({ ...HAI_CHAU, action: 'luu' })
      .redirects(0)
    post.assertStatus(403)
    assert.notProperty(await storedSettings(tenant), 'counterAddress')

    const guest = await client.get(PAGE).header('host', hostOf(tenant)).redirects(0)
    guest.assertStatus(302)
    guest.assertHeader('location', '/dang-nhap?return_to=%2Fquan-tri%2Fket-noi%2Fbuu-chinh')
  })
})
