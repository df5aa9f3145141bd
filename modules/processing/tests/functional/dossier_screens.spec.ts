import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { withTenant } from '#tenancy/tenant_context'
import DossierFile from '#intake/files/dossier_file'
import DossierEvent from '#intake/models/dossier_event'
import { openSupplementRequestOf, registerDossier, withdrawDossier } from '#intake/index'
import { createCitizen } from '#tests/helpers/tenants'
import { ProcedureComponent } from '#catalog/index'
import { hostOf } from '#tests/helpers/tenants'
import { assertNotFoundAcrossTenants, createIntruder } from '#tests/helpers/cross_tenant'
import { minimalPdf } from '#catalog/tests/fixtures/documents'
import type User from '#users/models/user'
import { acceptedDossier, act, engineSetting, reload, transitionId, vn, type EngineSetting } from '#processing/tests/engine_fixtures'

const page = (id: number) => `/mot-cua/ho-so/${id}`
const actionPath = (id: number) => `/mot-cua/ho-so/${id}/hanh-dong`

function post(client: ApiClient, setting: EngineSetting, user: User, path: string, form: Record<string, unknown>, htmx = false) {
  const request = client.post(path).header('host', hostOf(setting.tenant)).loginAs(user).withCsrfToken().form(form).redirects(0)
  return htmx ? request.header('hx-request', 'true') : request
}

async function assignedDossier(setting: EngineSetting) {
  const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'), `nguoinop-${Date.now()}@example.vn`)
  await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', vn('2026-06-01T09:00:00'))
  await act(setting, dossier.id, setting.deptHead, 'Phân công thụ lý', vn('2026-06-01T10:00:00'), { assigneeId: setting.handler.id })
  return reload(setting, dossier.id)
}

