import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import Sector from '#catalog/models/sector'
import Procedure from '#catalog/models/procedure'
import Workflow from '#catalog/models/workflow'
import WorkflowStep from '#catalog/models/workflow_step'
import WorkflowTransition from '#catalog/models/workflow_transition'
import { createOfficer, createTenant, hostOf } from '#tests/helpers/tenants'
import { assertNotFoundAcrossTenants, createIntruder } from '#tests/helpers/cross_tenant'
import { fourStepFlow, formOf } from '#catalog/tests/helpers/workflows'

async function addProcedure(tenant: Tenant, legalDeadlineDays = 5) {
  return withTenant(tenant, async () => {
    const sector = await Sector.create({ code: `LV${randomUUID().slice(0, 6)}`, name: 'Hộ tịch', position: 1 })
    return Procedure.create({
      sectorId: sector.id,
      name: 'Đăng ký khai sinh',
      legalDeadlineDays,
      nationalCode: null,
      isSampleCode: true,
    })
  })
}

function versions(tenant: Tenant, procedure: Procedure) {
  return withTenant(tenant, async () => {
    const rows = await Workflow.query().where('procedure_id', procedure.id).orderBy('version').preload('steps').preload('transitions')
    return rows.map((row) => ({
      version: row.version,
      isCurrent: row.isCurrent,
      steps: row.steps.map((item) => `${item.key}:${item.name}:${item.timeLimitMinutes}`),
      transitions: row.transitions.length,
    }))
  })
}

function countRows(tenant: Tenant) {
  return withTenant(tenant, async () => {
    const counts = await Promise.all(
      [Workflow, WorkflowStep, WorkflowTransition].map(async (model) => Number((await model.query().count('* as total'))[0].$extras.total))
    )
    return counts
  })
}

const flash = (response: ApiResponse) => (response.flashMessages() ?? {}) as Record<string, any>
const path = (procedure: Procedure) => `/quan-tri/thu-tuc/${procedure.id}/quy-trinh`

