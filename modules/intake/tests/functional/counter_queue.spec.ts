/*
 * The online intake queue and the counter's supplement list (OS-5.4, OS-6.1, OS-6.2, OS-6.4,
 * ST-2, ST-6 to ST-8, ST-17): portal dossiers wait oldest first, told apart from counter ones;
 * each gets accepted, sent back for a supplement or refused, guarded by its lock version, and
 * every decision is a trail event the applicant sees and an email.
 */
import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import { createOfficer } from '#tests/helpers/tenants'
import { testMailbox } from '#tests/helpers/mailbox'
import { assertNotFoundAcrossTenants, createIntruder } from '#tests/helpers/cross_tenant'
import DossierEvent from '#intake/models/dossier_event'
import type Dossier from '#intake/models/dossier'
import SupplementRequest from '#intake/counter/models/supplement_request'
import { acceptDossier } from '#intake/counter/services/intake_decisions'
import { appendEvent } from '#intake/services/trail'
import { appointmentDateFor } from '#intake/counter/services/appointment_dates'
import { clockAt, intake } from '#intake/tests/helpers'
import { counterSetting, freshEmail, portalDossier, reload, type CounterSetting } from '#intake/tests/counter_fixtures'

function decide(client: any, setting: CounterSetting, dossier: Dossier, action: string, fields: Record<string, unknown> = {}, user = setting.receptionist) {
  return client
    .post(`/mot-cua/tiep-nhan/ho-so/${dossier.id}/${action}`)
    .header('host', setting.host)
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
    .form({ lock_version: String(dossier.lockVersion), ...fields })
}

function trailOf(setting: CounterSetting, dossier: Dossier) {
  return withTenant(setting.tenant, () => DossierEvent.query().where('dossier_id', dossier.id).orderBy('sequence'))
}