test.group('Processing screens: the dossier page (OS-8.2)', () => {
  test('OS-8.2 OS-18: the officer sees the applicant, status, deadline, step history, trail and one form per action', async ({
    client,
    assert,
  }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
    const response = await client.get(page(dossier.id)).header('host', hostOf(setting.tenant)).loginAs(setting.receptionist)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, dossier.code)
    assert.include(html, 'Nguyễn Văn An')
    assert.include(html, 'Được tiếp nhận')
    assert.include(html, 'Hạn xử lý 15/06/2026')
    assert.include(html, 'Tiếp nhận hồ sơ')
    assert.include(html, `name="lock_version" value="1"`)
    assert.include(html, '<legend>Chuyển xử lý</legend>')
    assert.include(html, '<legend>Từ chối tiếp nhận</legend>')
    assert.include(html, 'href="/mot-cua/viec-cua-toi"')

    const asHandler = await client.get(page(dossier.id)).header('host', hostOf(setting.tenant)).loginAs(setting.handler)
    asHandler.assertStatus(200)
    assert.include(asHandler.text(), 'Bạn không có thao tác nào với hồ sơ ở bước này.')
    assert.notInclude(asHandler.text(), '<legend>Chuyển xử lý</legend>')
  })

  test('OS-5.8 OS-8.2: an officer sees a dossier the applicant withdrew as "Đã rút hồ sơ", as the applicant does', async ({ client, assert }) => {
    const setting = await engineSetting()
    const applicant = await createCitizen(setting.tenant)
    const dossier = await withTenant(setting.tenant, async () => {
      const online = await registerDossier({
        procedureId: setting.procedureId,
        channel: 'online',
        receivingAgencyId: setting.agencyId,
        applicantId: applicant.id,
        applicant: { fullName: 'Nguyễn Văn An', nationalId: '001090012345' },
        statusCode: 'moi_dang_ky',
        event: { action: 'submit', actorName: 'Nguyễn Văn An', public: true },
      })
      await withdrawDossier(online, { id: applicant.id, fullName: applicant.fullName }, { lockVersion: online.lockVersion, reason: 'Nộp nhầm thủ tục' })
      return online
    })
    const response = await client.get(page(dossier.id)).header('host', hostOf(setting.tenant)).loginAs(setting.receptionist)
    response.assertStatus(200)
    assert.include(response.text(), 'Đã rút hồ sơ')
    assert.notInclude(response.text(), 'da_rut_ho_so<')
  })

  test('OS-8.2 OS-5.9 PT-15 OS-11: the officer sees the applicant\u2019s verified identity and the postal choice with the postage quoted', async ({
    client,
    assert,
  }) => {
    const setting = await engineSetting()
    const dossier = await withTenant(setting.tenant, async () => {
      const online = await registerDossier({
        procedureId: setting.procedureId,
        channel: 'online',
        receivingAgencyId: setting.agencyId,
        applicant: { fullName: 'Trần Thị Bình', nationalId: '001190012345' },
        statusCode: 'moi_dang_ky',
        event: { action: 'submit', actorName: 'Trần Thị Bình', public: true },
        postalService: {
          submitByPost: false,
          resultByPost: true,
          recipient: {
            fullName: 'Trần Thị Bình',
            phone: '0912000222',
            provinceCode: '48',
            provinceName: 'Thành phố Đà Nẵng',
            communeCode: '20242',
            communeName: 'Phường Hải Châu',
            detail: '12 Bạch Đằng',
          },
          collectFeeByPost: true,
          postage: {
            legs: [{ leg: 'result', postage: 25_000, collectionFee: 10_000, days: { min: 2, max: 3 } }],
            postage: 25_000,
            collectedAmount: 50_000,
            collectionFee: 10_000,
            total: 35_000,
            quotedAt: '2026-06-01T09:00:00.000+07:00',
          },
        },
      })
      online.merge({ applicantVerifiedAt: vn('2026-06-01T08:30:00'), applicantVerifiedSource: 'population_registry' })
      await online.save()
      return online
    })
    const response = await client.get(page(dossier.id)).header('host', hostOf(setting.tenant)).loginAs(setting.receptionist)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'Đã xác thực danh tính người nộp với CSDL quốc gia về dân cư lúc 08:30 01/06/2026')
    assert.include(html, '<dt>Dịch vụ bưu chính</dt>')
    assert.include(html, '<li>Nhận kết quả qua bưu chính: Trần Thị Bình, 0912000222, 12 Bạch Đằng, Phường Hải Châu, Thành phố Đà Nẵng</li>')
    assert.include(html, '<li>Nhờ bưu chính thu hộ phí, lệ phí</li>')
    assert.include(html, '<li>Cước bưu chính dự kiến: 35.000 đ (báo cho người nộp ngày 01/06/2026)</li>')
  })

  test('ST-9 issue 5 item 7: "Chuyển xử lý" from the page forwards the dossier and comes back with a notice', async ({ client, assert }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
    const forward = await transitionId(setting, 'tiep_nhan', 'Chuyển xử lý')
    const response = await post(client, setting, setting.receptionist, actionPath(dossier.id), { transition_id: forward, lock_version: 1 })
    response.assertStatus(303)
    response.assertHeader('location', page(dossier.id))
    assert.equal(response.flashMessages()?.notice, `Đã thực hiện “Chuyển xử lý” với hồ sơ ${dossier.code}.`)
    const after = await reload(setting, dossier.id)
    assert.equal(after.statusCode, 'dang_xu_ly')
    assert.equal(after.currentStepKey, 'phan_cong')
  })

  test('issue 5 item 7: a stale page gets "Hồ sơ vừa được người khác cập nhật…" with the fresh state, and nothing changes', async ({
    client,
    assert,
  }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
    const refuse = await transitionId(setting, 'tiep_nhan', 'Từ chối tiếp nhận')
    await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', vn('2026-06-01T09:00:00'))

    const plain = await post(client, setting, setting.receptionist, actionPath(dossier.id), {
      transition_id: refuse,
      lock_version: 1,
      reason: 'Không thuộc thẩm quyền',
    })
    plain.assertStatus(409)
    assert.include(plain.text(), 'Hồ sơ vừa được người khác cập nhật. Thông tin dưới đây là mới nhất; hãy xem lại trước khi thao tác.')
    assert.include(plain.text(), 'Đang xử lý')
    assert.include(plain.text(), '<html')

    const htmx = await post(client, setting, setting.receptionist, actionPath(dossier.id), { transition_id: refuse, lock_version: 1, reason: 'x' }, true)
    htmx.assertStatus(409)
    assert.match(htmx.text().trim(), /^<div id="dossier-panel"/)
    assert.include(htmx.text(), 'Hồ sơ vừa được người khác cập nhật')

    const after = await reload(setting, dossier.id)
    assert.equal(after.statusCode, 'dang_xu_ly')
    assert.equal(after.lockVersion, 2)
  })

  test('issue 5 item 7: an officer of the wrong role is refused with a clear message and nothing changes', async ({ client, assert }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
    const forward = await transitionId(setting, 'tiep_nhan', 'Chuyển xử lý')
    const response = await post(client, setting, setting.handler, actionPath(dossier.id), { transition_id: forward, lock_version: 1 })
    response.assertStatus(403)
    assert.include(response.text(), 'Bạn không có quyền thực hiện thao tác này ở bước hiện tại của hồ sơ.')
    const after = await reload(setting, dossier.id)
    assert.equal(after.statusCode, 'duoc_tiep_nhan')
    assert.equal(after.lockVersion, 1)
  })

  test('ST-12 issue 5 item 7: with htmx, a missing reason is named at the field of that form (422) and nothing changes', async ({
    client,
    assert,
  }) => {
    const setting = await engineSetting()
    const dossier = await assignedDossier(setting)
    const supplement = await transitionId(setting, 'thu_ly', 'Yêu cầu bổ sung')
    const response = await post(
      client,
      setting,
      setting.handler,
      actionPath(dossier.id),
      { transition_id: supplement, lock_version: dossier.lockVersion, reason: '' },
      true
    )
    response.assertStatus(422)
    const html = response.text()
    assert.match(html.trim(), /^<div id="dossier-panel"/)
    assert.include(html, `<p class="field-error" id="a${supplement}-reason-error">Hãy nêu lý do.</p>`)
    assert.include(html, 'Chưa thực hiện được thao tác: hãy sửa các lỗi được nêu trong mẫu.')
    const after = await reload(setting, dossier.id)
    assert.equal(after.lockVersion, dossier.lockVersion)
    assert.equal(after.statusCode, 'dang_xu_ly')
  })

  test('ST-12 OS-8.5: the handler names the papers to add, from the procedure\u2019s components or written out; none named is refused at the field', async ({
    client,
    assert,
  }) => {
    const setting = await engineSetting()
    await withTenant(setting.tenant, () =>
      ProcedureComponent.createMany([
        { procedureId: setting.procedureId, name: 'Tờ khai đăng ký khai sinh', position: 1 },
        { procedureId: setting.procedureId, name: 'Giấy chứng sinh', position: 2 },
      ])
    )
    const dossier = await assignedDossier(setting)
    const supplement = await transitionId(setting, 'thu_ly', 'Yêu cầu bổ sung')

    const form = await client.get(page(dossier.id)).header('host', hostOf(setting.tenant)).loginAs(setting.handler)
    assert.include(form.text(), `<legend>Giấy tờ cần bổ sung`)
    assert.include(form.text(), `name="papers[]" value="Giấy chứng sinh"`)

    const none = await post(client, setting, setting.handler, actionPath(dossier.id), {
      transition_id: supplement,
      lock_version: dossier.lockVersion,
      reason: 'Hồ sơ chưa đủ giấy tờ',
      other_papers: '  \n ',
    }, true)
    none.assertStatus(422)
    assert.include(none.text(), `<p class="field-error" id="a${supplement}-papers-error">Hãy chọn hoặc ghi ít nhất một giấy tờ cần bổ sung.</p>`)
    assert.include(none.text(), 'Hồ sơ chưa đủ giấy tờ', 'the reason typed is kept')
    assert.equal((await reload(setting, dossier.id)).lockVersion, dossier.lockVersion)

    const named = await post(client, setting, setting.handler, actionPath(dossier.id), {
      transition_id: supplement,
      lock_version: dossier.lockVersion,
      reason: 'Hồ sơ chưa đủ giấy tờ',
      papers: ['Giấy chứng sinh'],
      other_papers: 'Bản sao sổ hộ khẩu\n\nGiấy xác nhận cư trú',
    })
    named.assertStatus(303)
    const after = await reload(setting, dossier.id)
    assert.equal(after.statusCode, 'yeu_cau_bo_sung_giay_to')
    assert.equal(after.statusDetail, 'Hồ sơ chưa đủ giấy tờ. Cần bổ sung: Giấy chứng sinh; Bản sao sổ hộ khẩu; Giấy xác nhận cư trú')
    const request = await withTenant(setting.tenant, () => openSupplementRequestOf(after))
    assert.deepEqual(request!.papers, ['Giấy chứng sinh', 'Bản sao sổ hộ khẩu', 'Giấy xác nhận cư trú'])

    // The counter, which records the papers when they come, sees the list.
    const counter = await client.get(`/mot-cua/tiep-nhan/ho-so/${dossier.id}`).header('host', hostOf(setting.tenant)).loginAs(setting.receptionist)
    counter.assertStatus(200)
    assert.include(counter.text(), '<li>Bản sao sổ hộ khẩu</li>')
  })

  test('ST-13 OS-8.2 NF-24: "Dừng xử lý" with its reason and a scanned file; the file is listed and viewable, the trail names it', async ({
    client,
    assert,
  }) => {
    const setting = await engineSetting()
    const dossier = await assignedDossier(setting)
    const stop = await transitionId(setting, 'thu_ly', 'Dừng xử lý')
    const response = await client
      .post(actionPath(dossier.id))
      .header('host', hostOf(setting.tenant))
      .header('hx-request', 'true')
      .loginAs(setting.handler)
      .withCsrfToken()
      .fields({ transition_id: String(stop), lock_version: String(dossier.lockVersion), reason: 'Không đủ điều kiện cấp phép' })
      .file('files', minimalPdf('Thong bao dung xu ly'), { filename: 'Thông báo dừng.pdf' })
      .redirects(0)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'Đã thực hiện “Dừng xử lý”')
    assert.include(html, 'Dừng xử lý')
    assert.include(html, 'Không đủ điều kiện cấp phép')

    const files = await withTenant(setting.tenant, () => DossierFile.query().where('dossier_id', dossier.id).preload('storedFile'))
    assert.lengthOf(files, 1)
    assert.equal(files[0].storedFile.originalName, 'Thông báo dừng.pdf')
    assert.include(html, `href="/tep/${files[0].storedFileId}/xem"`)
    const event = await withTenant(setting.tenant, () =>
      DossierEvent.query().where('dossier_id', dossier.id).orderBy('sequence', 'desc').firstOrFail()
    )
    assert.equal(event.action, 'stop')
    assert.equal((event.attachments[0] as any).name, 'Thông báo dừng.pdf')

    const viewed = await client.get(`/tep/${files[0].storedFileId}/xem`).header('host', hostOf(setting.tenant)).loginAs(setting.receptionist)
    viewed.assertStatus(200)
  })

  test('issue 5 item 7: the dossier page and its actions answer 404 to another tenant, and nothing changes', async ({ client, assert }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
    const forward = await transitionId(setting, 'tiep_nhan', 'Chuyển xử lý')
    const intruder = await createIntruder()
    await assertNotFoundAcrossTenants(client, { method: 'get', path: page, owner: setting.tenant, id: dossier.id, intruder })
    await assertNotFoundAcrossTenants(client, {
      method: 'post',
      path: actionPath,
      owner: setting.tenant,
      id: dossier.id,
      intruder,
      form: { transition_id: forward, lock_version: 1 },
    })
    await assertNotFoundAcrossTenants(client, {
      method: 'post',
      path: (id) => `/mot-cua/ho-so/${id}/phan-cong`,
      owner: setting.tenant,
      id: dossier.id,
      intruder,
      form: { assignee_id: setting.handler.id, lock_version: 1 },
    })
    const after = await reload(setting, dossier.id)
    assert.equal(after.statusCode, 'duoc_tiep_nhan')
    assert.equal(after.lockVersion, 1)
  })
})

