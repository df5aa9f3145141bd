/*
 * OS-22.1–22.5: the counts on each role's desk, each a link to its list, and every count equal
 * to the list it links to; the handler's counts equal the engine's own queues (OS-8.3); reminders
 * of new and overdue work on the desk, marked seen by their officer only.
 */
import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import type { ApiClient, ApiRequest, ApiResponse } from '@japa/api-client'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import { HttpContext } from '@adonisjs/core/http'
import type { DbQueryEventNode } from '@adonisjs/lucid/types/database'
import { withTenant } from '#tenancy/tenant_context'
import type User from '#users/models/user'
import { createCitizen, hostOf } from '#tests/helpers/tenants'
import { assertNotFoundAcrossTenants } from '#tests/helpers/cross_tenant'
import { countQueues, performAction } from '#processing/index'
import WorkflowTransition from '#catalog/models/workflow_transition'
import { remind } from '#processing/services/reminders'
import Reminder from '#processing/models/reminder'
import Agency from '#users/models/agency'
import { addOfficer, placeDossier, oversightSetting, vn, VIETNAM, type OversightSetting } from '#processing/tests/oversight_fixtures'

function desk(client: ApiClient, setting: OversightSetting, officer: User) {
  return client.get('/mot-cua').header('host', hostOf(setting.tenant)).loginAs(officer)
}

interface DeskLink {
  label: string
  href: string
  count: number
}

/** Every count on the desk with the list it links to (a count's label is the link's text). */
function deskLinks(response: ApiResponse): DeskLink[] {
  return [...response.text().matchAll(/<a href="([^"]+)" data-count="(\d+)"[^>]*>([\s\S]*?)<\/a>/g)].map((match) => ({
    href: match[1].replace(/&amp;/g, '&'),
    count: Number(match[2]),
    label: match[3].replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim(),
  }))
}

/** The number of dossiers a search page says it found, and the rows it lists. */
function listed(response: ApiResponse) {
  const text = response.text()
  const total = text.match(/<p class="result-count" role="status">(?:(\d+) hồ sơ|Không có hồ sơ nào)<\/p>/)
  if (!total) throw new Error(`No result count on ${text.slice(0, 300)}`)
  return { total: Number(total[1] ?? 0), rows: [...text.matchAll(/<th scope="row" class="code-cell"><a href="\/mot-cua\/ho-so\/\d+">/g)].length }
}

function countOf(links: DeskLink[], label: string) {
  const link = links.find((candidate) => candidate.label.endsWith(label) && !candidate.label.endsWith(`${label}, quá hạn`))
  if (!link) throw new Error(`No count "${label}" among ${links.map((candidate) => candidate.label).join(' | ')}`)
  return link.count
}

