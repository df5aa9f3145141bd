/*
 * Consultation (OS-8.6, ST-14): the handler asks other departments for an opinion by a due date;
 * each consulted department sees the request in its queue and answers once with a text and
 * files; the handler reads the opinions; the dossier stays with the handler all along.
 */
import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import Consultation from '#processing/special/models/consultation'
import { acceptedDossier, reload } from '#processing/tests/engine_fixtures'
import { assertNotFoundAcrossTenants, createIntruder } from '#tests/helpers/cross_tenant'
import {
  atHandler,
  dayOffAfter,
  get,
  now,
  post,
  specialSetting,
  trailOf,
  workingDayAfter,
  type SpecialSetting,
} from '#processing/tests/special_fixtures'

function consultationsOf(setting: SpecialSetting, dossierId: number) {
  return withTenant(setting.tenant, () => Consultation.query().where('dossier_id', dossierId).orderBy('id'))
}

test.group('Consultation', (group) => {
  // Each test builds a tenant with a workflow and walks a dossier through it: seconds, more on a busy machine.
  group.each.timeout(120_000)

  test('OS-8.6 ST-14 the handler asks two departments, each answers from its queue, the handler reads the opinions and keeps the dossier', async ({
    client,
    assert,
  }) => {
    const setting = await specialSetting()
    const dossier = await atHandler(setting)
    const before = { detail: dossier.statusDetail, step: dossier.currentStepKey }
    const due = await workingDayAfter(setting, 3)

    const form = await get(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/xin-y-kien`)
    form.assertStatus(200)
    assert.include(form.text(), 'Phòng Kinh tế')
    assert.include(form.text(), 'Phòng Giá - Công sản, Sở Tài chính')

    const partnerDepartment = Number(setting.partner.departmentId)
    const asked = await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/xin-y-kien`, {
      'lock_version': dossier.lockVersion,
      'department_ids[]': [String(setting.outsider.departmentId), String(partnerDepartment)],
      'question': 'Đề nghị cho ý kiến về quy hoạch khu đất.',
      'due_date': due,
    })
    asked.assertStatus(303)
    assert.equal(asked.header('location'), `/mot-cua/ho-so/${dossier.id}/xin-y-kien`)

    // ST-14: still "Đang xử lý" with the handler as the detail; the lock version moved.
    const after = await reload(setting, dossier.id)
    assert.equal(after.statusCode, 'dang_xu_ly')
    assert.equal(after.statusDetail, before.detail)
    assert.equal(after.currentStepKey, before.step)
    assert.equal(after.lockVersion, dossier.lockVersion + 1)
    const requests = await consultationsOf(setting, dossier.id)
    assert.lengthOf(requests, 2)
    assert.deepEqual(requests.map((row) => Number(row.departmentId)).sort(), [Number(setting.outsider.departmentId), partnerDepartment].sort())

    // The dossier page offers the consultation screen and says opinions are awaited; the consulted officers' desk tells them.
    const dossierPage = await get(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}`)
    dossierPage.assertStatus(200)
    assert.include(dossierPage.text(), 'Nghiệp vụ xử lý khác')
    assert.include(dossierPage.text(), `href="/mot-cua/ho-so/${dossier.id}/xin-y-kien"`)
    assert.include(dossierPage.text(), '2 yêu cầu xin ý kiến đang chờ trả lời.')
    const desk = await get(client, setting, setting.outsider, '/mot-cua')
    assert.include(desk.text(), '1 yêu cầu xin ý kiến đang chờ đơn vị của bạn trả lời')

    // The consulted department's queue lists it; the other one's answers it with a file.
    const queue = await get(client, setting, setting.outsider, '/mot-cua/xin-y-kien')
    queue.assertStatus(200)
    assert.include(queue.text(), dossier.code)
    assert.include(queue.text(), 'Đề nghị cho ý kiến về quy hoạch khu đất.')
    const outsiderRequest = requests.find((row) => Number(row.departmentId) === Number(setting.outsider.departmentId))!
    const answered = await client
      .post(`/mot-cua/xin-y-kien/${outsiderRequest.id}`)
      .header('host', setting.host)
      .loginAs(setting.outsider)
      .withCsrfToken()
      .redirects(0)
      .field('answer', 'Phòng Kinh tế thống nhất, đề nghị bổ sung trích lục.')
      .file('files', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), { filename: 'y-kien.pdf' })
    answered.assertStatus(303)

    // Answering twice is refused; the handler reads the opinion and its file.
    const again = await post(client, setting, setting.outsider, `/mot-cua/xin-y-kien/${outsiderRequest.id}`, { answer: 'Lần hai' })
    again.assertStatus(403)
    assert.include(again.text(), 'Đơn vị của bạn đã trả lời yêu cầu này.')
    const page = await get(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/xin-y-kien`)
    assert.include(page.text(), 'Phòng Kinh tế thống nhất, đề nghị bổ sung trích lục.')
    assert.include(page.text(), 'y-kien.pdf')
    assert.include(page.text(), 'Chưa trả lời')

    const trail = await trailOf(setting, dossier.id)
    const consult = trail.find((event) => event.action === 'consult')!
    assert.include(consult.comment!, 'Đề nghị cho ý kiến về quy hoạch khu đất.')
    assert.include(consult.comment!, 'Sở Tài chính')
    assert.isFalse(consult.public)
    const answer = trail.find((event) => event.action === 'consultation_answer')!
    assert.equal(answer.actorId, setting.outsider.id)
    assert.equal(answer.attachments[0].name, 'y-kien.pdf')
    // The answer does not take the dossier from under the handler's open page.
    assert.equal((await reload(setting, dossier.id)).lockVersion, after.lockVersion)
  })

  test('OS-8.6 bad input is answered at the fields and nothing is asked', async ({ client, assert }) => {
    const setting = await specialSetting()
    const dossier = await atHandler(setting)
    const response = await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/xin-y-kien`, {
      lock_version: dossier.lockVersion,
      question: '  ',
      due_date: await dayOffAfter(setting),
    })
    response.assertStatus(422)
    assert.include(response.text(), 'Hãy chọn ít nhất một đơn vị được xin ý kiến.')
    assert.include(response.text(), 'Hãy nêu nội dung cần xin ý kiến.')
    assert.include(response.text(), 'là ngày nghỉ')
    assert.lengthOf(await consultationsOf(setting, dossier.id), 0)
    assert.equal((await reload(setting, dossier.id)).lockVersion, dossier.lockVersion)
  })

  test('OS-8.6 issue 5 item 7 wrong officer, wrong step and a stale page are refused and change nothing', async ({ client, assert }) => {
    const setting = await specialSetting()
    const dossier = await atHandler(setting)
    const form = {
      'lock_version': dossier.lockVersion,
      'department_ids[]': [String(setting.outsider.departmentId)],
      'question': 'Xin ý kiến',
      'due_date': await workingDayAfter(setting, 2),
    }
    // Another handler of the same department does not hold the dossier.
    const wrongOfficer = await post(client, setting, setting.otherHandler, `/mot-cua/ho-so/${dossier.id}/xin-y-kien`, form)
    wrongOfficer.assertStatus(403)
    assert.include(wrongOfficer.text(), 'Bạn không có quyền thực hiện thao tác này')
    // A receptionist is not at the handler's step either.
    const wrongRole = await post(client, setting, setting.receptionist, `/mot-cua/ho-so/${dossier.id}/xin-y-kien`, form)
    wrongRole.assertStatus(403)
    // A stale page: someone acted since.
    const stale = await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/xin-y-kien`, { ...form, lock_version: dossier.lockVersion - 1 })
    stale.assertStatus(409)
    assert.include(stale.text(), 'Hồ sơ vừa được người khác cập nhật')
    // An officer of a department that was not consulted cannot answer.
    await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/xin-y-kien`, form).then((response) => response.assertStatus(303))
    const [request] = await consultationsOf(setting, dossier.id)
    const notConsulted = await post(client, setting, setting.partner, `/mot-cua/xin-y-kien/${request.id}`, { answer: 'Ý kiến' })
    notConsulted.assertStatus(403)

    // A dossier still at the counter's step is the wrong step.
    const fresh = await acceptedDossier(setting, now())
    const wrongStep = await post(client, setting, setting.receptionist, `/mot-cua/ho-so/${fresh.id}/xin-y-kien`, { ...form, lock_version: fresh.lockVersion })
    wrongStep.assertStatus(403)
    assert.include(wrongStep.text(), 'Thao tác này không thuộc bước hiện tại của hồ sơ.')

    const trail = await trailOf(setting, dossier.id)
    assert.lengthOf(trail.filter((event) => event.action === 'consult'), 1)
    assert.isNull((await consultationsOf(setting, dossier.id))[0].answeredAt)
  })

  test('OS-8.6 another tenant gets 404 on the consultation screens', async ({ client, assert }) => {
    const setting = await specialSetting()
    const dossier = await atHandler(setting)
    await post(client, setting, setting.handler, `/mot-cua/ho-so/${dossier.id}/xin-y-kien`, {
      'lock_version': dossier.lockVersion,
      'department_ids[]': [String(setting.outsider.departmentId)],
      'question': 'Xin ý kiến',
      'due_date': await workingDayAfter(setting, 2),
    }).then((response) => response.assertStatus(303))
    const [request] = await consultationsOf(setting, dossier.id)
    const intruder = await createIntruder()
    for (const route of [
      { method: 'get' as const, path: (id: number) => `/mot-cua/ho-so/${id}/xin-y-kien`, id: dossier.id },
      { method: 'post' as const, path: (id: number) => `/mot-cua/ho-so/${id}/xin-y-kien`, id: dossier.id, form: { lock_version: 1, question: 'x' } },
      { method: 'get' as const, path: (id: number) => `/mot-cua/xin-y-kien/${id}`, id: request.id },
      { method: 'post' as const, path: (id: number) => `/mot-cua/xin-y-kien/${id}`, id: request.id, form: { answer: 'x' } },
    ]) {
      await assertNotFoundAcrossTenants(client, { ...route, owner: setting.tenant, intruder })
    }
    assert.isNull((await consultationsOf(setting, dossier.id))[0].answeredAt)
  })
})