test.group('Processing screens: queues and assignment (OS-8.3, OS-7.1, OS-7.2)', () => {
  test('OS-8.1 OS-8.3: the handler finds the assigned dossier under "Cần xử lý", and under "Đã tham gia xử lý" once passed on', async ({
    client,
    assert,
  }) => {
    const setting = await engineSetting()
    const dossier = await assignedDossier(setting)
    const queue = (slug: string) =>
      client.get(`/mot-cua/viec-cua-toi?hang=${slug}`).header('host', hostOf(setting.tenant)).loginAs(setting.handler)

    let response = await queue('can-xu-ly')
    response.assertStatus(200)
    assert.include(response.text(), `href="/mot-cua/ho-so/${dossier.id}">${dossier.code}</a>`)
    assert.include(response.text(), 'Cần xử lý (1)')
    const other = await client.get('/mot-cua/viec-cua-toi').header('host', hostOf(setting.tenant)).loginAs(setting.otherHandler)
    assert.notInclude(other.text(), dossier.code)

    await act(setting, dossier.id, setting.handler, 'Trình trưởng phòng', vn('2026-06-02T09:00:00'))
    response = await queue('can-xu-ly')
    assert.notInclude(response.text(), dossier.code)
    response = await queue('da-tham-gia')
    assert.include(response.text(), dossier.code)
  })

  test('OS-7.1 OS-7.2: the department head assigns from the assignment list, then reassigns from the dossier', async ({
    client,
    assert,
  }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
    await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', vn('2026-06-01T09:00:00'))

    const list = await client.get('/mot-cua/phan-cong').header('host', hostOf(setting.tenant)).loginAs(setting.deptHead)
    list.assertStatus(200)
    assert.include(list.text(), dossier.code)
    assert.include(list.text(), 'Chờ phân công')
    const forbidden = await client.get('/mot-cua/phan-cong').header('host', hostOf(setting.tenant)).loginAs(setting.handler)
    forbidden.assertStatus(403)

    const assign = await transitionId(setting, 'phan_cong', 'Phân công thụ lý')
    const assigned = await post(client, setting, setting.deptHead, actionPath(dossier.id), {
      transition_id: assign,
      lock_version: 2,
      assignee_id: setting.handler.id,
      return_to: '/mot-cua/phan-cong',
    })
    assigned.assertStatus(303)
    assigned.assertHeader('location', '/mot-cua/phan-cong')
    let after = await reload(setting, dossier.id)
    assert.include(after.statusDetail, 'Lê Văn Thụ')

    const reassigned = await post(client, setting, setting.deptHead, `/mot-cua/ho-so/${dossier.id}/phan-cong`, {
      lock_version: after.lockVersion,
      assignee_id: setting.otherHandler.id,
    })
    reassigned.assertStatus(303)
    assert.equal(reassigned.flashMessages()?.notice, `Đã phân công Chuyên viên Đỗ Thị Lý xử lý hồ sơ ${dossier.code}.`)
    after = await reload(setting, dossier.id)
    assert.include(after.statusDetail, 'Chuyên viên Đỗ Thị Lý, Phòng Tư pháp')

    const byHandler = await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/phan-cong`, {
      lock_version: after.lockVersion,
      assignee_id: setting.handler.id,
    })
    byHandler.assertStatus(403)
  })
})
