import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import DossierEvent from '#intake/models/dossier_event'
import { verifyTrail } from '#intake/services/trail'
import DossierStep from '#processing/models/dossier_step'
import { availableActions, performAction } from '#processing/services/engine'
import { assignHandler } from '#processing/services/assignment'
import { ActionInvalidError, ActionRefusedError, DossierChangedError } from '#processing/services/errors'
import { acceptedDossier, act, clockOf, engineSetting, reload, transitionId, vn, type EngineSetting } from '#processing/tests/engine_fixtures'

function trailOf(setting: EngineSetting, dossierId: number) {
  return withTenant(setting.tenant, () => DossierEvent.query().where('dossier_id', dossierId).orderBy('sequence'))
}

function historyOf(setting: EngineSetting, dossierId: number) {
  return withTenant(setting.tenant, () => DossierStep.query().where('dossier_id', dossierId).orderBy('id'))
}

/** What must stay as it was when an action is refused. */
async function snapshot(setting: EngineSetting, dossierId: number) {
  const dossier = await reload(setting, dossierId)
  return {
    status: dossier.statusCode,
    detail: dossier.statusDetail,
    step: dossier.currentStepKey,
    lockVersion: dossier.lockVersion,
    appointment: dossier.appointmentAt?.toISO(),
    trail: (await trailOf(setting, dossierId)).length,
    history: (await historyOf(setting, dossierId)).map((row) => `${row.stepKey}:${row.finishedAt?.toISO() ?? 'open'}:${row.assigneeId}`),
  }
}

