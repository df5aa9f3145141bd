/*
 * NF-1 page budgets over the wire on a first visit (empty cache), for every portal page a citizen
 * meets, on the demo tenant with its real catalogue: at most 100 KB each, the home page at most
 * 60 KB. Measured from the DevTools protocol (headers plus compressed bodies).
 */
import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import { withTenant } from '#tenancy/tenant_context'
import Procedure from '#catalog/models/procedure'
import Sector from '#catalog/models/sector'
import Agency from '#users/models/agency'
import { registerDossier } from '#intake/index'
import { servicePath, sectorPath } from '#portal/index'
import { BIRTH_REGISTRATION } from '#database/demo/demo_eforms'
import { ensureDemoData } from '#tests/helpers/demo'
import { TEST_PASSWORD, createCitizen, hostOf } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { openPage, recordTransfers } from '#tests/helpers/browser'

const PAGE_BUDGET = 100 * 1024
const HOME_BUDGET = 60 * 1024

async function firstVisitBytes(page: Page, visit: (path: string) => Promise<void>, path: string) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.clearBrowserCache')
  const transfers = await recordTransfers(page)
  await visit(path)
  await page.waitForLoadState('networkidle')
  const total = transfers.total()
  await transfers.stop()
  return total
}

test('NF-1 every portal page weighs at most 100 KB on a first visit, the home page 60 KB', async ({ assert, cleanup }) => {
  await clearRateLimits()
  const tenant = await ensureDemoData()
  const citizen = await createCitizen(tenant)
  const { procedure, sector, dossierId } = await withTenant(tenant, async () => {
    const found = await Procedure.query().where('name', BIRTH_REGISTRATION).firstOrFail()
    const agency = await Agency.query().orderBy('id').firstOrFail()
    const dossier = await registerDossier({
      procedureId: found.id,
      channel: 'online',
      receivingAgencyId: agency.id,
      applicantId: citizen.id,
      applicant: { fullName: citizen.fullName, nationalId: citizen.nationalId, email: citizen.email },
      statusCode: 'moi_dang_ky',
      event: { action: 'submit', actor: citizen, public: true },
    })
    return { procedure: found, sector: await Sector.findOrFail(found.sectorId), dossierId: dossier.id }
  })

  const { page, visit } = await openPage(cleanup, hostOf(tenant))
  const measured: [string, number][] = []
  const publicPages = [
    '/',
    '/dich-vu-cong',
    '/dich-vu-cong?q=dang+ky+khai+sinh',
    sectorPath(sector),
    servicePath(procedure),
    '/tra-cuu',
    '/tra-cuu/dien-thoai-email',
    '/huong-dan',
    '/huong-dan/muc-do-dich-vu',
    '/so-do-cong',
    '/gioi-thieu',
    '/dang-nhap',
    '/dang-ky',
  ]
  for (const path of publicPages) measured.push([path, await firstVisitBytes(page, visit, path)])

  await visit('/dang-nhap')
  await page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(citizen.nationalId!)
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
  await Promise.all([page.waitForURL('**/tai-khoan'), page.getByRole('button', { name: 'Đăng nhập' }).click()])
  const accountPages = [
    '/tai-khoan',
    '/tai-khoan/thong-tin',
    '/tai-khoan/kho-giay-to',
    '/tai-khoan/thong-bao',
    '/tai-khoan/mat-khau',
    '/tai-khoan/phien-dang-nhap',
    '/ho-so-cua-toi',
    `/ho-so-cua-toi/${dossierId}`,
    `/dich-vu-cong/${procedure.id}/nop-ho-so`,
  ]
  for (const path of accountPages) measured.push([path, await firstVisitBytes(page, visit, path)])

  console.info(measured.map(([path, bytes]) => `${(bytes / 1024).toFixed(1).padStart(6)} KB  ${path}`).join('\n'))
  for (const [path, bytes] of measured) {
    assert.isAtMost(bytes, path === '/' ? HOME_BUDGET : PAGE_BUDGET, `${path} took ${bytes} bytes on a first visit`)
  }
}).timeout(180_000)