/** Dossiers at every stage that some desk counts. */
async function workInProgress(setting: OversightSetting) {
  const now = DateTime.now().setZone(VIETNAM)
  const laterToday = now.endOf('day').minus({ seconds: 1 })
  const permit = { procedure: setting.buildingPermit, agency: setting.constructionAgency }
  const birth = { procedure: setting.birthRegistration, agency: setting.wardAgency }
  const intakeDone = { step: 'tiep_nhan', startedAt: vn('2026-05-04T08:00:00'), finishedAt: vn('2026-05-04T08:30:00'), assignee: setting.receptionist }

  // Counter (ward agency): new online, supplemented, awaiting supplement, to return, due today, refused.
  await placeDossier(setting, { ...birth, step: 'tiep_nhan', statusCode: 'moi_dang_ky', channel: 'online', receivedAt: now.minus({ hours: 2 }) })
  await placeDossier(setting, { ...birth, step: 'tiep_nhan', statusCode: 'da_bo_sung_ho_so', receivedAt: now.minus({ days: 3 }) })
  await placeDossier(setting, { ...birth, step: 'tiep_nhan', statusCode: 'yeu_cau_bo_sung_giay_to', receivedAt: now.minus({ days: 1 }), clockStoppedAt: now.minus({ days: 1 }) })
  await placeDossier(setting, { ...birth, step: 'tra_ket_qua', statusCode: 'da_xu_ly_xong', receivedAt: now.minus({ days: 4 }), appointmentAt: laterToday })
  await placeDossier(setting, { ...birth, step: 'thu_ly', statusCode: 'dang_xu_ly', assignee: setting.justiceHandler, receivedAt: now.minus({ days: 2 }), appointmentAt: laterToday })
  await placeDossier(setting, { ...birth, step: null, statusCode: 'khong_duoc_tiep_nhan', receivedAt: now.minus({ days: 5 }) })

  // Urban department: one to assign (overdue), two held by the handler (one overdue), one unheld
  // at the handler's step, one held by the other handler, one for the head's review, one for
  // the leader, one the handler sent back for papers, one whose papers came back to him.
  await placeDossier(setting, { ...permit, step: 'phan_cong', statusCode: 'dang_xu_ly', receivedAt: vn('2026-04-01T09:00:00'), appointmentAt: vn('2026-04-22T17:00:00'), history: [intakeDone] })
  await placeDossier(setting, { ...permit, step: 'thu_ly', statusCode: 'dang_xu_ly', assignee: setting.handler, receivedAt: now.minus({ days: 3 }), appointmentAt: now.plus({ days: 10 }) })
  await placeDossier(setting, { ...permit, step: 'thu_ly', statusCode: 'dang_xu_ly', assignee: setting.handler, receivedAt: vn('2026-04-02T09:00:00'), appointmentAt: vn('2026-04-23T17:00:00') })
  await placeDossier(setting, { ...permit, step: 'thu_ly', statusCode: 'dang_xu_ly', receivedAt: now.minus({ days: 1 }), appointmentAt: now.plus({ days: 14 }) })
  await placeDossier(setting, { ...permit, step: 'thu_ly', statusCode: 'dang_xu_ly', assignee: setting.otherHandler, receivedAt: vn('2026-04-03T09:00:00'), appointmentAt: vn('2026-04-24T17:00:00') })
  const handled = { step: 'thu_ly', startedAt: vn('2026-05-05T08:00:00'), finishedAt: vn('2026-05-06T08:00:00'), assignee: setting.handler }
  await placeDossier(setting, { ...permit, step: 'kiem_tra', statusCode: 'dang_xu_ly', receivedAt: vn('2026-05-04T08:00:00'), appointmentAt: now.plus({ days: 2 }), history: [intakeDone, handled] })
  const reviewed = { step: 'kiem_tra', startedAt: vn('2026-05-06T08:00:00'), finishedAt: vn('2026-05-07T08:00:00'), assignee: setting.deptHead }
  await placeDossier(setting, { ...permit, step: 'phe_duyet', statusCode: 'dang_xu_ly', receivedAt: vn('2026-05-04T09:00:00'), appointmentAt: now.plus({ days: 1 }), history: [intakeDone, handled, reviewed] })
  const askedPapers = { ...handled, finishedStatus: 'yeu_cau_bo_sung_giay_to' }
  await placeDossier(setting, { ...permit, step: 'tiep_nhan', statusCode: 'yeu_cau_bo_sung_giay_to', receivedAt: vn('2026-05-04T10:00:00'), history: [intakeDone, askedPapers], clockStoppedAt: vn('2026-05-06T08:00:00') })
  await placeDossier(setting, { ...permit, step: 'thu_ly', statusCode: 'da_bo_sung_ho_so', assignee: setting.handler, receivedAt: vn('2026-05-04T11:00:00'), history: [intakeDone, askedPapers] })
}

