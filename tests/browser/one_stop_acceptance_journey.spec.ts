/*
 * Issue 5, first acceptance point, in Chromium, as new users would do it: a citizen files
 * "Thủ tục đăng ký khai sinh" online on the Hà Nội demo portal (through the portal's apply form,
 * with JavaScript off as in portal_apply.spec.ts: plain form posts, the quickest real way in),
 * then each demo officer logs in through the login form and does their part:
 *  1. the receptionist accepts it from the online intake queue; the receipt slip PDF carries the code;
 *  2. forwards it ("Chuyển xử lý"), the department head assigns it, the handler takes it up;
 *  3. the handler asks the leadership for an opinion, the leader answers from the consulted
 *     department's queue, the dossier stays with the handler;
 *  4. the handler attaches the result document and submits it ("Trình ký"), the department head
 *     approves it (the birth registration's demo workflow is the single-department template);
 *  5. the receptionist returns the electronic result into the applicant's account;
 *  6. the citizen logs in, sees in My dossiers every Appendix I status the path passed with its
 *     detail in the public timeline, and downloads the result file.
 */
import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import { DateTime } from 'luxon'
import type { Page } from 'playwright-core'
import { withTenant } from '#tenancy/tenant_context'
import type Tenant from '#tenancy/tenant'
import Procedure from '#catalog/models/procedure'
import ProcedureComponent from '#catalog/models/procedure_component'
import { Dossier } from '#intake/index'
import User from '#users/models/user'
import { ensureDemoData } from '#tests/helpers/demo'
import { TEST_PASSWORD, createCitizen, hostOf } from '#tests/helpers/tenants'
import { clearRateLimits } from '#tests/helpers/accounts'
import { openPage, type BrowserPage } from '#tests/helpers/browser'
import { fillBirthDeclaration, pdfNamed } from '#tests/helpers/apply_form'
import { minimalPdf } from '#intake/tests/fixtures/files'
import { pdfText } from '#intake/tests/document_readers'
import { BIRTH_REGISTRATION } from '#database/demo/demo_eforms'
import { DEMO_PASSWORD } from '#database/demo/demo_tenants'
import { servicePath } from '#portal/index'
import type { TestContext } from '@japa/runner/core'

const OFFICERS = {
  receptionist: 'motcua@hanoi.example.vn',
  deptHead: 'truongphong@hanoi.example.vn',
  handler: 'thuly@hanoi.example.vn',
  leader: 'lanhdao@hanoi.example.vn',
}

/** A fresh browser context, logged in through the login form as this demo officer. */
async function officerTab(cleanup: TestContext['cleanup'], tenant: Tenant, email: string): Promise<BrowserPage> {
  const tab = await openPage(cleanup, hostOf(tenant))
  await tab.visit('/dang-nhap')
  await tab.page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(email)
  await tab.page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
  await Promise.all([tab.page.waitForURL('**/mot-cua'), tab.page.keyboard.press('Enter')])
  return tab
}

/** The action form of the dossier panel whose legend is this action, submitted (htmx swaps the panel). */
async function act(page: Page, action: string, comment: string) {
  const form = page.locator('form', { has: page.locator('legend', { hasText: action }) })
  await form.getByLabel('Ý kiến (không bắt buộc)').fill(comment)
  await form.getByRole('button', { name: action }).click()
  await page.getByRole('status').filter({ hasText: `Đã thực hiện “${action}”` }).waitFor()
}

/**
 * A file fetched by the page itself, with its session cookie: Playwright's own request client
 * resolves names with Node, which does not know `*.localhost` tenant hosts as Chromium does.
 */
async function fetchInPage(page: Page, path: string) {
  const answer = await page.evaluate(async (url) => {
    const response = await fetch(url)
    const bytes = new Uint8Array(await response.arrayBuffer())
    let binary = ''
    for (const byte of bytes) binary += String.fromCharCode(byte)
    return { status: response.status, type: response.headers.get('content-type') ?? '', base64: btoa(binary) }
  }, path)
  return { status: answer.status, type: answer.type, body: Buffer.from(answer.base64, 'base64') }
}