test.group('Workflow runtime: the forward path', () => {
  test('ST-5 ST-9 ST-10 ST-11 ST-19 ST-20 OS-5.6 OS-7.1 OS-8.7: a counter dossier goes through its workflow to da_xu_ly_xong and da_tra_ket_qua', async ({
    assert,
  }) => {
    const setting = await engineSetting()
    const start = vn('2026-06-01T08:00:00')
    const dossier = await acceptedDossier(setting, start)
    assert.equal(dossier.statusCode, 'duoc_tiep_nhan')

    // ST-9: the receptionist forwards it; the detail names the department and the authority.
    let result = await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', vn('2026-06-01T09:00:00'))
    assert.equal(result.dossier.statusCode, 'dang_xu_ly')
    assert.equal(result.dossier.currentStepKey, 'phan_cong')
    assert.equal(result.dossier.statusDetail, 'Phòng Tư pháp, Bộ phận Một cửa – Phân công thụ lý')
    assert.equal(result.dossier.lockVersion, 2)

    // ST-10: the department head assigns a handler; the detail names the handler and position.
    result = await act(setting, dossier.id, setting.deptHead, 'Phân công thụ lý', vn('2026-06-01T10:00:00'), {
      assigneeId: setting.handler.id,
    })
    assert.equal(result.dossier.currentStepKey, 'thu_ly')
    assert.include(result.dossier.statusDetail, 'Chuyên viên Lê Văn Thụ, Phòng Tư pháp')
    assert.equal(result.startedStep!.assigneeId, setting.handler.id)

    // ST-11 → OS-8.7: the handler submits to the department head, who submits for signature.
    result = await act(setting, dossier.id, setting.handler, 'Trình trưởng phòng', vn('2026-06-03T10:00:00'))
    assert.equal(result.dossier.currentStepKey, 'kiem_tra')
    result = await act(setting, dossier.id, setting.deptHead, 'Trình ký', vn('2026-06-04T10:00:00'))
    assert.equal(result.dossier.currentStepKey, 'phe_duyet')
    assert.include(result.dossier.statusDetail, 'Lãnh đạo Sở')

    // ST-19: approved, the result goes back to the counter.
    result = await act(setting, dossier.id, setting.approver, 'Phê duyệt', vn('2026-06-05T10:00:00'))
    assert.equal(result.dossier.statusCode, 'da_xu_ly_xong')
    assert.equal(result.dossier.statusDetail, 'Đang trả kết quả')
    assert.equal(result.dossier.currentStepKey, 'tra_ket_qua')

    // ST-20: handed over; processing ends.
    result = await act(setting, dossier.id, setting.receptionist, 'Trả kết quả', vn('2026-06-08T09:00:00'))
    assert.equal(result.dossier.statusCode, 'da_tra_ket_qua')
    assert.equal(result.dossier.statusDetail, 'Ngày trả kết quả: 08/06/2026')
    assert.isNull(result.dossier.currentStepKey)
    assert.isNull(result.startedStep)
    assert.equal(result.dossier.lockVersion, 7)

    const history = await historyOf(setting, dossier.id)
    assert.deepEqual(
      history.map((row) => row.stepKey),
      ['tiep_nhan', 'phan_cong', 'thu_ly', 'kiem_tra', 'phe_duyet', 'tra_ket_qua']
    )
    assert.isTrue(history.every((row) => row.finishedAt !== null))
    // The intake passage started when the dossier was received; each step is due its limit later.
    assert.equal(history[0].startedAt.toMillis(), start.toMillis())
    // Thụ lý: 2400 working minutes (5 days) from Monday 10:00 is the next Monday 10:00.
    assert.equal(history[2].dueAt!.toMillis(), vn('2026-06-08T10:00:00').toMillis())

    const trail = await trailOf(setting, dossier.id)
    assert.deepEqual(
      trail.map((event) => [event.action, event.fromStatus, event.toStatus]),
      [
        ['receive', null, 'duoc_tiep_nhan'],
        ['forward', 'duoc_tiep_nhan', 'dang_xu_ly'],
        ['assign', 'dang_xu_ly', 'dang_xu_ly'],
        ['submit_for_approval', 'dang_xu_ly', 'dang_xu_ly'],
        ['submit_for_approval', 'dang_xu_ly', 'dang_xu_ly'],
        ['finish', 'dang_xu_ly', 'da_xu_ly_xong'],
        ['return_result', 'da_xu_ly_xong', 'da_tra_ket_qua'],
      ]
    )
    assert.equal(trail[2].actorId, setting.deptHead.id)
    assert.deepEqual(
      trail.map((event) => event.public),
      [true, true, true, false, false, true, true]
    )
    assert.isNull((await withTenant(setting.tenant, () => verifyTrail(dossier.id))).broken)
  })

  test('OS-8 the actions offered are those of the current step for the officer of its role and department', async ({ assert }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
    const offered = (user: typeof setting.handler) =>
      withTenant(setting.tenant, async () => {
        const fresh = await reload(setting, dossier.id)
        return (await availableActions(fresh, user)).map((action) => action.transition.action)
      })

    assert.deepEqual(await offered(setting.receptionist), ['Chuyển xử lý', 'Yêu cầu bổ sung', 'Từ chối tiếp nhận'])
    assert.deepEqual(await offered(setting.handler), [])
    await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', vn('2026-06-01T09:00:00'))
    assert.deepEqual(await offered(setting.deptHead), ['Phân công thụ lý'])
    assert.deepEqual(await offered(setting.outsider), [], 'the head of another department')
    await act(setting, dossier.id, setting.deptHead, 'Phân công thụ lý', vn('2026-06-01T10:00:00'), { assigneeId: setting.handler.id })
    assert.deepEqual(await offered(setting.handler), ['Trình trưởng phòng', 'Yêu cầu bổ sung', 'Dừng xử lý'])
    assert.deepEqual(await offered(setting.otherHandler), [], 'a handler of the department who does not hold it')
  })
})