test.group('OS-22 desk dashboards', (group) => {
  let setting: OversightSetting

  group.setup(async () => {
    setting = await oversightSetting()
    await workInProgress(setting)
  })

  test('OS-22.1–22.4 every count on each role\u2019s desk equals the list it links to', async ({ client, assert }) => {
    for (const officer of [setting.receptionist, setting.handler, setting.deptHead, setting.leader]) {
      const response = await desk(client, setting, officer)
      response.assertStatus(200)
      const links = deskLinks(response)
      assert.isAbove(links.length, 3, `${officer.fullName}'s desk has counts`)
      assert.isTrue(links.some((link) => link.count > 0), `${officer.fullName}'s desk counts something`)
      for (const link of links) {
        assert.isTrue(link.href.startsWith('/mot-cua/tra-cuu-ho-so?'), link.href)
        const list = await client.get(link.href).header('host', hostOf(setting.tenant)).loginAs(officer)
        list.assertStatus(200)
        const { total, rows } = listed(list)
        assert.equal(total, link.count, `${officer.fullName}: "${link.label}" says ${link.count}, its list ${link.href} has ${total}`)
        assert.equal(rows, Math.min(total, 25), `${link.href} lists its first page`)
      }
    }
  })

  test('OS-22.1 the counter\u2019s counts are those of its receiving agency', async ({ client, assert }) => {
    const links = deskLinks(await desk(client, setting, setting.receptionist))
    assert.equal(countOf(links, 'hồ sơ trực tuyến mới, chờ tiếp nhận'), 1)
    assert.equal(countOf(links, 'đã bổ sung, chờ tiếp nhận'), 1)
    assert.equal(countOf(links, 'chờ bổ sung giấy tờ'), 1)
    assert.equal(countOf(links, 'chờ trả kết quả'), 1)
    assert.equal(countOf(links, 'đến hạn trả hôm nay'), 2)
    assert.equal(countOf(links, 'không được tiếp nhận'), 1)
    assert.equal(countOf(links, 'tất cả hồ sơ đã nhận'), 6)
  })

  test('OS-22.2 OS-8.3 the handler\u2019s counts are the engine\u2019s queues', async ({ client, assert }) => {
    const links = deskLinks(await desk(client, setting, setting.handler))
    // Held by him (2) and unheld at his step in his department (1).
    assert.equal(countOf(links, 'chờ xử lý'), 3)
    assert.equal(countOf(links, 'quá hạn'), 1)
    assert.equal(countOf(links, 'trong hạn'), 2)
    assert.equal(countOf(links, 'đã yêu cầu bổ sung, đang chờ'), 1)
    assert.equal(countOf(links, 'đã bổ sung, chờ xử lý tiếp'), 1)
    assert.equal(countOf(links, 'đã trình ký, chờ phê duyệt'), 2)
    const queues = await withTenant(setting.tenant, () => countQueues(setting.handler))
    assert.deepEqual(
      {
        to_process: countOf(links, 'chờ xử lý'),
        supplement_requested: countOf(links, 'đã yêu cầu bổ sung, đang chờ'),
        supplemented: countOf(links, 'đã bổ sung, chờ xử lý tiếp'),
        took_part: countOf(links, 'đã tham gia xử lý'),
      },
      queues
    )
  })

  test('OS-22.3 the department head sees what to assign, to review, who holds what and who is late', async ({ client, assert }) => {
    const response = await desk(client, setting, setting.deptHead)
    const links = deskLinks(response)
    assert.equal(countOf(links, 'chờ phân công'), 1)
    assert.equal(countOf(links, 'chờ phân công, quá hạn'), 1)
    assert.equal(countOf(links, 'chờ kiểm tra, trình ký'), 1)
    assert.equal(countOf(links, 'chờ lãnh đạo ký'), 1)
    const byHandler = links.filter((link) => new RegExp(`officer=${setting.handler.id}(&|$)`).test(link.href))
    assert.deepEqual(
      byHandler.map((link) => link.count),
      [3, 1],
      'Lê Văn Thụ holds 3 open dossiers (one awaiting papers back), 1 overdue'
    )
    const other = links.filter((link) => new RegExp(`officer=${setting.otherHandler.id}(&|$)`).test(link.href))
    assert.deepEqual(other.map((link) => link.count), [1, 1])
    assert.include(response.text(), 'Hồ sơ theo cán bộ thụ lý')
  })

  test('OS-22.4 the leader sees what awaits approval and this month per receiving unit', async ({ client, assert }) => {
    const response = await desk(client, setting, setting.leader)
    const links = deskLinks(response)
    assert.equal(countOf(links, 'chờ phê duyệt'), 1)
    assert.include(response.text(), 'Hồ sơ tiếp nhận trong tháng, theo đơn vị')
    const ward = links.filter((link) => link.href.includes(`unit=agency%3A${setting.wardAgency.id}`))
    assert.lengthOf(ward, 4)
    const startOfMonth = DateTime.now().setZone(VIETNAM).startOf('month').toFormat('dd/MM/yyyy')
    assert.isTrue(ward.every((link) => link.href.includes(`received_from=${encodeURIComponent(startOfMonth)}`)))
  })

  test('OS-22 citizens have no desk', async ({ client }) => {
    const citizen = await createCitizen(setting.tenant)
    const response = await desk(client, setting, citizen)
    response.assertStatus(403)
  })
})

