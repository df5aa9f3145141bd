/*
 * The catalog's admin screens in Chromium: statuses, shared catalogues, the working calendar,
 * a procedure's workflow editor with its diagram, its e-form editor and its form templates have
 * no WCAG 2.1 AA violations, at desktop and phone widths.
 */
import { test } from '@japa/runner'
import { createOfficer, createTenant, hostOf, TEST_PASSWORD } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { expectNoAxeViolations, horizontalOverflow, openPage } from '#tests/helpers/browser'
import { addProcedure } from '#catalog/tests/fixtures/procedures'
import { withTenant } from '#tenancy/tenant_context'
import { ensureLegalStatuses } from '#catalog/services/statuses'
import { seedSharedCatalogues } from '#catalog/services/shared_catalogues'

test.group('Catalog settings screens in Chromium', (group) => {
  group.each.setup(() => clearRateLimits())

  test('OS-4 OS-16 OS-3 OS-24 NF-1: catalog admin screens have no WCAG 2.1 AA violations', async ({ assert, cleanup }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    await withTenant(tenant, async () => {
      await ensureLegalStatuses()
      await seedSharedCatalogues()
    })
    const procedure = await addProcedure(tenant)
    const { catalogue, slip } = await withTenant(tenant, async () => {
      const { default: SharedCatalogue } = await import('#catalog/models/shared_catalogue')
      const { default: SlipTemplate } = await import('#catalog/models/slip_template')
      const { ensureDefaultSlipTemplates } = await import('#catalog/services/slip_defaults')
      await ensureDefaultSlipTemplates()
      return { catalogue: await SharedCatalogue.query().firstOrFail(), slip: await SlipTemplate.query().whereNotNull('slipSet').firstOrFail() }
    })
    const { page, visit } = await openPage(cleanup, hostOf(tenant))
    await visit('/dang-nhap')
    await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(admin.email!)
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
    await Promise.all([page.waitForURL('**/mot-cua'), page.keyboard.press('Enter')])

    const screens = [
      '/quan-tri/trang-thai',
      '/quan-tri/danh-muc',
      '/quan-tri/lich-lam-viec',
      '/quan-tri/mau-phieu',
      `/quan-tri/mau-phieu/${slip.id}/sua`,
      '/quan-tri/dong-bo-thu-tuc',
      `/quan-tri/danh-muc/${catalogue.id}`,
      '/quan-tri/danh-muc/don-vi-hanh-chinh',
      '/quan-tri/danh-muc/co-quan',
      '/quan-tri/linh-vuc',
      `/quan-tri/thu-tuc/${procedure.id}/bieu-mau/truong/them?kind=text`,
      `/quan-tri/thu-tuc/${procedure.id}/quy-trinh?mau=leader_approval`,
      `/quan-tri/thu-tuc/${procedure.id}/bieu-mau`,
      `/quan-tri/thu-tuc/${procedure.id}/mau-don`,
    ]
    for (const path of screens) {
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 800 })
        await visit(path)
        await expectNoAxeViolations(page, assert, `${path} at ${width} px`)
        assert.isAtMost(await horizontalOverflow(page), 0, `${path} scrolls sideways at ${width} px`)
      }
    }
  })
})