test.group('OS-3.1 workflow editor: versions', () => {
  test('OS-3.1 saving a four-step workflow makes version 1; editing makes version 2 and keeps version 1', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const procedure = await addProcedure(tenant)

    const empty = await client.get(path(procedure)).header('host', hostOf(tenant)).loginAs(admin)
    empty.assertStatus(200)
    assert.include(empty.text(), 'chưa có quy trình')

    const first = await client
      .post(path(procedure))
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form(formOf(fourStepFlow()))
      .redirects(0)
    first.assertStatus(303)
    first.assertHeader('location', path(procedure))
    assert.include(flash(first).notice, 'phiên bản 1')

    const edited = fourStepFlow()
    edited.steps[1].name = 'Thẩm định hồ sơ'
    edited.steps[1].timeLimitMinutes = 2 * 480
    const second = await client
      .post(path(procedure))
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form(formOf(edited))
      .redirects(0)
    second.assertStatus(303)

    assert.deepEqual(await versions(tenant, procedure), [
      {
        version: 1,
        isCurrent: false,
        steps: ['tiep_nhan:Tiếp nhận:240', 'tham_dinh:Thẩm định:1440', 'phe_duyet:Phê duyệt:480', 'tra_ket_qua:Trả kết quả:240'],
        transitions: 6,
      },
      {
        version: 2,
        isCurrent: true,
        steps: ['tiep_nhan:Tiếp nhận:240', 'tham_dinh:Thẩm định hồ sơ:960', 'phe_duyet:Phê duyệt:480', 'tra_ket_qua:Trả kết quả:240'],
        transitions: 6,
      },
    ])

    const page = await client.get(path(procedure)).header('host', hostOf(tenant)).loginAs(admin)
    page.assertStatus(200)
    const html = page.text()
    assert.match(html, /<svg [^>]*role="img"/)
    assert.include(html, 'Thẩm định hồ sơ')
    assert.include(html, 'Mô tả sơ đồ bằng chữ')
    assert.include(html, 'Lịch sử phiên bản')
    assert.include(html, 'Phiên bản đang áp dụng: 2')
  })

  test('OS-3.1 a template fills the editor without saving anything', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const procedure = await addProcedure(tenant, 10)
    const page = await client.get(`${path(procedure)}?mau=consultation`).header('host', hostOf(tenant)).loginAs(admin)
    page.assertStatus(200)
    assert.include(page.text(), 'Xin ý kiến cơ quan phối hợp')
    assert.deepEqual(await countRows(tenant), [0, 0, 0])
  })

  test('OS-3.1 a plain form adds a step row and checks the draft without saving', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const procedure = await addProcedure(tenant)
    const response = await client
      .post(path(procedure))
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form(formOf(fourStepFlow(), { intent: 'add_step' }))
    response.assertStatus(200)
    // Four steps, the spare row and the added one.
    assert.include(response.text(), 'name="steps[5][name]"')
    assert.include(response.text(), 'Quy trình hợp lệ, có thể lưu.')
    assert.deepEqual(await countRows(tenant), [0, 0, 0])
  })

  test('OS-3.2 the live check answers a 422 fragment naming the problem to htmx', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const procedure = await addProcedure(tenant)
    const flow = fourStepFlow()
    flow.steps[1].timeLimitMinutes = 6 * 480
    const response = await client
      .post(`${path(procedure)}/kiem-tra`)
      .header('host', hostOf(tenant))
      .header('HX-Request', 'true')
      .header('HX-Request-Type', 'partial')
      .loginAs(admin)
      .withCsrfToken()
      .form(formOf(flow))
    response.assertStatus(422)
    assert.include(response.text(), 'id="workflow-check"')
    assert.include(response.text(), 'Tổng thời hạn các bước (8 ngày) vượt thời hạn giải quyết (5 ngày)')
    assert.notInclude(response.text(), '<html')

    const valid = await client
      .post(`${path(procedure)}/kiem-tra`)
      .header('host', hostOf(tenant))
      .header('HX-Request', 'true')
      .loginAs(admin)
      .withCsrfToken()
      .form(formOf(fourStepFlow()))
    valid.assertStatus(200)
    assert.include(valid.text(), 'Quy trình hợp lệ')
  })
})

test.group('OS-3.2 workflow editor: refusals', () => {
  const cases: [string, (flow: ReturnType<typeof fourStepFlow>) => void, string][] = [
    [
      'limits over the legal deadline',
      (flow) => (flow.steps[1].timeLimitMinutes = 3 * 480 + 120 + 480),
      'Tổng thời hạn các bước (6 ngày 2 giờ) vượt thời hạn giải quyết (5 ngày)',
    ],
    [
      'an unreachable step',
      (flow) => {
        flow.transitions = flow.transitions.filter((item) => item.to !== 'tham_dinh')
        flow.transitions = flow.transitions.filter((item) => item.from !== 'tham_dinh' || item.to === 'phe_duyet')
        flow.transitions.push({ ...flow.transitions[0], to: 'phe_duyet', action: 'Chuyển phê duyệt' })
      },
      'Bước “Thẩm định” không thể đi tới từ bước tiếp nhận',
    ],
    [
      'no end',
      (flow) => (flow.transitions = flow.transitions.filter((item) => item.to !== null)),
      'Quy trình không có thao tác kết thúc với trạng thái “Đã trả kết quả”',
    ],
    [
      'no supplement loop',
      (flow) => (flow.transitions = flow.transitions.filter((item) => item.statusCode !== 'yeu_cau_bo_sung_giay_to')),
      'Quy trình chưa có vòng yêu cầu bổ sung',
    ],
  ]

  for (const [label, spoil, message] of cases) {
    test(`OS-3.2 refuses ${label} with a message, and saves nothing`, async ({ client, assert }) => {
      const tenant = await createTenant()
      const admin = await createOfficer(tenant, ['admin'])
      const procedure = await addProcedure(tenant)
      const flow = fourStepFlow()
      spoil(flow)
      const response = await client
        .post(path(procedure))
        .header('host', hostOf(tenant))
        .loginAs(admin)
        .withCsrfToken()
        .form(formOf(flow))
        .redirects(0)
      response.assertStatus(303)
      response.assertHeader('location', path(procedure))
      const errors = (flash(response).workflowErrors ?? []).map((item: { message: string }) => item.message)
      assert.isTrue(
        errors.some((item: string) => item.startsWith(message)),
        JSON.stringify(errors)
      )
      assert.deepEqual(await countRows(tenant), [0, 0, 0])

      // The page shows the refused draft with the messages.
      const page = await client
        .get(path(procedure))
        .header('host', hostOf(tenant))
        .loginAs(admin)
        .withSession({ __flash__: flash(response) } as any)
      page.assertStatus(200)
      assert.include(page.text(), 'Quy trình chưa được lưu')
    })
  }

  test('OS-3.2 a step acted on by a department of another tenant is refused', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const procedure = await addProcedure(tenant)
    const other = await createTenant()
    const outsider = await createOfficer(other, ['handler'])
    const flow = fourStepFlow()
    flow.steps[1].departmentId = outsider.departmentId
    const response = await client
      .post(path(procedure))
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form(formOf(flow))
      .redirects(0)
    response.assertStatus(303)
    assert.deepEqual(
      (flash(response).workflowErrors ?? []).map((item: { message: string }) => item.message),
      ['Bước “Thẩm định” có phòng ban xử lý không tồn tại']
    )
    assert.deepEqual(await countRows(tenant), [0, 0, 0])
  })
})