test.group('OS-22 desk dashboards with the engine', () => {
  test('OS-22.2 OS-22.3 OS-22.5 a dossier the department head assigns through the engine moves between their desks', async ({
    client,
    assert,
  }) => {
    const setting = await oversightSetting()
    const dossier = await placeDossier(setting, {
      procedure: setting.buildingPermit,
      agency: setting.constructionAgency,
      step: 'phan_cong',
      statusCode: 'dang_xu_ly',
      receivedAt: DateTime.now().minus({ hours: 3 }),
      appointmentAt: DateTime.now().plus({ days: 12 }),
    })
    assert.equal(countOf(deskLinks(await desk(client, setting, setting.deptHead)), 'chờ phân công'), 1)
    assert.equal(countOf(deskLinks(await desk(client, setting, setting.handler)), 'chờ xử lý'), 0)

    await withTenant(setting.tenant, async () => {
      const assign = await WorkflowTransition.query()
        .where('workflow_id', dossier.workflowId!)
        .where('action', 'Phân công thụ lý')
        .firstOrFail()
      await performAction({
        dossierId: dossier.id,
        transitionId: assign.id,
        expectedLockVersion: dossier.lockVersion,
        actor: setting.deptHead,
        assigneeId: setting.handler.id,
      })
    })

    assert.equal(countOf(deskLinks(await desk(client, setting, setting.deptHead)), 'chờ phân công'), 0)
    const handlerDesk = await desk(client, setting, setting.handler)
    const toProcess = deskLinks(handlerDesk).find((link) => link.label.endsWith(' chờ xử lý'))!
    assert.equal(toProcess.count, 1)
    // The engine's reminder of new work is on his desk, and the list names him as the holder.
    assert.include(handlerDesk.text(), 'Việc mới')
    assert.include(handlerDesk.text(), `>${dossier.code}</a>`)
    const list = await client.get(toProcess.href).header('host', hostOf(setting.tenant)).loginAs(setting.handler)
    assert.include(list.text(), `>${dossier.code}</a>`)
    assert.include(list.text(), 'Lê Văn Thụ · Phòng Quản lý đô thị')
  })
})

