import { test } from '@japa/runner'
import { checkWorkflow, formatWorkingMinutes, type WorkflowDefinition } from '#catalog/services/workflow_rules'
import { fourStepFlow, go, step } from '#catalog/tests/helpers/workflows'
import { defaultWorkflowFor, instantiateTemplate, WORKFLOW_TEMPLATES } from '#catalog/services/workflow_templates'

const messages = (definition: WorkflowDefinition, legalDeadlineDays = 5, minutesPerWorkingDay?: number) =>
  checkWorkflow(definition, { legalDeadlineDays, minutesPerWorkingDay }).map((violation) => violation.message)

test.group('OS-3.2 workflow rules', () => {
  test('OS-3.2 a valid four-step flow passes', ({ assert }) => {
    assert.deepEqual(messages(fourStepFlow()), [])
  })

  test('OS-3.2 step limits over the legal deadline are refused, with both durations in words', ({ assert }) => {
    const flow = fourStepFlow()
    flow.steps[1].timeLimitMinutes = 3 * 480 + 120 + 480 // 6 days 2 hours in all
    assert.deepEqual(messages(flow), ['Tổng thời hạn các bước (6 ngày 2 giờ) vượt thời hạn giải quyết (5 ngày)'])
    assert.deepEqual(messages(flow, 6.5), [])
  })

  test('OS-3.2 the working day length is a parameter', ({ assert }) => {
    // 5 days of 480 minutes fit in 5 days; with 7-hour days (420 minutes) they no longer do.
    assert.deepEqual(messages(fourStepFlow(), 5, 480), [])
    assert.deepEqual(messages(fourStepFlow(), 5, 420), [
      'Tổng thời hạn các bước (5 ngày 5 giờ) vượt thời hạn giải quyết (5 ngày)',
    ])
    assert.equal(formatWorkingMinutes(125, 480), '2 giờ 5 phút')
  })

  test('OS-3.2 a fractional legal deadline is counted in working minutes', ({ assert }) => {
    const flow = fourStepFlow()
    for (const item of flow.steps) item.timeLimitMinutes = 60
    assert.deepEqual(messages(flow, 0.5), [])
    flow.steps[0].timeLimitMinutes = 61
    assert.deepEqual(messages(flow, 0.5), ['Tổng thời hạn các bước (4 giờ 1 phút) vượt thời hạn giải quyết (0,5 ngày)'])
  })

  test('OS-3.2 a step that cannot be reached from intake is named', ({ assert }) => {
    const flow = fourStepFlow()
    flow.transitions = flow.transitions.filter(
      (transition) => transition.action !== 'Chuyển xử lý' && transition.from !== 'tham_dinh' || transition.to === 'phe_duyet'
    )
    flow.transitions.push(go('tiep_nhan', 'phe_duyet', 'Chuyển phê duyệt', 'dang_xu_ly'))
    assert.deepEqual(messages(flow), ['Bước “Thẩm định” không thể đi tới từ bước tiếp nhận'])
  })

  test('OS-3.2 a workflow with no end "Đã trả kết quả" is refused', ({ assert }) => {
    const flow = fourStepFlow()
    flow.transitions = flow.transitions.filter((transition) => transition.to !== null)
    assert.deepEqual(messages(flow), ['Quy trình không có thao tác kết thúc với trạng thái “Đã trả kết quả”'])
  })

  test('OS-3.2 a step with no way to the end is named', ({ assert }) => {
    const flow = fourStepFlow()
    flow.steps.push(step('xin_y_kien', 'Xin ý kiến', 'consultation', 0))
    flow.transitions.push(go('tham_dinh', 'xin_y_kien', 'Gửi xin ý kiến', 'dang_xu_ly'))
    assert.deepEqual(messages(flow), ['Từ bước “Xin ý kiến” không có đường đi tới kết thúc “Đã trả kết quả”'])
  })

  test('OS-3.3 the supplement loop is required, goes back to intake and comes back in', ({ assert }) => {
    const flow = fourStepFlow()
    flow.transitions = flow.transitions.filter((transition) => transition.statusCode !== 'yeu_cau_bo_sung_giay_to')
    assert.deepEqual(messages(flow), [
      'Quy trình chưa có vòng yêu cầu bổ sung: cần một thao tác dẫn tới trạng thái “Yêu cầu bổ sung giấy tờ” đưa hồ sơ về bước tiếp nhận',
    ])

    const notToIntake = fourStepFlow()
    notToIntake.transitions.push(go('phe_duyet', 'tham_dinh', 'Bổ sung', 'yeu_cau_bo_sung_giay_to'))
    assert.deepEqual(messages(notToIntake), [
      'Thao tác “Bổ sung” của bước “Phê duyệt” yêu cầu bổ sung nhưng không đưa hồ sơ về một bước tiếp nhận',
    ])

    // A second intake step that receives supplements but leads nowhere back into processing.
    const noWayBack = fourStepFlow()
    noWayBack.steps.splice(3, 0, step('nhan_bo_sung', 'Nhận bổ sung', 'intake', 0, { entryChannels: [] }))
    noWayBack.transitions.push(go('tham_dinh', 'nhan_bo_sung', 'Yêu cầu bổ sung qua bưu chính', 'yeu_cau_bo_sung_giay_to'))
    noWayBack.transitions.push(go('nhan_bo_sung', 'tra_ket_qua', 'Trả hồ sơ', 'da_xu_ly_xong'))
    assert.deepEqual(messages(noWayBack), ['Sau khi bổ sung ở bước “Nhận bổ sung”, hồ sơ không thể quay lại bước “Thẩm định”'])
  })

  test('OS-3.4 the online-intake entry is required', ({ assert }) => {
    const flow = fourStepFlow()
    flow.steps[0].entryChannels = ['counter']
    assert.deepEqual(messages(flow), ['Quy trình chưa có bước tiếp nhận hồ sơ nộp trực tuyến trên Cổng Dịch vụ công'])
  })

  test('OS-3.2 badly formed steps and transitions are named before the graph is checked', ({ assert }) => {
    const flow = fourStepFlow()
    flow.steps[1].timeLimitMinutes = Number.NaN
    flow.steps[2].role = null
    flow.transitions.push(go('khong_co', null, 'Lạ', 'dang_xu_ly'))
    assert.deepEqual(messages(flow), [
      'Bước “Thẩm định” có thời hạn không hợp lệ (số phút làm việc, không âm)',
      'Bước “Phê duyệt” chưa chọn phòng ban hoặc vai trò xử lý',
      'Thao tác “Lạ” đi từ một bước không có trong quy trình',
    ])
    assert.deepEqual(messages({ name: 'Trống', steps: [], transitions: [] }), ['Quy trình chưa có bước xử lý nào'])
  })
})