test.group('OS-17.2 workflow editor: access', () => {
  test('OS-17.2 officers without the admin role get 403 and save nothing', async ({ client, assert }) => {
    const tenant = await createTenant()
    const handler = await createOfficer(tenant, ['handler', 'dept_head'])
    const procedure = await addProcedure(tenant)
    const page = await client.get(path(procedure)).header('host', hostOf(tenant)).loginAs(handler)
    page.assertStatus(403)
    const save = await client
      .post(path(procedure))
      .header('host', hostOf(tenant))
      .loginAs(handler)
      .withCsrfToken()
      .form(formOf(fourStepFlow()))
      .redirects(0)
    save.assertStatus(403)
    assert.deepEqual(await countRows(tenant), [0, 0, 0])

    const guest = await client.get(path(procedure)).header('host', hostOf(tenant)).redirects(0)
    guest.assertStatus(302)
  })

  test('OS-17.2 the workflow routes answer 404 across tenants and change nothing', async ({ client, assert }) => {
    const owner = await createTenant()
    const admin = await createOfficer(owner, ['admin'])
    const procedure = await addProcedure(owner)
    await client
      .post(path(procedure))
      .header('host', hostOf(owner))
      .loginAs(admin)
      .withCsrfToken()
      .form(formOf(fourStepFlow()))
      .redirects(0)
    const before = await versions(owner, procedure)

    const intruder = await createIntruder()
    for (const route of [
      { method: 'get' as const, path: (id: number) => `/quan-tri/thu-tuc/${id}/quy-trinh` },
      { method: 'post' as const, path: (id: number) => `/quan-tri/thu-tuc/${id}/quy-trinh`, form: formOf(fourStepFlow()) },
      { method: 'post' as const, path: (id: number) => `/quan-tri/thu-tuc/${id}/quy-trinh/kiem-tra`, form: formOf(fourStepFlow()) },
    ]) {
      await assertNotFoundAcrossTenants(client, { ...route, owner, id: procedure.id, intruder })
    }
    assert.deepEqual(await versions(owner, procedure), before)
    assert.deepEqual(await countRows(intruder.tenant), [0, 0, 0])
  })

  test('OS-17.2 a procedure of another tenant is not found on this tenant', async ({ client }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const elsewhere = await addProcedure(await createTenant())
    const response = await client.get(path(elsewhere)).header('host', hostOf(tenant)).loginAs(admin)
    response.assertStatus(404)
  })
})
