/*
 * The procedure admin screens in a real browser: the list and the procedure form have no WCAG
 * 2.1 AA violations at 1280 and 320 px, and an admin defines a procedure with two dossier
 * components using the keyboard alone (htmx adds the component row and puts the focus in it).
 */
import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import type Tenant from '#tenancy/tenant'
import type User from '#users/models/user'
import { withTenant } from '#tenancy/tenant_context'
import Agency from '#users/models/agency'
import Sector from '#catalog/models/sector'
import Procedure from '#catalog/models/procedure'
import ProcedureComponent from '#catalog/models/procedure_component'
import ProcedureFee from '#catalog/models/procedure_fee'
import { createOfficer, createTenant, hostOf, TEST_PASSWORD } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { expectNoAxeViolations, horizontalOverflow, openPage } from '#tests/helpers/browser'

async function catalogue(tenant: Tenant) {
  return withTenant(tenant, async () => {
    await Agency.create({ code: 'T01', name: 'Sở Xây dựng' })
    const sector = await Sector.create({ code: 'XD', name: 'Xây dựng', position: 1 })
    await Sector.create({ code: 'HT', name: 'Hộ tịch', position: 2 })
    const procedure = await Procedure.create({
      sectorId: sector.id,
      nationalCode: '1.009994',
      isSampleCode: true,
      name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
      stepsDescription: 'Bước 1: Nộp hồ sơ.\nBước 2: Thẩm định.\nBước 3: Trả kết quả.',
      channels: ['in_person', 'online'],
      legalDeadlineDays: 15,
      resultType: 'Giấy phép xây dựng',
      conditions: '',
      legalBasis: 'Luật Xây dựng số 50/2014/QH13',
      onlineLevel: 3,
      applicantTypes: ['citizen'],
      administrativeLevel: 'commune',
      resultByPost: true,
      resultOnline: false,
      status: 'published',
    })
    await ProcedureComponent.create({ procedureId: procedure.id, position: 0, name: 'Đơn đề nghị cấp giấy phép xây dựng', originalCopies: 1, photocopies: 0, isRequired: true })
    await ProcedureFee.create({ procedureId: procedure.id, kind: 'charge', description: 'Lệ phí cấp giấy phép', amount: 75000 })
    return { sector, procedure }
  })
}

async function logIn(page: Page, visit: (path?: string) => Promise<void>, admin: User) {
  await visit('/dang-nhap')
  await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(admin.email!)
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
  await Promise.all([page.waitForURL('**/mot-cua'), page.keyboard.press('Enter')])
}