test.group('Online intake queue', () => {
  test('OS-5.4 OS-5.5 OS-6.4 ST-2 the queue lists portal and supplemented dossiers oldest first, each with its channel, and no decided ones', async ({ client, assert }) => {
    const setting = await counterSetting()
    const newer = await portalDossier(setting, clockAt('2026-04-15T10:00:00'))
    const older = await portalDossier(setting, clockAt('2026-04-14T08:00:00'))
    const supplemented = await portalDossier(setting, clockAt('2026-04-14T09:00:00'), { channel: 'counter', statusCode: 'da_bo_sung_ho_so' })
    const accepted = await portalDossier(setting, clockAt('2026-04-13T09:00:00'), { statusCode: 'duoc_tiep_nhan' })

    const response = await client.get('/mot-cua/tiep-nhan').header('host', setting.host).loginAs(setting.receptionist)
    response.assertStatus(200)
    const page = response.text()
    const positions = [older, supplemented, newer].map((dossier) => page.indexOf(dossier.code))
    assert.isAbove(positions[0], -1)
    assert.deepEqual([...positions].sort((a, b) => a - b), positions)
    assert.notInclude(page, accepted.code)
    assert.include(page, 'class="channel-badge channel-online">Trực tuyến<')
    assert.include(page, 'class="channel-badge channel-counter">Trực tiếp<')
    assert.include(page, 'Đã bổ sung hồ sơ')
    assert.include(page, 'Chờ tiếp nhận (3)')

    const onlineOnly = await client
      .get('/mot-cua/tiep-nhan')
      .qs({ kenh: 'online' })
      .header('host', setting.host)
      .header('HX-Request', 'true')
      .loginAs(setting.receptionist)
    assert.notInclude(onlineOnly.text(), '<html')
    assert.include(onlineOnly.text(), older.code)
    assert.notInclude(onlineOnly.text(), supplemented.code)
  })

  test('ST-7 OS-5.10 accepting a portal dossier sets "Được tiếp nhận", the intake step and the appointment date, and emails the applicant', async ({ client, assert }) => {
    const setting = await counterSetting()
    const mailbox = await testMailbox()
    const dossier = await portalDossier(setting, clockAt('2026-04-14T08:00:00'))
    const response = await decide(client, setting, dossier, 'tiep-nhan')
    response.assertStatus(303)
    const fresh = await reload(setting, dossier.id)
    assert.equal(fresh.statusCode, 'duoc_tiep_nhan')
    assert.equal(fresh.currentStepKey, 'tiep_nhan')
    assert.equal(fresh.lockVersion, dossier.lockVersion + 1)
    assert.isNotNull(fresh.appointmentAt)
    const events = await trailOf(setting, fresh)
    const last = events[events.length - 1]
    assert.include(last.$attributes, { action: 'accept', fromStatus: 'moi_dang_ky', toStatus: 'duoc_tiep_nhan', public: true, actorId: setting.receptionist.id })
    const expected = await withTenant(setting.tenant, () => appointmentDateFor(setting.procedure, last.occurredAt))
    assert.equal(fresh.appointmentAt!.toMillis(), expected.toMillis())

    const mail = await mailbox.waitFor(dossier.applicantEmail!)
    assert.include(mail.subject, `Hồ sơ ${dossier.code} đã được tiếp nhận`)
    assert.include(mail.text, 'Ngày hẹn trả kết quả')
  })

  test('ST-6 a portal dossier sent back for a supplement keeps the reason and the papers, and the applicant is told', async ({ client, assert }) => {
    const setting = await counterSetting()
    const mailbox = await testMailbox()
    const dossier = await portalDossier(setting, clockAt('2026-04-14T08:00:00'))
    const response = await decide(client, setting, dossier, 'yeu-cau-bo-sung', {
      'reason': 'Ảnh chụp giấy chứng sinh bị mờ',
      'missing[]': [String(setting.components[1].id)],
      'other_papers': 'Bản chụp rõ nét giấy chứng sinh',
    })
    response.assertStatus(303)
    const fresh = await reload(setting, dossier.id)
    assert.equal(fresh.statusCode, 'yeu_cau_bo_sung_giay_to')
    assert.equal(fresh.statusDetail, 'Ảnh chụp giấy chứng sinh bị mờ. Cần bổ sung: Giấy chứng sinh; Bản chụp rõ nét giấy chứng sinh')
    const request = await withTenant(setting.tenant, () => SupplementRequest.query().where('dossier_id', dossier.id).firstOrFail())
    assert.deepEqual(request.papers, ['Giấy chứng sinh', 'Bản chụp rõ nét giấy chứng sinh'])
    const events = await trailOf(setting, fresh)
    assert.include(events[events.length - 1].$attributes, { action: 'request_supplement', toStatus: 'yeu_cau_bo_sung_giay_to', public: true })
    const mail = await mailbox.waitFor(dossier.applicantEmail!)
    assert.include(mail.text, 'Ảnh chụp giấy chứng sinh bị mờ')

    const again = await decide(client, setting, fresh, 'yeu-cau-bo-sung', { reason: 'Thiếu thêm giấy', other_papers: 'Giấy chứng sinh' })
    again.assertStatus(409)
    assert.include(again.text(), 'Hồ sơ đang ở trạng thái “Yêu cầu bổ sung giấy tờ” nên không thực hiện được thao tác này.')
  })

  test('ST-6 a portal dossier refused at intake keeps the reason', async ({ client, assert }) => {
    const setting = await counterSetting()
    const mailbox = await testMailbox()
    const dossier = await portalDossier(setting, clockAt('2026-04-14T08:00:00'))
    const missingReason = await decide(client, setting, dossier, 'tu-choi', { reason: '' })
    missingReason.assertStatus(422)
    assert.include(missingReason.text(), 'Vui lòng ghi lý do.')
    assert.equal((await reload(setting, dossier.id)).statusCode, 'moi_dang_ky')

    const response = await decide(client, setting, dossier, 'tu-choi', { reason: 'Không thuộc thẩm quyền giải quyết' })
    response.assertStatus(303)
    const fresh = await reload(setting, dossier.id)
    assert.equal(fresh.statusCode, 'khong_duoc_tiep_nhan')
    assert.equal(fresh.statusDetail, 'Không thuộc thẩm quyền giải quyết')
    const mail = await mailbox.waitFor(dossier.applicantEmail!)
    assert.include(mail.subject, 'không được tiếp nhận')
  })

  test('OS-5.4 a stale form (another receptionist acted first) changes nothing and shows the fresh state with a clear message', async ({ client, assert }) => {
    const setting = await counterSetting()
    const colleague = await createOfficer(setting.tenant, ['receptionist'])
    const dossier = await portalDossier(setting, clockAt('2026-04-14T08:00:00'))
    const first = await decide(client, setting, dossier, 'tu-choi', { reason: 'Hồ sơ nộp nhầm thủ tục' }, colleague)
    first.assertStatus(303)
    const events = (await trailOf(setting, dossier)).length

    const second = await decide(client, setting, dossier, 'tiep-nhan')
    second.assertStatus(409)
    assert.include(second.text(), 'Hồ sơ này vừa được người khác xử lý hoặc thay đổi nên thao tác của bạn chưa được thực hiện.')
    assert.include(second.text(), 'Không được tiếp nhận')
    assert.include(second.text(), 'Hồ sơ nộp nhầm thủ tục')
    const fresh = await reload(setting, dossier.id)
    assert.equal(fresh.statusCode, 'khong_duoc_tiep_nhan')
    assert.equal(fresh.lockVersion, dossier.lockVersion + 1)
    assert.lengthOf(await trailOf(setting, dossier), events)
  })

  test('OS-5.4 two receptionists accepting the same dossier at once: exactly one succeeds', async ({ client, assert }) => {
    const setting = await counterSetting()
    const colleague = await createOfficer(setting.tenant, ['receptionist'])
    const dossier = await portalDossier(setting, clockAt('2026-04-14T08:00:00'))
    const answers = await Promise.all([decide(client, setting, dossier, 'tiep-nhan'), decide(client, setting, dossier, 'tiep-nhan', {}, colleague)])
    assert.sameMembers(answers.map((answer) => answer.status()), [303, 409])
    const accepts = (await trailOf(setting, dossier)).filter((event) => event.action === 'accept')
    assert.lengthOf(accepts, 1)
  })

  test('OS-6.1 OS-6.2 ST-8 a counter dossier waiting for a supplement is listed, the supplement is recorded and it waits for intake again', async ({ client, assert }) => {
    const setting = await counterSetting()
    const dossier = await intake(
      { tenant: setting.tenant, agencyId: setting.receptionist.agencyId!, unitCode: '', procedureId: setting.procedure.id },
      clockAt('2026-04-14T08:00:00'),
      { statusCode: 'yeu_cau_bo_sung_giay_to', statusDetail: 'Thiếu giấy chứng sinh. Cần bổ sung: Giấy chứng sinh', applicant: { fullName: 'Phạm Văn Dũng', phone: '0900111222', email: freshEmail() } }
    )
    await withTenant(setting.tenant, () =>
      SupplementRequest.create({ dossierId: dossier.id, reason: 'Thiếu giấy chứng sinh', papers: ['Giấy chứng sinh'], stepKey: null, requestedBy: null, requestedAt: dossier.receivedAt, fulfilledAt: null })
    )
    const list = await client.get('/mot-cua/tiep-nhan/cho-bo-sung').header('host', setting.host).loginAs(setting.receptionist)
    list.assertStatus(200)
    assert.include(list.text(), dossier.code)
    assert.include(list.text(), 'Thiếu giấy chứng sinh. Cần bổ sung: Giấy chứng sinh')
    assert.include(list.text(), '0900111222')

    const page = await client.get(`/mot-cua/tiep-nhan/ho-so/${dossier.id}`).header('host', setting.host).loginAs(setting.receptionist)
    assert.include(page.text(), 'Ghi nhận bổ sung')
    const recorded = await decide(client, setting, dossier, 'bo-sung', { by_post: '1', note: 'Nhận qua bưu điện ngày 20/04' })
    recorded.assertStatus(303)
    const fresh = await reload(setting, dossier.id)
    assert.equal(fresh.statusCode, 'da_bo_sung_ho_so')
    const events = await trailOf(setting, fresh)
    assert.include(events[events.length - 1].$attributes, { action: 'record_supplement', toStatus: 'da_bo_sung_ho_so', public: true })
    assert.include(events[events.length - 1].comment ?? '', 'bưu chính')
    const request = await withTenant(setting.tenant, () => SupplementRequest.query().where('dossier_id', dossier.id).firstOrFail())
    assert.isNotNull(request.fulfilledAt)

    const queue = await client.get('/mot-cua/tiep-nhan').header('host', setting.host).loginAs(setting.receptionist)
    assert.include(queue.text(), dossier.code)
    const accepted = await decide(client, setting, fresh, 'tiep-nhan')
    accepted.assertStatus(303)
    assert.equal((await reload(setting, dossier.id)).statusCode, 'duoc_tiep_nhan')
  })

  test('ST-17 a dossier accepted before and supplemented for a later step is left to the workflow, not decided again at the counter', async ({ client, assert }) => {
    const setting = await counterSetting()
    const dossier = await portalDossier(setting, clockAt('2026-04-14T08:00:00'))
    await withTenant(setting.tenant, async () => {
      await acceptDossier(dossier, dossier.lockVersion, { officer: setting.receptionist, lookupUrl: (code) => code })
      // What the workflow runtime does for ST-12 and what the portal does for ST-17.
      for (const [action, from, to] of [
        ['request_supplement', 'duoc_tiep_nhan', 'yeu_cau_bo_sung_giay_to'],
        ['supplement', 'yeu_cau_bo_sung_giay_to', 'da_bo_sung_ho_so'],
      ]) {
        await appendEvent(dossier, { action, stepKey: 'tham_dinh', fromStatus: from, toStatus: to, public: true })
        dossier.statusCode = to
        dossier.lockVersion += 1
        await dossier.save()
      }
    })
    const queue = await client.get('/mot-cua/tiep-nhan').header('host', setting.host).loginAs(setting.receptionist)
    assert.notInclude(queue.text(), dossier.code)
    assert.include(queue.text(), 'Chờ tiếp nhận (0)')
    const fresh = await reload(setting, dossier.id)
    const refused = await decide(client, setting, fresh, 'tiep-nhan')
    refused.assertStatus(409)
    assert.include(refused.text(), 'Hồ sơ đang ở trạng thái “Đã bổ sung hồ sơ” nên không thực hiện được thao tác này.')
    assert.equal((await reload(setting, dossier.id)).lockVersion, fresh.lockVersion)
  })

  test('OS-17.2 an officer without the receptionist role gets 403 on the queue and its decisions', async ({ client, assert }) => {
    const setting = await counterSetting()
    const handler = await createOfficer(setting.tenant, ['handler'])
    const dossier = await portalDossier(setting, clockAt('2026-04-14T08:00:00'))
    for (const path of ['/mot-cua/tiep-nhan', '/mot-cua/tiep-nhan/cho-bo-sung', `/mot-cua/tiep-nhan/ho-so/${dossier.id}`]) {
      ;(await client.get(path).header('host', setting.host).loginAs(handler)).assertStatus(403)
    }
    for (const action of ['tiep-nhan', 'yeu-cau-bo-sung', 'tu-choi', 'bo-sung']) {
      ;(await decide(client, setting, dossier, action, { reason: 'Không hợp lệ' }, handler)).assertStatus(403)
    }
    assert.equal((await reload(setting, dossier.id)).statusCode, 'moi_dang_ky')
  })

  test('OS-17.2 another tenant gets 404 on every dossier route and nothing changes', async ({ client, assert }) => {
    const setting = await counterSetting()
    const dossier = await portalDossier(setting, clockAt('2026-04-14T08:00:00'))
    const intruder = await createIntruder()
    await withTenant(intruder.tenant, async () => {
      intruder.user.roles = ['receptionist']
      await intruder.user.save()
    })
    const routes = [
      { method: 'get' as const, path: (id: number) => `/mot-cua/tiep-nhan/ho-so/${id}` },
      { method: 'post' as const, path: (id: number) => `/mot-cua/tiep-nhan/ho-so/${id}/tiep-nhan`, form: { lock_version: '1' } },
      { method: 'post' as const, path: (id: number) => `/mot-cua/tiep-nhan/ho-so/${id}/yeu-cau-bo-sung`, form: { lock_version: '1', reason: 'Thiếu giấy', other_papers: 'Giấy chứng sinh' } },
      { method: 'post' as const, path: (id: number) => `/mot-cua/tiep-nhan/ho-so/${id}/tu-choi`, form: { lock_version: '1', reason: 'Không hợp lệ' } },
      { method: 'post' as const, path: (id: number) => `/mot-cua/tiep-nhan/ho-so/${id}/bo-sung`, form: { lock_version: '1' } },
    ]
    for (const route of routes) {
      await assertNotFoundAcrossTenants(client, { ...route, owner: setting.tenant, id: dossier.id, intruder })
    }
    const procedureRoute = { method: 'get' as const, path: (id: number) => `/mot-cua/tiep-nhan/moi?thu-tuc=${id}` }
    await assertNotFoundAcrossTenants(client, { ...procedureRoute, owner: setting.tenant, id: setting.procedure.id, intruder })
    const fresh = await reload(setting, dossier.id)
    assert.equal(fresh.statusCode, 'moi_dang_ky')
    assert.equal(fresh.lockVersion, dossier.lockVersion)
  })
})