async function reload(tenant: Tenant, id: number) {
  return withTenant(tenant, () => Dossier.findOrFail(id))
}

/** A working day a week ahead, as the consultation's due date is typed (DD/MM/YYYY). */
function dueDateAhead() {
  let day = DateTime.now().setZone('Asia/Ho_Chi_Minh').plus({ days: 7 })
  while (day.weekday > 5) day = day.plus({ days: 1 })
  return day.toFormat('dd/MM/yyyy')
}

test.group('Issue 5 acceptance: an online dossier from intake to returned result, in Chromium', (group) => {
  group.each.setup(() => clearRateLimits())

  test('OS-5 OS-7 OS-8.6 OS-9 OS-10 OS-12 PT-16 ST: filed online, accepted with a slip, assigned, consulted, approved, returned electronically, followed and downloaded by the citizen', async ({
    assert,
    cleanup,
  }) => {
    const tenant = await ensureDemoData()
    const host = hostOf(tenant)
    const { procedure, required, handler } = await withTenant(tenant, async () => {
      const found = await Procedure.query().where('name', BIRTH_REGISTRATION).firstOrFail()
      return {
        procedure: found,
        required: await ProcedureComponent.query().where('procedure_id', found.id).where('is_required', true).orderBy('position'),
        handler: await User.query().where('email', OFFICERS.handler).firstOrFail(),
      }
    })
    const citizen = await createCitizen(tenant)

    // 0. The citizen files online (JavaScript off: plain form posts).
    const portal = await openPage(cleanup, host, { javaScriptEnabled: false })
    await portal.visit(servicePath(procedure))
    await Promise.all([portal.page.waitForURL('**/dang-nhap**'), portal.page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click()])
    await portal.page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(citizen.nationalId!)
    await portal.page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
    await Promise.all([portal.page.waitForURL(`**/dich-vu-cong/${procedure.id}/nop-ho-so`), portal.page.getByRole('button', { name: 'Đăng nhập' }).click()])
    await fillBirthDeclaration(portal.page)
    await Promise.all([portal.page.waitForLoadState('load'), portal.page.locator('.form-actions button[value="save"]').click()])
    await portal.page.getByText('Đã lưu bản nháp.').waitFor()
    await portal.page.locator('#eform-residence-commune').selectOption({ index: 1 })
    await portal.page.locator('#eform-residence-detail').fill('12 Tràng Tiền')
    for (const [index, component] of required.entries()) {
      await portal.page.locator(`#file-c${component.id}`).setInputFiles(pdfNamed(`giay-to-${index + 1}.pdf`, `Giay to ${index + 1}`))
    }
    await Promise.all([portal.page.waitForURL('**/nop-ho-so/da-nop/**'), portal.page.getByRole('button', { name: 'Nộp hồ sơ' }).click()])
    const code = (await portal.page.locator('#dossier-code').textContent())!.trim()
    const { id } = await withTenant(tenant, () => Dossier.query().where('code', code).firstOrFail())
    assert.equal((await reload(tenant, id)).statusCode, 'moi_dang_ky')
    assert.equal((await reload(tenant, id)).channel, 'online')

    // 1. The receptionist accepts it from the online intake queue; the receipt slip carries the code.
    const counter = await officerTab(cleanup, tenant, OFFICERS.receptionist)
    await Promise.all([counter.page.waitForURL('**/mot-cua/tiep-nhan'), counter.page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click()])
    await Promise.all([
      counter.page.waitForURL(`**/mot-cua/tiep-nhan/ho-so/${id}`),
      counter.page.getByRole('link', { name: new RegExp(code.replace(/\./g, '\\.')) }).click(),
    ])
    await Promise.all([counter.page.waitForURL(`**/mot-cua/ho-so/${id}`), counter.page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click()])
    assert.equal((await reload(tenant, id)).statusCode, 'duoc_tiep_nhan')
    const slip = await fetchInPage(counter.page, `/mot-cua/ho-so/${id}/phieu/tiep-nhan.pdf`)
    assert.equal(slip.status, 200)
    assert.include(slip.type, 'application/pdf')
    assert.include(await pdfText(slip.body), code)

    // 2. Forwarded by the counter, assigned by the department head, taken up by the handler.
    await act(counter.page, 'Chuyển xử lý', 'Chuyển Phòng Quản lý đô thị xử lý')
    assert.equal((await reload(tenant, id)).statusCode, 'dang_xu_ly')

    const head = await officerTab(cleanup, tenant, OFFICERS.deptHead)
    await Promise.all([head.page.waitForURL('**/mot-cua/phan-cong'), head.page.getByRole('link', { name: 'Phân công thụ lý' }).click()])
    await head.page.getByLabel(`Cán bộ cho hồ sơ ${code}`).selectOption(String(handler.id))
    await head.page
      .locator('form', { has: head.page.getByLabel(`Cán bộ cho hồ sơ ${code}`) })
      .getByRole('button', { name: 'Phân công thụ lý' })
      .click()
    await head.page.getByRole('status').filter({ hasText: 'Đã thực hiện “Phân công thụ lý”' }).waitFor()
    assert.equal((await reload(tenant, id)).currentStepKey, 'thu_ly')

    const desk = await officerTab(cleanup, tenant, OFFICERS.handler)
    await Promise.all([desk.page.waitForURL('**/mot-cua/viec-cua-toi'), desk.page.getByRole('link', { name: 'Việc của tôi' }).click()])
    await Promise.all([desk.page.waitForURL(`**/mot-cua/ho-so/${id}`), desk.page.getByRole('link', { name: code }).click()])
    assert.include(await desk.page.locator('#dossier-panel').textContent(), 'Thẩm định, thụ lý hồ sơ')

    // 3. Consultation: asked by the handler, answered from the leadership's queue, back with the handler.
    await desk.visit(`/mot-cua/ho-so/${id}/xin-y-kien`)
    await desk.page.getByRole('checkbox', { name: /^Ban Giám đốc/ }).check()
    await desk.page.getByLabel('Nội dung xin ý kiến').fill('Đề nghị cho ý kiến về nơi cư trú của người được khai sinh')
    await desk.page.getByLabel('Hạn trả lời (ngày làm việc)').fill(dueDateAhead())
    await Promise.all([desk.page.waitForURL(`**/mot-cua/ho-so/${id}/xin-y-kien`), desk.page.getByRole('button', { name: 'Gửi xin ý kiến' }).click()])
    await desk.page.getByText('Đã gửi yêu cầu xin ý kiến.').waitFor()

    const leader = await officerTab(cleanup, tenant, OFFICERS.leader)
    await leader.visit('/mot-cua/xin-y-kien')
    await Promise.all([leader.page.waitForURL('**/mot-cua/xin-y-kien/*'), leader.page.getByRole('link', { name: code }).click()])
    await leader.page.getByRole('textbox', { name: 'Ý kiến', exact: true }).fill('Ban Giám đốc thống nhất, đề nghị giải quyết đúng hạn.')
    await leader.page.getByLabel('Tệp đính kèm').setInputFiles(pdfNamed('y-kien-ban-giam-doc.pdf', 'Y kien Ban Giam doc'))
    await Promise.all([leader.page.waitForLoadState('load'), leader.page.getByRole('button', { name: 'Gửi ý kiến' }).click()])
    await leader.page.getByText('Đã gửi ý kiến của đơn vị.').waitFor()

    await desk.visit(`/mot-cua/ho-so/${id}/xin-y-kien`)
    assert.include(await desk.page.locator('main').textContent(), 'Ban Giám đốc thống nhất, đề nghị giải quyết đúng hạn.')
    const consulted = await reload(tenant, id)
    assert.equal(consulted.currentStepKey, 'thu_ly')
    assert.equal(consulted.statusCode, 'dang_xu_ly')

    // 4. The result document attached by the handler, submitted, approved by the department head.
    const result = minimalPdf('Giay khai sinh NGUYEN THI AN')
    await desk.visit(`/mot-cua/ho-so/${id}/ket-qua`)
    await desk.page.getByLabel('Tên kết quả').first().fill('Giấy khai sinh bản điện tử')
    await desk.page.getByLabel('Tệp kết quả').setInputFiles({ name: 'giay-khai-sinh.pdf', mimeType: 'application/pdf', buffer: result })
    await Promise.all([desk.page.waitForLoadState('load'), desk.page.getByRole('button', { name: 'Đính kèm' }).click()])
    await desk.page.getByText('Đã đính kèm kết quả giải quyết.').waitFor()
    await desk.visit(`/mot-cua/ho-so/${id}`)
    await act(desk.page, 'Trình ký', 'Đủ điều kiện, trình phê duyệt')

    await head.visit('/mot-cua/phe-duyet')
    await Promise.all([head.page.waitForURL(`**/mot-cua/ho-so/${id}/phe-duyet`), head.page.getByRole('link', { name: code }).click()])
    assert.include(await head.page.locator('main').textContent(), 'Giấy khai sinh bản điện tử')
    await head.page.locator('#approve-directions').fill('Đồng ý')
    await Promise.all([head.page.waitForLoadState('load'), head.page.getByRole('button', { name: 'Phê duyệt', exact: true }).click()])
    const approved = await reload(tenant, id)
    assert.equal(approved.statusCode, 'da_xu_ly_xong')
    assert.equal(approved.currentStepKey, 'tra_ket_qua')

    // 5. Returned at the counter, electronically into the applicant's account.
    await Promise.all([counter.page.waitForURL('**/mot-cua/tra-ket-qua'), counter.page.getByRole('link', { name: 'Trả kết quả', exact: true }).click()])
    await Promise.all([counter.page.waitForURL(`**/mot-cua/ho-so/${id}/tra-ket-qua`), counter.page.getByRole('link', { name: code }).click()])
    await counter.page.getByRole('radio', { name: 'Bản điện tử vào tài khoản của người nộp' }).check()
    await Promise.all([counter.page.waitForURL(`**/mot-cua/ho-so/${id}/tra-ket-qua`), counter.page.getByRole('button', { name: 'Trả kết quả' }).click()])
    await counter.page.getByRole('status').filter({ hasText: 'Đã trả kết quả' }).waitFor()
    assert.equal((await reload(tenant, id)).statusCode, 'da_tra_ket_qua')

    // 6. The citizen logs in, follows the dossier in My dossiers and downloads the result.
    const mine = await openPage(cleanup, host)
    await mine.visit('/dang-nhap')
    await mine.page.getByLabel('Số định danh cá nhân hoặc thư điện tử').fill(citizen.nationalId!)
    await mine.page.getByLabel('Mật khẩu').fill(TEST_PASSWORD)
    await Promise.all([mine.page.waitForURL('**/tai-khoan'), mine.page.getByRole('button', { name: 'Đăng nhập' }).click()])
    await Promise.all([mine.page.waitForURL('**/ho-so-cua-toi*'), mine.page.getByRole('link', { name: /Hồ sơ của tôi/ }).click()])
    await Promise.all([mine.page.waitForURL(`**/ho-so-cua-toi/${id}`), mine.page.getByRole('link', { name: new RegExp(code.replace(/\./g, '\\.')) }).first().click()])
    assert.equal((await mine.page.locator('.details .status').textContent())?.trim(), 'Đã trả kết quả')
    const timeline = (await mine.page.locator('.timeline').textContent())!.replace(/\s+/g, ' ')
    for (const status of ['Mới đăng ký', 'Được tiếp nhận', 'Đang xử lý', 'Đã xử lý xong', 'Đã trả kết quả']) {
      assert.include(timeline, `Trạng thái: ${status}`, `the public timeline shows “${status}”`)
    }
    // Each status with its detail: the handling department is named while it is processed.
    assert.include(timeline, 'Phòng Quản lý đô thị')
    // Internal steps (the consultation) stay out of the citizen's timeline.
    assert.notInclude(timeline, 'Ban Giám đốc thống nhất')

    const [download] = await Promise.all([
      mine.page.waitForEvent('download'),
      mine.page.getByRole('link', { name: 'Tải về giay-khai-sinh.pdf' }).first().click(),
    ])
    assert.equal(download.suggestedFilename(), 'giay-khai-sinh.pdf')
    assert.deepEqual(await readFile((await download.path())!), result)
  }).timeout(240_000)
})