test.group('Workflow runtime: refused actions change nothing (issue 5 item 7)', () => {
  test('issue 5 item 7: a wrong role is refused and nothing changes', async ({ assert }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
    const before = await snapshot(setting, dossier.id)
    const error = await act(setting, dossier.id, setting.handler, 'Chuyển xử lý', vn('2026-06-01T09:00:00')).catch((caught) => caught)
    assert.instanceOf(error, ActionRefusedError)
    assert.equal(error.reason, 'not_allowed')
    assert.equal(error.message, 'Bạn không có quyền thực hiện thao tác này ở bước hiện tại của hồ sơ.')
    assert.deepEqual(await snapshot(setting, dossier.id), before)
  })

  test('issue 5 item 7: a transition of another step is refused and nothing changes', async ({ assert }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
    const before = await snapshot(setting, dossier.id)
    const approve = await transitionId(setting, 'phe_duyet', 'Phê duyệt')
    const error = await withTenant(setting.tenant, () =>
      performAction({ dossierId: dossier.id, transitionId: approve, expectedLockVersion: 1, actor: setting.approver })
    ).catch((caught) => caught)
    assert.instanceOf(error, ActionRefusedError)
    assert.equal(error.reason, 'wrong_step')
    assert.deepEqual(await snapshot(setting, dossier.id), before)
  })

  test('issue 5 item 7 OS-7.1: only the assigned handler acts on the dossier; another handler of the department is refused', async ({
    assert,
  }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
    await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', vn('2026-06-01T09:00:00'))
    await act(setting, dossier.id, setting.deptHead, 'Phân công thụ lý', vn('2026-06-01T10:00:00'), { assigneeId: setting.handler.id })
    const before = await snapshot(setting, dossier.id)
    const error = await act(setting, dossier.id, setting.otherHandler, 'Trình trưởng phòng', vn('2026-06-02T09:00:00')).catch((c) => c)
    assert.instanceOf(error, ActionRefusedError)
    assert.equal(error.reason, 'not_allowed')
    assert.deepEqual(await snapshot(setting, dossier.id), before)
  })

  test('issue 5 item 7 ST-12 ST-13: a missing reason, attachment or handler is refused at the field and nothing changes', async ({
    assert,
  }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
    await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', vn('2026-06-01T09:00:00'))
    let before = await snapshot(setting, dossier.id)
    let error = await act(setting, dossier.id, setting.deptHead, 'Phân công thụ lý', vn('2026-06-01T10:00:00')).catch((c) => c)
    assert.instanceOf(error, ActionInvalidError)
    assert.deepEqual(error.fields, { assignee_id: 'Hãy chọn cán bộ thụ lý.' })
    error = await act(setting, dossier.id, setting.deptHead, 'Phân công thụ lý', vn('2026-06-01T10:00:00'), {
      assigneeId: setting.outsider.id,
    }).catch((c) => c)
    assert.deepEqual(error.fields, { assignee_id: 'Hãy chọn một cán bộ trong danh sách.' })
    assert.deepEqual(await snapshot(setting, dossier.id), before)

    await act(setting, dossier.id, setting.deptHead, 'Phân công thụ lý', vn('2026-06-01T10:00:00'), { assigneeId: setting.handler.id })
    before = await snapshot(setting, dossier.id)
    error = await act(setting, dossier.id, setting.handler, 'Yêu cầu bổ sung', vn('2026-06-02T09:00:00'), { reason: '   ' }).catch((c) => c)
    assert.instanceOf(error, ActionInvalidError)
    assert.deepEqual(error.fields, { reason: 'Hãy nêu lý do.', papers: 'Hãy chọn hoặc ghi ít nhất một giấy tờ cần bổ sung.' })
    error = await act(setting, dossier.id, setting.handler, 'Dừng xử lý', vn('2026-06-02T09:00:00'), {
      reason: 'Không đủ điều kiện',
    }).catch((c) => c)
    assert.deepEqual(error.fields, { files: 'Thao tác này cần tệp đính kèm.' })
    assert.deepEqual(await snapshot(setting, dossier.id), before)
  })

  test('issue 5 item 7: of two officers acting at once with the same version exactly one succeeds; the other changes nothing', async ({
    assert,
  }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
    const secondReceptionist = await withTenant(setting.tenant, async () => {
      const { default: User } = await import('#users/models/user')
      return User.create({
        kind: 'officer',
        email: `motcua2-${dossier.id}@example.vn`,
        fullName: 'Vũ Văn Hai',
        agencyId: setting.agencyId,
        departmentId: setting.counter.id,
        roles: ['receptionist'],
        password: 'Matkhau@2026',
        isActive: true,
      })
    })
    const forward = await transitionId(setting, 'tiep_nhan', 'Chuyển xử lý')
    const refuse = await transitionId(setting, 'tiep_nhan', 'Từ chối tiếp nhận')
    const outcomes = await Promise.allSettled([
      withTenant(setting.tenant, () =>
        performAction({ dossierId: dossier.id, transitionId: forward, expectedLockVersion: 1, actor: setting.receptionist })
      ),
      withTenant(setting.tenant, () =>
        performAction({
          dossierId: dossier.id,
          transitionId: refuse,
          expectedLockVersion: 1,
          actor: secondReceptionist,
          reason: 'Không thuộc thẩm quyền',
        })
      ),
    ])
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled')
    const lost = outcomes.filter((outcome) => outcome.status === 'rejected') as PromiseRejectedResult[]
    assert.lengthOf(won, 1)
    assert.lengthOf(lost, 1)
    assert.instanceOf(lost[0].reason, DossierChangedError)
    assert.equal(lost[0].reason.message, 'Hồ sơ vừa được người khác cập nhật. Thông tin dưới đây là mới nhất; hãy xem lại trước khi thao tác.')

    const after = await reload(setting, dossier.id)
    assert.equal(after.lockVersion, 2)
    const trail = await trailOf(setting, dossier.id)
    assert.lengthOf(trail, 2)
    assert.equal(trail[1].toStatus, after.statusCode)
    const history = await historyOf(setting, dossier.id)
    assert.lengthOf(history.filter((row) => row.finishedAt !== null), 1)
  })

  test('issue 5 item 7: an action sent from a page drawn before the last change is refused', async ({ assert }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
    await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', vn('2026-06-01T09:00:00'))
    const before = await snapshot(setting, dossier.id)
    const assign = await transitionId(setting, 'phan_cong', 'Phân công thụ lý')
    const error = await withTenant(setting.tenant, () =>
      performAction({ dossierId: dossier.id, transitionId: assign, expectedLockVersion: 1, actor: setting.deptHead, assigneeId: setting.handler.id })
    ).catch((c) => c)
    assert.instanceOf(error, DossierChangedError)
    assert.deepEqual(await snapshot(setting, dossier.id), before)
  })
})

