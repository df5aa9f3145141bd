/*
 * Result document and approval rounds (OS-8.7, OS-9): the handler attaches the result or
 * generates it from the procedure's result template; the department head (round 1) and the
 * leader (round 2) approve in order, send back with directions to the handler or to the
 * department, or refuse (processing stops); every decision is recorded as a round and listed.
 */
import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import { pdfText } from '#intake/tests/document_readers'
import ApprovalDecision from '#processing/special/models/approval_decision'
import ResultDocument from '#processing/special/models/result_document'
import { act, reload, transitionId } from '#processing/tests/engine_fixtures'
import { assertNotFoundAcrossTenants, createIntruder } from '#tests/helpers/cross_tenant'
import {
  atFirstRound,
  atHandler,
  freshEmail,
  get,
  getBytes,
  mailTo,
  now,
  post,
  specialSetting,
  trailOf,
  type SpecialSetting,
} from '#processing/tests/special_fixtures'

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

function roundsOf(setting: SpecialSetting, dossierId: number) {
  return withTenant(setting.tenant, () => ApprovalDecision.query().where('dossier_id', dossierId).orderBy('id'))
}

function attachResult(client: Parameters<typeof get>[0], setting: SpecialSetting, dossierId: number, lockVersion: number) {
  return client
    .post(`/mot-cua/ho-so/${dossierId}/ket-qua`)
    .header('host', setting.host)
    .loginAs(setting.handler)
    .withCsrfToken()
    .redirects(0)
    .field('lock_version', String(lockVersion))
    .field('title', 'Giấy chứng nhận đăng ký hộ kinh doanh')
    .file('file', PDF, { filename: 'giay-chung-nhan.pdf' })
}

