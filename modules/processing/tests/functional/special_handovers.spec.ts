/*
 * Delegation (OS-8.4) and inter-agency transfer (ST-15, OS-8.6, OS-15.1): the dossier's current
 * step handed to a colleague until a date, or to a handler of another agency who returns it with
 * their result; the status detail names who holds it; the engine lets the new holder act, and
 * nothing moves a transferred dossier until it comes back.
 */
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { VIETNAM_ZONE } from '#services/vietnamese_format'
import { sweepDeadlines } from '#processing/services/deadline_sweep'
import { withTenant } from '#tenancy/tenant_context'
import { availableActions } from '#processing/services/engine'
import DossierStep from '#processing/models/dossier_step'
import DossierHandover from '#processing/special/models/dossier_handover'
import { act, reload, transitionId } from '#processing/tests/engine_fixtures'
import { assertNotFoundAcrossTenants, createIntruder } from '#tests/helpers/cross_tenant'
import { atHandler, get, now, post, specialSetting, trailOf, workingDayAfter, type SpecialSetting } from '#processing/tests/special_fixtures'

function holderOf(setting: SpecialSetting, dossierId: number) {
  return withTenant(setting.tenant, async () => {
    const open = await DossierStep.query().where('dossier_id', dossierId).whereNull('finished_at').firstOrFail()
    return Number(open.assigneeId)
  })
}

function handoversOf(setting: SpecialSetting, dossierId: number) {
  return withTenant(setting.tenant, () => DossierHandover.query().where('dossier_id', dossierId).orderBy('id'))
}