test.group('Catalog admin in Chromium', (group) => {
  group.each.setup(() => clearRateLimits())

  test('OS-1.2 NF-1: the procedure list and the procedure form have no WCAG 2.1 AA violations at 1280 and 320 px', async ({
    assert,
    cleanup,
  }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const { procedure } = await catalogue(tenant)
    const { page, visit } = await openPage(cleanup, hostOf(tenant))
    await logIn(page, visit, admin)

    for (const [label, path] of [
      ['the procedure list', '/quan-tri/thu-tuc'],
      ['the procedure form', `/quan-tri/thu-tuc/${procedure.id}/sua`],
      ['the new procedure form', '/quan-tri/thu-tuc/them'],
      ['the procedure page', `/quan-tri/thu-tuc/${procedure.id}`],
    ]) {
      await page.setViewportSize({ width: 1280, height: 800 })
      await visit(path)
      await expectNoAxeViolations(page, assert, `${label} at 1280 px`)
      await page.setViewportSize({ width: 320, height: 640 })
      await expectNoAxeViolations(page, assert, `${label} at 320 px`)
      assert.isAtMost(await horizontalOverflow(page), 0, `${label} scrolls sideways at 320 px`)
    }

    // The filters swap the results alone (htmx) and keep a shareable URL.
    await page.setViewportSize({ width: 1280, height: 800 })
    await visit('/quan-tri/thu-tuc')
    await page.keyboard.press(process.platform === 'darwin' ? 'Control+Alt+4' : 'Alt+4')
    await page.getByLabel('Tìm theo tên hoặc mã thủ tục').fill('ho tich')
    await page.waitForURL((url) => url.search.includes('q=ho'))
    await page.getByText('Không có thủ tục nào', { exact: true }).waitFor()
    await page.getByLabel('Tìm theo tên hoặc mã thủ tục').fill('giay phep')
    await page.getByText('1 thủ tục', { exact: true }).waitFor()
    await expectNoAxeViolations(page, assert, 'the filtered list')
  })

  test('OS-1.2: an admin defines a procedure with two components from the keyboard', async ({ assert, cleanup }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    await catalogue(tenant)
    const { page, visit } = await openPage(cleanup, hostOf(tenant))
    await logIn(page, visit, admin)
    await visit('/quan-tri/thu-tuc/them')

    // Each field is reached by its id and filled by typing, as a keyboard user would.
    const type = async (field: string, text: string) => {
      await page.locator(`#${field}`).focus()
      await page.keyboard.type(text)
    }
    await type('field-name', 'Cấp giấy phép xây dựng có thời hạn đối với nhà ở riêng lẻ')
    await page.locator('#field-sector_id').focus()
    await page.keyboard.press('ArrowDown')
    await type('field-steps_description', 'Bước 1: Nộp hồ sơ.\nBước 2: Thẩm định.\nBước 3: Trả kết quả.')
    await type('field-legal_deadline_days', '15')
    await type('field-result_type', 'Giấy phép xây dựng có thời hạn')
    await type('field-legal_basis', 'Luật Xây dựng số 50/2014/QH13')
    await page.getByRole('checkbox', { name: 'Trực tuyến', exact: true }).focus()
    await page.keyboard.press('Space')

    await type('component-0-name', 'Đơn đề nghị cấp giấy phép xây dựng có thời hạn')
    // "Add a component": htmx brings the new row and puts the focus in its name field.
    await page.getByRole('button', { name: 'Thêm thành phần hồ sơ' }).focus()
    await page.keyboard.press('Enter')
    await page.locator('#component-1-name:focus').waitFor()
    await page.keyboard.type('Bản vẽ thiết kế xây dựng')

    await page.getByRole('button', { name: 'Thêm khoản phí, lệ phí' }).focus()
    await page.keyboard.press('Enter')
    await page.locator('#fee-0-description:focus').waitFor()
    await page.keyboard.type('Lệ phí cấp giấy phép xây dựng')
    await page.keyboard.press('Tab')
    await page.keyboard.type('75.000')

    await page.getByRole('button', { name: 'Lưu thủ tục (bản nháp)' }).focus()
    await Promise.all([page.waitForURL(/\/quan-tri\/thu-tuc\/\d+$/), page.keyboard.press('Enter')])

    const main = (await page.locator('main').textContent()) ?? ''
    assert.include(main, 'Cấp giấy phép xây dựng có thời hạn đối với nhà ở riêng lẻ')
    assert.include(main, 'Đơn đề nghị cấp giấy phép xây dựng có thời hạn')
    assert.include(main, 'Bản vẽ thiết kế xây dựng')
    assert.include(main, '75.000 đ')

    const id = Number(page.url().split('/').pop())
    const saved = await withTenant(tenant, () => Procedure.query().where('id', id).preload('components').firstOrFail())
    assert.deepEqual(saved.components.map((component) => component.name), [
      'Đơn đề nghị cấp giấy phép xây dựng có thời hạn',
      'Bản vẽ thiết kế xây dựng',
    ])
    assert.deepEqual(saved.channels, ['in_person', 'online'])
    assert.equal(saved.status, 'draft')

    // Publishing from the procedure page, by keyboard too.
    await page.getByRole('button', { name: 'Công bố' }).focus()
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')])
    await page.getByText('Đã công bố thủ tục').waitFor()
  })
})
