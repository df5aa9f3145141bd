/*
 * Issue 3's first acceptance path in Chromium: an admin defines a procedure with components and
 * a fee, gives it an e-form field and a four-step workflow from the template library, sees the
 * diagram, publishes it, and the catalogue read service offers it.
 */
import { test } from '@japa/runner'
import { createOfficer, createTenant, hostOf, TEST_PASSWORD } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { expectNoAxeViolations, openPage } from '#tests/helpers/browser'
import { withTenant } from '#tenancy/tenant_context'
import Sector from '#catalog/models/sector'
import Eform from '#catalog/models/eform'
import { listPublishedProcedures } from '#catalog/services/procedure_catalogue'
import { currentWorkflow } from '#catalog/queries/workflows'
import Procedure from '#catalog/models/procedure'

test.group('Defining a procedure in Chromium', (group) => {
  group.each.setup(() => clearRateLimits())

  test('OS-1.2 OS-3.1 OS-24 PT-1.2: procedure, e-form, four-step workflow with its diagram, published and offered', async ({
    assert,
    cleanup,
  }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    await withTenant(tenant, () => Sector.create({ code: 'XD', name: 'Xây dựng', position: 1 }))
    const { page, visit } = await openPage(cleanup, hostOf(tenant))
    await visit('/dang-nhap')
    await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(admin.email!)
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
    await Promise.all([page.waitForURL('**/mot-cua'), page.keyboard.press('Enter')])

    await visit('/quan-tri/thu-tuc/them')
    await page.locator('#field-name').fill('Cấp giấy phép sửa chữa, cải tạo công trình')
    await page.locator('#field-sector_id').selectOption({ label: 'Xây dựng' })
    await page.locator('#field-steps_description').fill('Bước 1: Nộp hồ sơ.\nBước 2: Thẩm định.\nBước 3: Trả kết quả.')
    await page.locator('#field-legal_deadline_days').fill('10')
    await page.locator('#field-result_type').fill('Giấy phép sửa chữa, cải tạo')
    await page.locator('#field-legal_basis').fill('Luật Xây dựng số 50/2014/QH13')
    await page.locator('#component-0-name').fill('Đơn đề nghị cấp giấy phép')
    await page.getByRole('button', { name: 'Thêm thành phần hồ sơ' }).click()
    await page.locator('#component-1-name').fill('Bản vẽ hiện trạng công trình')
    await page.getByRole('button', { name: 'Thêm khoản phí, lệ phí' }).click()
    await page.locator('#fee-0-description').fill('Lệ phí cấp giấy phép')
    await page.locator('#fee-0-description').press('Tab')
    await page.keyboard.type('75.000')
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Lưu thủ tục (bản nháp)' }).click()])
    assert.match(new URL(page.url()).pathname, /^\/quan-tri\/thu-tuc\/\d+$/, (await page.locator('.error-summary').textContent().catch(() => '')) ?? '')
    const id = Number(new URL(page.url()).pathname.split('/').pop())

    // E-form: one text field, prefilled from the applicant's profile.
    await visit(`/quan-tri/thu-tuc/${id}/bieu-mau`)
    await page.locator('#new-kind').selectOption('text')
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Tiếp tục' }).first().click()])
    await page.locator('#field-label').fill('Họ và tên chủ đầu tư')
    await page.locator('#field-key').fill('chu_dau_tu')
    await Promise.all([page.waitForLoadState('load'), page.locator('form button[type="submit"]').last().click()])

    // Workflow: the department-and-leader template, saved as version 1.
    await visit(`/quan-tri/thu-tuc/${id}/quy-trinh`)
    await page.locator('#field-mau').selectOption('leader_approval')
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Dùng mẫu này' }).click()])
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Lưu quy trình' }).click()])
    const diagram = page.locator('svg[role="img"]').first()
    await diagram.waitFor()
    assert.include(await diagram.locator('title').textContent(), 'Cấp giấy phép sửa chữa, cải tạo công trình')
    await expectNoAxeViolations(page, assert, 'the workflow page with its diagram')

    // The procedure page shows the diagram too; publish from there.
    await visit(`/quan-tri/thu-tuc/${id}`)
    await page.locator('svg[role="img"]').first().waitFor()
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Công bố' }).click()])
    await page.getByText('Đã công bố thủ tục').waitFor()

    await withTenant(tenant, async () => {
      const offered = await listPublishedProcedures({ q: 'sua chua cai tao' })
      assert.deepEqual(offered.all().map((procedure) => procedure.id), [id])
      const procedure = await Procedure.findOrFail(id)
      const workflow = await currentWorkflow(procedure)
      assert.equal(workflow!.version, 1)
      assert.isAtLeast(workflow!.steps.length, 4)
      const eform = await Eform.query().where('procedureId', id).where('isCurrent', true).firstOrFail()
      assert.deepEqual(
        (eform.fields as Array<{ key: string }>).map((field) => field.key),
        ['chu_dau_tu']
      )
    })
  })
})
