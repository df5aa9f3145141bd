/* NF-6: one busy indicator, shown while a form is being sent, announced as a status. */
import { test } from '@japa/runner'
import { createTenant, hostOf } from '#tests/helpers/tenants'
import { openPage } from '#tests/helpers/browser'

test('NF-6 the busy indicator shows as soon as a form is sent', async ({ assert, cleanup }) => {
  const tenant = await createTenant()
  const { page, visit } = await openPage(cleanup, hostOf(tenant))
  await visit('/dang-nhap')
  const busy = page.locator('#busy')
  assert.isFalse(await busy.isVisible())
  assert.equal(await busy.getAttribute('role'), 'status')

  // Keep the page where it is after the app's own submit handler has run (registered after it),
  // as if the answer were still on its way over a slow link.
  await page.evaluate(`document.addEventListener('submit', (event) => event.preventDefault())`)
  await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill('001090012345')
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau-1')
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
  await busy.waitFor({ state: 'visible' })
  assert.include(await busy.textContent(), 'Đang xử lý')
})