test.group('Delegation', (group) => {
  // Each test builds a tenant with a workflow and walks a dossier through it: seconds, more on a busy machine.
  group.each.timeout(120_000)

  test('OS-8.4 ST-11 the handler delegates to a colleague, who acts in their place until it ends; either ends it', async ({ client, assert }) => {
    const setting = await specialSetting()
    const dossier = await atHandler(setting)
    const until = await workingDayAfter(setting, 5)

    const page = await get(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/uy-quyen`)
    page.assertStatus(200)
    assert.include(page.text(), 'Đỗ Thị Lý')
    assert.notInclude(page.text(), 'Ngô Văn Ngoài')

    const delegated = await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/uy-quyen`, {
      lock_version: dossier.lockVersion,
      to_officer_id: setting.otherHandler.id,
      until,
      reason: 'Nghỉ phép năm',
    })
    delegated.assertStatus(303)
    let fresh = await reload(setting, dossier.id)
    assert.equal(await holderOf(setting, dossier.id), setting.otherHandler.id)
    assert.include(fresh.statusDetail, 'Chuyên viên Đỗ Thị Lý, Phòng Tư pháp')
    assert.equal(fresh.statusCode, 'dang_xu_ly')

    // The colleague now has the handler's actions; the handler no longer does.
    const offered = await withTenant(setting.tenant, async () => ({
      colleague: (await availableActions(await reload(setting, dossier.id), setting.otherHandler)).map((action) => action.transition.action),
      handler: (await availableActions(await reload(setting, dossier.id), setting.handler)).length,
    }))
    assert.include(offered.colleague, 'Trình trưởng phòng')
    assert.equal(offered.handler, 0)

    // The colleague hands it back; the handler holds it again and the detail says so.
    const ended = await post(client, setting, setting.otherHandler, `/mot-cua/ho-so/${dossier.id}/uy-quyen/ket-thuc`, {
      lock_version: fresh.lockVersion,
      note: 'Đã xem xong hồ sơ',
    })
    ended.assertStatus(303)
    fresh = await reload(setting, dossier.id)
    assert.equal(await holderOf(setting, dossier.id), setting.handler.id)
    assert.include(fresh.statusDetail, 'Chuyên viên Lê Văn Thụ, Phòng Tư pháp')
    const [handover] = await handoversOf(setting, dossier.id)
    assert.equal(handover.kind, 'delegation')
    assert.equal(handover.endedBy, setting.otherHandler.id)
    assert.deepEqual(
      (await trailOf(setting, dossier.id)).filter((event) => ['delegate', 'end_delegation'].includes(event.action)).map((event) => [event.action, event.actorId]),
      [
        ['delegate', setting.handler.id],
        ['end_delegation', setting.otherHandler.id],
      ]
    )
  })

  test('OS-8.4 a delegation ends when the colleague moves the dossier on', async ({ client, assert }) => {
    const setting = await specialSetting()
    const dossier = await atHandler(setting)
    await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/uy-quyen`, {
      lock_version: dossier.lockVersion,
      to_officer_id: setting.otherHandler.id,
      until: await workingDayAfter(setting, 2),
      reason: 'Đi công tác',
    }).then((response) => response.assertStatus(303))
    await act(setting, dossier.id, setting.otherHandler, 'Trình trưởng phòng', now())
    const [handover] = await handoversOf(setting, dossier.id)
    assert.isNotNull(handover.endedAt)
    assert.equal((await reload(setting, dossier.id)).currentStepKey, 'kiem_tra')
  })

  test('OS-8.4 a delegation ends by itself once its last day has passed: the dossier is back with the handler', async ({ client, assert }) => {
    const setting = await specialSetting()
    const dossier = await atHandler(setting)
    const until = await workingDayAfter(setting, 2)
    await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/uy-quyen`, {
      lock_version: dossier.lockVersion,
      to_officer_id: setting.otherHandler.id,
      until,
      reason: 'Đi công tác',
    }).then((response) => response.assertStatus(303))
    const delegated = await reload(setting, dossier.id)
    const lastDay = DateTime.fromFormat(until, 'dd/MM/yyyy', { zone: VIETNAM_ZONE })
    const sweepAt = (at: DateTime) => withTenant(setting.tenant, () => sweepDeadlines({ clock: () => at }))

    // Still in force through the evening of its last day.
    assert.equal((await sweepAt(lastDay.set({ hour: 23, minute: 50 }))).tasks['delegation(s) ended'], 0)
    assert.equal(await holderOf(setting, dossier.id), setting.otherHandler.id)

    const nextMorning = lastDay.plus({ days: 1 }).set({ hour: 0, minute: 10 })
    assert.equal((await sweepAt(nextMorning)).tasks['delegation(s) ended'], 1)
    assert.equal(await holderOf(setting, dossier.id), setting.handler.id)
    const fresh = await reload(setting, dossier.id)
    assert.include(fresh.statusDetail, 'Chuyên viên Lê Văn Thụ, Phòng Tư pháp')
    assert.equal(fresh.lockVersion, delegated.lockVersion, 'forms open on the dossier stay valid')
    const [handover] = await handoversOf(setting, dossier.id)
    assert.equal(handover.endedAt?.toMillis(), nextMorning.toMillis())
    assert.isNull(handover.endedBy)
    assert.equal(handover.outcome, 'Hết thời hạn ủy quyền')
    const ending = (await trailOf(setting, dossier.id)).find((event) => event.action === 'end_delegation')
    assert.equal(ending?.actorName, 'Hệ thống')
    assert.include(ending?.comment, `Hết thời hạn ủy quyền (ngày ${until})`)

    // The colleague's actions are gone, the handler's are back; a second sweep ends nothing more.
    const offered = await withTenant(setting.tenant, async () => ({
      colleague: (await availableActions(fresh, setting.otherHandler)).length,
      handler: (await availableActions(fresh, setting.handler)).map((action) => action.transition.action),
    }))
    assert.equal(offered.colleague, 0)
    assert.include(offered.handler, 'Trình trưởng phòng')
    assert.equal((await sweepAt(nextMorning.plus({ hours: 1 }))).tasks['delegation(s) ended'], 0)
  })

  test('OS-8.4 issue 5 item 7 refusals: not the holder, not a colleague of the step, a past date, a stale page', async ({ client, assert }) => {
    const setting = await specialSetting()
    const dossier = await atHandler(setting)
    const form = { lock_version: dossier.lockVersion, to_officer_id: setting.otherHandler.id, until: await workingDayAfter(setting, 2), reason: 'Nghỉ phép' }
    const notHolder = await post(client, setting, setting.otherHandler, `/mot-cua/ho-so/${dossier.id}/uy-quyen`, { ...form, to_officer_id: setting.handler.id })
    notHolder.assertStatus(403)
    const outsider = await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/uy-quyen`, { ...form, to_officer_id: setting.outsider.id, until: '01/01/2020', reason: '' })
    outsider.assertStatus(422)
    assert.include(outsider.text(), 'Hãy chọn một đồng nghiệp trong danh sách.')
    assert.include(outsider.text(), 'Ngày kết thúc ủy quyền không được trước hôm nay.')
    assert.include(outsider.text(), 'Hãy nêu lý do ủy quyền.')
    const stale = await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/uy-quyen`, { ...form, lock_version: dossier.lockVersion + 3 })
    stale.assertStatus(409)
    assert.lengthOf(await handoversOf(setting, dossier.id), 0)
    assert.equal(await holderOf(setting, dossier.id), setting.handler.id)
    assert.equal((await reload(setting, dossier.id)).lockVersion, dossier.lockVersion)
  })
})

