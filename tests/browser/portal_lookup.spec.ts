/* The dossier lookup page in Chromium: accessible at desktop and phone widths (NF-1, PT-12). */
import { test } from '@japa/runner'
import { createTenant, hostOf } from '#tests/helpers/tenants'
import { expectNoAxeViolations, horizontalOverflow, openPage } from '#tests/helpers/browser'

test('PT-12 NF-1: the dossier lookup form has no WCAG 2.1 AA violations at 1280 and 320 px', async ({ assert, cleanup }) => {
  const tenant = await createTenant()
  const { page, visit } = await openPage(cleanup, hostOf(tenant))
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 800 })
    await visit('/tra-cuu?ma=000.00.01.H22-260415-0001')
    assert.equal(await page.getByLabel('Mã hồ sơ', { exact: false }).first().inputValue(), '000.00.01.H22-260415-0001')
    await expectNoAxeViolations(page, assert, `/tra-cuu at ${width} px`)
    assert.isAtMost(await horizontalOverflow(page), 0, `/tra-cuu scrolls sideways at ${width} px`)
  }
})