test.group('Result document and approval rounds', (group) => {
  // Each test builds a tenant with a workflow and walks a dossier through it: seconds, more on a busy machine.
  group.each.timeout(120_000)

  test('OS-8.7 OS-9.1 OS-9.2 two rounds in order: sent back to the handler with directions, then approved by the department head and the leader', async ({
    client,
    assert,
  }) => {
    const setting = await specialSetting()
    const dossier = await atHandler(setting)
    const attached = await attachResult(client, setting, dossier.id, dossier.lockVersion)
    attached.assertStatus(303)
    const [document] = await withTenant(setting.tenant, () => ResultDocument.query().where('dossier_id', dossier.id))
    assert.equal(document.source, 'upload')
    await act(setting, dossier.id, setting.handler, 'Trình trưởng phòng', now())

    // OS-9.1: the department head's list of dossiers awaiting approval.
    const list = await get(client, setting, setting.deptHead, '/mot-cua/phe-duyet')
    list.assertStatus(200)
    assert.include(list.text(), dossier.code)
    assert.include(list.text(), 'Trưởng phòng kiểm tra, trình ký')
    const screen = await get(client, setting, setting.deptHead, `/mot-cua/ho-so/${dossier.id}/phe-duyet`)
    assert.include(screen.text(), 'Đang ở vòng 1: Trưởng phòng kiểm tra, trình ký.')
    assert.include(screen.text(), 'Giấy chứng nhận đăng ký hộ kinh doanh')

    // Sent back to the handler: directions required, then recorded.
    let fresh = await reload(setting, dossier.id)
    const back = await transitionId(setting, 'kiem_tra', 'Trả lại thụ lý')
    const noDirections = await post(client, setting, setting.deptHead, `/mot-cua/ho-so/${dossier.id}/phe-duyet`, {
      lock_version: fresh.lockVersion,
      decision: 'send_back',
      transition_id: back,
      directions: ' ',
    })
    noDirections.assertStatus(422)
    assert.include(noDirections.text(), 'Hãy ghi ý kiến chỉ đạo khi trả lại hồ sơ.')
    const sentBack = await post(client, setting, setting.deptHead, `/mot-cua/ho-so/${dossier.id}/phe-duyet`, {
      lock_version: fresh.lockVersion,
      decision: 'send_back',
      transition_id: back,
      directions: 'Bổ sung căn cứ pháp lý vào dự thảo',
    })
    sentBack.assertStatus(303)
    fresh = await reload(setting, dossier.id)
    assert.equal(fresh.currentStepKey, 'thu_ly')
    assert.include(fresh.statusDetail, 'Chuyên viên Lê Văn Thụ')

    // Resubmitted; round 1 approves, round 2 (the leader) approves: back at the counter.
    await act(setting, dossier.id, setting.handler, 'Trình trưởng phòng', now())
    fresh = await reload(setting, dossier.id)
    ;(await post(client, setting, setting.deptHead, `/mot-cua/ho-so/${dossier.id}/phe-duyet`, { lock_version: fresh.lockVersion, decision: 'approve' })).assertStatus(303)
    fresh = await reload(setting, dossier.id)
    assert.equal(fresh.currentStepKey, 'phe_duyet')
    const leaderScreen = await get(client, setting, setting.approver, `/mot-cua/ho-so/${dossier.id}/phe-duyet`)
    assert.include(leaderScreen.text(), 'Đang ở vòng 2: Lãnh đạo cơ quan phê duyệt.')
    ;(await post(client, setting, setting.approver, `/mot-cua/ho-so/${dossier.id}/phe-duyet`, {
      lock_version: fresh.lockVersion,
      decision: 'approve',
      directions: 'Đồng ý ký',
    })).assertStatus(303)
    fresh = await reload(setting, dossier.id)
    assert.equal(fresh.statusCode, 'da_xu_ly_xong')
    assert.equal(fresh.statusDetail, 'Đang trả kết quả')

    const rounds = await roundsOf(setting, dossier.id)
    assert.deepEqual(
      rounds.map((row) => [row.round, row.decision, row.directions, row.decidedBy]),
      [
        [1, 'sent_back', 'Bổ sung căn cứ pháp lý vào dự thảo', setting.deptHead.id],
        [1, 'approved', null, setting.deptHead.id],
        [2, 'approved', 'Đồng ý ký', setting.approver.id],
      ]
    )
    assert.isTrue(rounds.every((row) => row.resultDocumentId === document.id))
    // OS-9.4: the leader's list of approved dossiers.
    const approved = await get(client, setting, setting.approver, '/mot-cua/phe-duyet?danh-sach=da-phe-duyet')
    assert.include(approved.text(), dossier.code)
    const trail = await trailOf(setting, dossier.id)
    assert.deepEqual(
      trail.filter((event) => ['attach_result', 'send_back', 'finish'].includes(event.action)).map((event) => event.action),
      ['attach_result', 'send_back', 'finish']
    )
  })

  test('OS-9.1 the leader sends the dossier back to the department head, with directions', async ({ client, assert }) => {
    const setting = await specialSetting()
    const dossier = await atFirstRound(setting)
    await act(setting, dossier.id, setting.deptHead, 'Trình ký', now())
    const fresh = await reload(setting, dossier.id)
    const screen = await get(client, setting, setting.approver, `/mot-cua/ho-so/${dossier.id}/phe-duyet`)
    assert.include(screen.text(), 'Trả lại phòng chuyên môn – Trưởng phòng kiểm tra, trình ký')
    const response = await post(client, setting, setting.approver, `/mot-cua/ho-so/${dossier.id}/phe-duyet`, {
      lock_version: fresh.lockVersion,
      decision: 'send_back',
      transition_id: await transitionId(setting, 'phe_duyet', 'Trả lại phòng chuyên môn'),
      directions: 'Trưởng phòng rà soát lại số liệu',
    })
    response.assertStatus(303)
    const after = await reload(setting, dossier.id)
    assert.equal(after.currentStepKey, 'kiem_tra')
    const rounds = await roundsOf(setting, dossier.id)
    assert.deepEqual(
      rounds.map((round) => [round.round, round.decision, round.directions]),
      [
        [1, 'approved', null],
        [2, 'sent_back', 'Trưởng phòng rà soát lại số liệu'],
      ]
    )
  })

  test('OS-9.3 OS-9.4 ST-13 the leader refuses with directions: processing stops, the applicant is told, the refusal is listed', async ({ client, assert }) => {
    const setting = await specialSetting()
    const email = freshEmail()
    const dossier = await atFirstRound(setting, { email })
    await act(setting, dossier.id, setting.deptHead, 'Trình ký', now())
    const fresh = await reload(setting, dossier.id)
    const noReason = await post(client, setting, setting.approver, `/mot-cua/ho-so/${dossier.id}/phe-duyet`, { lock_version: fresh.lockVersion, decision: 'refuse' })
    noReason.assertStatus(422)
    assert.include(noReason.text(), 'Hãy ghi ý kiến chỉ đạo, lý do không phê duyệt.')
    const refused = await post(client, setting, setting.approver, `/mot-cua/ho-so/${dossier.id}/phe-duyet`, {
      lock_version: fresh.lockVersion,
      decision: 'refuse',
      directions: 'Vị trí xây dựng không phù hợp quy hoạch',
    })
    refused.assertStatus(303)
    const after = await reload(setting, dossier.id)
    assert.equal(after.statusCode, 'dung_xu_ly')
    assert.equal(after.statusDetail, 'Lý do: Vị trí xây dựng không phù hợp quy hoạch')
    assert.isNull(after.currentStepKey)
    const round = (await roundsOf(setting, dossier.id)).at(-1)!
    assert.deepEqual([round.round, round.decision, round.decidedBy], [2, 'refused', setting.approver.id])
    const event = (await trailOf(setting, dossier.id)).at(-1)!
    assert.deepEqual([event.action, event.toStatus, event.public], ['refuse_approval', 'dung_xu_ly', true])
    const mail = await mailTo(email, 'dừng giải quyết')
    assert.include(mail.text, 'Vị trí xây dựng không phù hợp quy hoạch')
    const list = await get(client, setting, setting.approver, '/mot-cua/phe-duyet?danh-sach=tu-choi')
    assert.include(list.text(), dossier.code)
    // Nothing more is offered on a stopped dossier.
    const again = await post(client, setting, setting.approver, `/mot-cua/ho-so/${dossier.id}/phe-duyet`, { lock_version: after.lockVersion, decision: 'approve' })
    again.assertStatus(403)
    assert.include(again.text(), 'Hồ sơ đã kết thúc xử lý.')
  })

  test('OS-8.7 the result generated from the procedure result template is a PDF with the dossier data; the last round needs a result', async ({
    client,
    assert,
  }) => {
    const setting = await specialSetting()
    const dossier = await atHandler(setting)
    await act(setting, dossier.id, setting.handler, 'Trình trưởng phòng', now())
    await act(setting, dossier.id, setting.deptHead, 'Trình ký', now())
    let fresh = await reload(setting, dossier.id)
    const noResult = await post(client, setting, setting.approver, `/mot-cua/ho-so/${dossier.id}/phe-duyet`, { lock_version: fresh.lockVersion, decision: 'approve' })
    noResult.assertStatus(422)
    assert.include(noResult.text(), 'Hồ sơ chưa có kết quả giải quyết')

    const generated = await post(client, setting, setting.approver, `/mot-cua/ho-so/${dossier.id}/ket-qua/tu-mau`, {
      lock_version: fresh.lockVersion,
      title: 'Quyết định công nhận',
      content: 'Công nhận ông Nguyễn Văn An đủ điều kiện.',
    })
    generated.assertStatus(303)
    const [document] = await withTenant(setting.tenant, () => ResultDocument.query().where('dossier_id', dossier.id))
    assert.equal(document.source, 'template')
    const pdf = await getBytes(client, setting, setting.approver, `/tep/${document.storedFileId}`)
    pdf.response.assertStatus(200)
    const text = (await pdfText(pdf.bytes)).replace(/\s+/g, ' ')
    assert.include(text, 'Quyết định công nhận')
    assert.include(text, 'Công nhận ông Nguyễn Văn An đủ điều kiện.')
    assert.include(text, dossier.code)
    fresh = await reload(setting, dossier.id)
    ;(await post(client, setting, setting.approver, `/mot-cua/ho-so/${dossier.id}/phe-duyet`, { lock_version: fresh.lockVersion, decision: 'approve' })).assertStatus(303)
    assert.equal((await reload(setting, dossier.id)).statusCode, 'da_xu_ly_xong')
  })

  test('OS-9 issue 5 item 7 refusals: the handler cannot decide, a stale page, another tenant gets 404', async ({ client, assert }) => {
    const setting = await specialSetting()
    const dossier = await atFirstRound(setting)
    const path = `/mot-cua/ho-so/${dossier.id}/phe-duyet`
    const byHandler = await post(client, setting, setting.handler, path, { lock_version: dossier.lockVersion, decision: 'approve' })
    byHandler.assertStatus(403)
    const stale = await post(client, setting, setting.deptHead, path, { lock_version: dossier.lockVersion - 1, decision: 'approve' })
    stale.assertStatus(409)
    const upload = await attachResult(client, setting, dossier.id, dossier.lockVersion)
    upload.assertStatus(403)
    const intruder = await createIntruder()
    for (const route of [
      { method: 'get' as const, path: (id: number) => `/mot-cua/ho-so/${id}/phe-duyet` },
      { method: 'post' as const, path: (id: number) => `/mot-cua/ho-so/${id}/phe-duyet`, form: { lock_version: dossier.lockVersion, decision: 'approve' } },
      { method: 'get' as const, path: (id: number) => `/mot-cua/ho-so/${id}/ket-qua` },
      { method: 'post' as const, path: (id: number) => `/mot-cua/ho-so/${id}/ket-qua`, form: { lock_version: dossier.lockVersion } },
      { method: 'post' as const, path: (id: number) => `/mot-cua/ho-so/${id}/ket-qua/tu-mau`, form: { lock_version: dossier.lockVersion, title: 'x', content: 'y' } },
    ]) {
      await assertNotFoundAcrossTenants(client, { ...route, id: dossier.id, owner: setting.tenant, intruder })
    }
    const after = await reload(setting, dossier.id)
    assert.equal(after.lockVersion, dossier.lockVersion)
    assert.equal(after.currentStepKey, 'kiem_tra')
    assert.lengthOf(await roundsOf(setting, dossier.id), 0)
  })
})