test.group('Inter-agency transfer', (group) => {
  // Each test builds a tenant with a workflow and walks a dossier through it: seconds, more on a busy machine.
  group.each.timeout(120_000)

  test('ST-15 OS-15.1 the handler transfers to another agency; nothing moves it meanwhile; the partner returns it with a result and files', async ({
    client,
    assert,
  }) => {
    const setting = await specialSetting()
    const dossier = await atHandler(setting)

    const page = await get(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/lien-thong`)
    page.assertStatus(200)
    assert.include(page.text(), 'Vũ Thị Liên, Phòng Giá - Công sản, Sở Tài chính')

    const sent = await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/lien-thong`, {
      lock_version: dossier.lockVersion,
      to_officer_id: setting.partner.id,
      reason: 'Đề nghị xác định giá đất',
    })
    sent.assertStatus(303)
    let fresh = await reload(setting, dossier.id)
    // ST-15: position, department and handler of the partner agency.
    assert.equal(fresh.statusCode, 'dang_xu_ly')
    assert.equal(fresh.statusDetail, 'Chuyên viên Vũ Thị Liên, Phòng Giá - Công sản, Sở Tài chính – Xử lý liên thông')
    assert.equal(await holderOf(setting, dossier.id), setting.partner.id)

    // Nothing moves the dossier on while it is with the partner.
    const offered = await withTenant(setting.tenant, async () => availableActions(await reload(setting, dossier.id), setting.partner))
    assert.lengthOf(offered, 0)
    const direct = await client
      .post(`/mot-cua/ho-so/${dossier.id}/hanh-dong`)
      .header('host', setting.host)
      .loginAs(setting.partner)
      .withCsrfToken()
      .redirects(0)
      .form({ lock_version: fresh.lockVersion, transition_id: await transitionId(setting, 'thu_ly', 'Trình trưởng phòng') })
    direct.assertStatus(403)
    assert.include(direct.text(), 'Hồ sơ đang được xử lý liên thông tại Chuyên viên Vũ Thị Liên')
    assert.equal((await reload(setting, dossier.id)).currentStepKey, 'thu_ly')

    // Only the partner returns it.
    const byHandler = await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/lien-thong/tra-lai`, { lock_version: fresh.lockVersion, outcome: 'x' })
    byHandler.assertStatus(403)
    const returned = await client
      .post(`/mot-cua/ho-so/${dossier.id}/lien-thong/tra-lai`)
      .header('host', setting.host)
      .loginAs(setting.partner)
      .withCsrfToken()
      .redirects(0)
      .field('lock_version', String(fresh.lockVersion))
      .field('outcome', 'Giá đất đã xác định: 12.000.000 đ/m2')
      .file('files', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), { filename: 'gia-dat.pdf' })
    returned.assertStatus(303)
    fresh = await reload(setting, dossier.id)
    assert.equal(await holderOf(setting, dossier.id), setting.handler.id)
    assert.include(fresh.statusDetail, 'Chuyên viên Lê Văn Thụ, Phòng Tư pháp')

    const trail = await trailOf(setting, dossier.id)
    const transfer = trail.find((event) => event.action === 'inter_agency_transfer')!
    assert.isTrue(transfer.public)
    assert.include(transfer.comment!, 'Sở Tài chính')
    const back = trail.find((event) => event.action === 'inter_agency_return')!
    assert.equal(back.actorId, setting.partner.id)
    assert.equal(back.attachments[0].name, 'gia-dat.pdf')
    const [handover] = await handoversOf(setting, dossier.id)
    assert.equal(handover.outcome, 'Giá đất đã xác định: 12.000.000 đ/m2')

    // Back with the handler, the workflow goes on.
    const actions = await withTenant(setting.tenant, async () => availableActions(await reload(setting, dossier.id), setting.handler))
    assert.isAbove(actions.length, 0)
  })

  test('ST-15 refusals: a partner of the same agency, the wrong officer, a stale page; another tenant gets 404', async ({ client, assert }) => {
    const setting = await specialSetting()
    const dossier = await atHandler(setting)
    const sameAgency = await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/lien-thong`, {
      lock_version: dossier.lockVersion,
      to_officer_id: setting.outsider.id,
      reason: 'Xác định giá',
    })
    sameAgency.assertStatus(422)
    assert.include(sameAgency.text(), 'Hãy chọn cán bộ của cơ quan liên thông trong danh sách.')
    const wrongOfficer = await post(client, setting, setting.approver, `/mot-cua/ho-so/${dossier.id}/lien-thong`, {
      lock_version: dossier.lockVersion,
      to_officer_id: setting.partner.id,
      reason: 'Xác định giá',
    })
    wrongOfficer.assertStatus(403)
    const stale = await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/lien-thong`, {
      lock_version: dossier.lockVersion - 1,
      to_officer_id: setting.partner.id,
      reason: 'Xác định giá',
    })
    stale.assertStatus(409)
    assert.lengthOf(await handoversOf(setting, dossier.id), 0)

    const intruder = await createIntruder()
    for (const route of [
      { method: 'get' as const, path: (id: number) => `/mot-cua/ho-so/${id}/lien-thong` },
      { method: 'post' as const, path: (id: number) => `/mot-cua/ho-so/${id}/lien-thong`, form: { lock_version: dossier.lockVersion, reason: 'x' } },
      { method: 'post' as const, path: (id: number) => `/mot-cua/ho-so/${id}/lien-thong/tra-lai`, form: { lock_version: dossier.lockVersion, outcome: 'x' } },
      { method: 'get' as const, path: (id: number) => `/mot-cua/ho-so/${id}/uy-quyen` },
      { method: 'post' as const, path: (id: number) => `/mot-cua/ho-so/${id}/uy-quyen`, form: { lock_version: dossier.lockVersion, reason: 'x' } },
      { method: 'post' as const, path: (id: number) => `/mot-cua/ho-so/${id}/uy-quyen/ket-thuc`, form: { lock_version: dossier.lockVersion } },
    ]) {
      await assertNotFoundAcrossTenants(client, { ...route, id: dossier.id, owner: setting.tenant, intruder })
    }
    assert.equal((await reload(setting, dossier.id)).lockVersion, dossier.lockVersion)
  })
})