test.group('OS-22.5 reminders on the desk', () => {
  async function withReminders() {
    const setting = await oversightSetting()
    const now = DateTime.now()
    const late = await placeDossier(setting, {
      procedure: setting.buildingPermit,
      agency: setting.constructionAgency,
      step: 'thu_ly',
      statusCode: 'dang_xu_ly',
      assignee: setting.handler,
      receivedAt: vn('2026-04-02T09:00:00'),
      appointmentAt: vn('2026-04-23T17:00:00'),
    })
    const fresh = await placeDossier(setting, {
      procedure: setting.buildingPermit,
      agency: setting.constructionAgency,
      step: 'thu_ly',
      statusCode: 'dang_xu_ly',
      assignee: setting.handler,
      receivedAt: now.minus({ hours: 1 }),
      appointmentAt: now.plus({ days: 10 }),
    })
    await withTenant(setting.tenant, async () => {
      await remind([setting.handler.id], { dossierId: late.id, dossierStepId: null, kind: 'overdue', at: now.minus({ minutes: 30 }) })
      await remind([setting.handler.id], { dossierId: fresh.id, dossierStepId: null, kind: 'new_work', at: now.minus({ minutes: 5 }) })
    })
    const reminders = await withTenant(setting.tenant, () => Reminder.query().where('officer_id', setting.handler.id).orderBy('id'))
    return { setting, late, fresh, reminders }
  }

  test('OS-22.5 new and overdue work is listed newest first; "Đã xem" marks one, then all', async ({ client, assert }) => {
    const { setting, late, fresh, reminders } = await withReminders()
    const page = await desk(client, setting, setting.handler)
    const text = page.text()
    assert.include(text, 'Nhắc việc (2 chưa xem)')
    const newWork = text.indexOf(`>${fresh.code}</a>`)
    const overdue = text.indexOf(`>${late.code}</a>`)
    assert.isTrue(newWork > 0 && overdue > newWork, 'the newest reminder comes first')
    assert.include(text, 'Việc mới')
    assert.include(text, 'Quá hạn')

    const plain = await client
      .post(`/mot-cua/nhac-viec/${reminders[0].id}/da-xem`)
      .header('host', hostOf(setting.tenant))
      .loginAs(setting.handler)
      .withCsrfToken()
      .redirects(0)
    plain.assertStatus(303)
    plain.assertHeader('location', '/mot-cua')
    const after = await desk(client, setting, setting.handler)
    assert.include(after.text(), 'Nhắc việc (1 chưa xem)')
    assert.notInclude(after.text(), `>${late.code}</a>`)

    const htmx = await client
      .post('/mot-cua/nhac-viec/da-xem')
      .header('host', hostOf(setting.tenant))
      .header('hx-request', 'true')
      .loginAs(setting.handler)
      .withCsrfToken()
    htmx.assertStatus(200)
    assert.include(htmx.text(), 'id="desk-reminders"')
    assert.include(htmx.text(), 'Không có nhắc việc mới.')
    assert.notInclude(htmx.text(), '<html')
  })

  test('OS-22.5 another officer or another tenant cannot mark a reminder seen', async ({ client, assert }) => {
    const { setting, reminders } = await withReminders()
    const colleague = await client
      .post(`/mot-cua/nhac-viec/${reminders[0].id}/da-xem`)
      .header('host', hostOf(setting.tenant))
      .loginAs(setting.otherHandler)
      .withCsrfToken()
      .redirects(0)
    colleague.assertStatus(404)
    await assertNotFoundAcrossTenants(client, {
      method: 'post',
      path: (id) => `/mot-cua/nhac-viec/${id}/da-xem`,
      owner: setting.tenant,
      id: reminders[0].id,
    })
    const unchanged = await withTenant(setting.tenant, () => Reminder.findOrFail(reminders[0].id))
    assert.isNull(unchanged.seenAt)
  })
})

/**
 * The SQL statements one request issues. Lucid reports every query as a `db:query` event while
 * its connection debugs; the app keeps the HttpContext in async local storage, which the event's
 * listeners inherit from the query, so a header on the request tells its queries from any other
 * work running meanwhile.
 */
async function queriesOf(request: ApiRequest): Promise<{ response: ApiResponse; queries: string[] }> {
  const probe = randomUUID()
  const queries: string[] = []
  const record = (query: DbQueryEventNode) => {
    if (HttpContext.get()?.request.header('x-query-probe') === probe) queries.push(query.sql)
  }
  const config = db.getRawConnection(db.primaryConnectionName)!.config
  const debugging = config.debug
  // The request's transaction client reads the flag when it opens; the console stays quiet.
  const prettyPrinting = Boolean(db.config.prettyPrintDebugQueries)
  config.debug = true
  if (prettyPrinting) emitter.off('db:query', db.prettyPrint)
  emitter.on('db:query', record)
  try {
    const response = await request.header('x-query-probe', probe)
    return { response, queries }
  } finally {
    emitter.off('db:query', record)
    if (prettyPrinting) emitter.on('db:query', db.prettyPrint)
    config.debug = debugging
  }
}