test.group('Workflow runtime: assignment (OS-7.1, OS-7.2)', () => {
  test('OS-7.2 ST-10: the department head reassigns; the detail names the new handler, who alone may act', async ({ assert }) => {
    const setting = await engineSetting()
    const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
    await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', vn('2026-06-01T09:00:00'))
    await act(setting, dossier.id, setting.deptHead, 'Phân công thụ lý', vn('2026-06-01T10:00:00'), { assigneeId: setting.handler.id })
    let current = await reload(setting, dossier.id)

    const refused = await withTenant(setting.tenant, () =>
      assignHandler({ dossierId: dossier.id, expectedLockVersion: current.lockVersion, actor: setting.outsider, assigneeId: setting.otherHandler.id })
    ).catch((c) => c)
    assert.instanceOf(refused, ActionRefusedError)

    const { dossier: reassigned } = await withTenant(setting.tenant, () =>
      assignHandler(
        { dossierId: dossier.id, expectedLockVersion: current.lockVersion, actor: setting.deptHead, assigneeId: setting.otherHandler.id, comment: 'Cân đối công việc' },
        { clock: clockOf(vn('2026-06-02T08:00:00')) }
      )
    )
    assert.include(reassigned.statusDetail, 'Chuyên viên Đỗ Thị Lý, Phòng Tư pháp')
    assert.equal(reassigned.lockVersion, current.lockVersion + 1)
    const trail = await trailOf(setting, dossier.id)
    assert.equal(trail.at(-1)!.action, 'reassign')
    assert.equal(trail.at(-1)!.comment, 'Cân đối công việc')

    const byFormer = await act(setting, dossier.id, setting.handler, 'Trình trưởng phòng', vn('2026-06-02T09:00:00')).catch((c) => c)
    assert.instanceOf(byFormer, ActionRefusedError)
    const byNew = await act(setting, dossier.id, setting.otherHandler, 'Trình trưởng phòng', vn('2026-06-02T09:00:00'))
    assert.equal(byNew.dossier.currentStepKey, 'kiem_tra')
    current = await reload(setting, dossier.id)
    assert.equal(current.statusCode, 'dang_xu_ly')
  })
})