test.group('OS-3 workflow template library', () => {
  for (const template of WORKFLOW_TEMPLATES) {
    test(`OS-3.2 template "${template.name}" is valid for deadlines from half a day to 60 days`, ({ assert }) => {
      for (const legalDeadlineDays of [0, 0.5, 1, 2.5, 3, 5, 7, 10, 15, 20, 30, 60]) {
        for (const minutesPerWorkingDay of [480, 420]) {
          const definition = instantiateTemplate(template, { legalDeadlineDays }, { minutesPerWorkingDay })
          assert.deepEqual(
            checkWorkflow(definition, { legalDeadlineDays, minutesPerWorkingDay }).map((v) => v.message),
            [],
            `${template.key} at ${legalDeadlineDays} days of ${minutesPerWorkingDay} minutes`
          )
          const total = definition.steps.reduce((sum, item) => sum + item.timeLimitMinutes, 0)
          assert.isAtMost(total, legalDeadlineDays * minutesPerWorkingDay)
          if (legalDeadlineDays >= 5) assert.isAbove(total, legalDeadlineDays * minutesPerWorkingDay * 0.9)
        }
      }
    })
  }

  test('OS-3 defaultWorkflowFor picks a template by deadline and maps units to departments', ({ assert }) => {
    const short = defaultWorkflowFor({ legalDeadlineDays: 1 })
    assert.equal(short.name, 'Một phòng chuyên môn giải quyết')
    assert.deepEqual(
      short.steps.map((item) => item.key),
      ['tiep_nhan', 'phan_cong', 'thu_ly', 'phe_duyet', 'tra_ket_qua']
    )
    const long = defaultWorkflowFor({ legalDeadlineDays: 15 }, { departments: { counter: 7, department: 9 } })
    assert.equal(long.name, 'Phòng chuyên môn thẩm định, lãnh đạo cơ quan phê duyệt')
    assert.equal(long.steps[0].departmentId, 7)
    assert.equal(long.steps[2].departmentId, 9)
    const interAgency = defaultWorkflowFor({ legalDeadlineDays: 30 }, { template: 'inter_agency' })
    assert.include(
      interAgency.steps.map((item) => item.kind),
      'financial_obligation'
    )
  })
})