/** The officers a desk's table lists (each row links its counts to the officer's lists). */
function officersListed(links: DeskLink[], except: User) {
  const ids = links.map((link) => link.href.match(/[?&]officer=(\d+)(&|$)/)?.[1]).filter((id) => id && Number(id) !== except.id)
  return new Set(ids).size
}

test.group('OS-22 desk dashboards on slow links', () => {
  test('OS-22.3 PF-1 the department head\u2019s desk issues as many queries for ten handlers as for two', async ({ client, assert }) => {
    const setting = await oversightSetting()
    const now = DateTime.now()
    const held = { procedure: setting.buildingPermit, agency: setting.constructionAgency, step: 'thu_ly', statusCode: 'dang_xu_ly' }
    const late = { receivedAt: vn('2026-04-03T09:00:00'), appointmentAt: vn('2026-04-24T17:00:00') }
    const onTime = { receivedAt: now.minus({ days: 2 }), appointmentAt: now.plus({ days: 10 }) }
    await placeDossier(setting, { ...held, ...onTime, assignee: setting.handler })
    await placeDossier(setting, { ...held, ...late, assignee: setting.otherHandler })
    // A first visit may warm what the app keeps between requests; only the next ones are compared.
    await desk(client, setting, setting.deptHead)

    const two = await queriesOf(desk(client, setting, setting.deptHead))
    two.response.assertStatus(200)
    assert.equal(officersListed(deskLinks(two.response), setting.deptHead), 2)

    for (let number = 1; number <= 8; number++) {
      const handler = await addOfficer(setting, `Cán bộ thụ lý ${number}`, ['handler'], setting.urbanDepartment)
      await placeDossier(setting, { ...held, ...(number % 2 ? late : onTime), assignee: handler })
    }
    const ten = await queriesOf(desk(client, setting, setting.deptHead))
    ten.response.assertStatus(200)
    const links = deskLinks(ten.response)
    assert.equal(officersListed(links, setting.deptHead), 10)
    assert.equal(countOf(links, 'đang ở phòng'), 10)
    const departmentOverdue = links.find((link) => /unit=department%3A\d+&deadline=overdue$/.test(link.href))
    assert.equal(departmentOverdue?.count, 5)
    assert.equal(ten.queries.length, two.queries.length, `${two.queries.length} queries for 2 handlers, ${ten.queries.length} for 10`)
  })

  test('OS-22.4 PF-1 the leader\u2019s desk issues as many queries for ten receiving units as for two', async ({ client, assert }) => {
    const setting = await oversightSetting()
    const now = DateTime.now()
    await placeDossier(setting, { procedure: setting.birthRegistration, agency: setting.wardAgency, step: 'tiep_nhan', statusCode: 'moi_dang_ky', receivedAt: now })
    await desk(client, setting, setting.leader)

    const two = await queriesOf(desk(client, setting, setting.leader))
    two.response.assertStatus(200)
    for (let number = 1; number <= 8; number++) {
      const agency = await withTenant(setting.tenant, () => Agency.create({ code: `000.00.${10 + number}.H22`, name: `UBND xã Số ${number}` }))
      await placeDossier(setting, { procedure: setting.birthRegistration, agency, step: 'tiep_nhan', statusCode: 'moi_dang_ky', receivedAt: now })
    }
    const ten = await queriesOf(desk(client, setting, setting.leader))
    ten.response.assertStatus(200)
    const received = deskLinks(ten.response).filter((link) => /unit=agency%3A\d+/.test(link.href) && !link.href.includes('stage=') && !link.href.includes('deadline='))
    assert.lengthOf(received, 10)
    assert.equal(received.reduce((sum, link) => sum + link.count, 0), 9)
    assert.equal(ten.queries.length, two.queries.length, `${two.queries.length} queries for 2 units, ${ten.queries.length} for 10`)
  })
})
