/*
 * OS-22.6: reminders pushed into another internal system. A real HTTP receiver (node:http on a
 * free port) stands for the province's e-office; it checks what a real one would: the JSON, the
 * HMAC signature with the shared key, the delivery id. Reminders come from the real workflow
 * runtime (a department head assigning a handler), deliveries from the real outbox.
 */
import { test } from '@japa/runner'
import { createHmac } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DateTime } from 'luxon'
import encryption from '@adonisjs/core/services/encryption'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import { createOfficer, createTenant, hostOf } from '#tests/helpers/tenants'
import { fieldErrors } from '#tests/helpers/forms'
import OutboxMessage from '#integration/outbox/outbox_message'
import { deliverTenantMessages } from '#integration/outbox/outbox'
import { queueTestPush } from '#integration/reminder_push/reminder_push'
import { reminderPushSetting, saveReminderPushSetting } from '#integration/reminder_push/reminder_push_settings'
import { act, acceptedDossier, engineSetting, transitionId, reload, vn, type EngineSetting } from '#processing/tests/engine_fixtures'
import { performAction } from '#processing/index'
import Procedure from '#catalog/models/procedure'

const PAGE = '/quan-tri/ket-noi/nhac-viec'
const SECRET = 'khoa-ky-bi-mat-2026'

interface Received {
  headers: IncomingHttpHeaders
  body: string
  json: any
}

/** A receiving system: records every push, answers the statuses queued in `answers` (then 200). */
async function startReceiver() {
  const received: Received[] = []
  const answers: number[] = []
  const state = { delayMs: 0 }
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      received.push({ headers: request.headers, body, json: JSON.parse(body) })
      const status = answers.shift() ?? 200
      setTimeout(() => response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'lỗi'), state.delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/nhac-viec`,
    received,
    answers,
    state,
    async waitFor(count: number) {
      for (let wait = 0; received.length < count && wait < 100; wait++) await new Promise((resolve) => setTimeout(resolve, 50))
      return received
    },
    close() {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>

/** What the receiver computes from the body it got and the key it shares. */
function expectedSignature(body: string, secret = SECRET) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

function pushesOf(tenant: Tenant) {
  return withTenant(tenant, () => OutboxMessage.query().where('channel', 'webhook').orderBy('id'))
}

async function storedSettings(tenant: Tenant): Promise<Record<string, any>> {
  return withTenant(tenant, async ({ client }) => (await client.from('tenants').where('id', tenant.id).select('settings').first()).settings)
}

/** Waits until the outbox has recorded an attempt on every push of the tenant. */
async function settledPushes(tenant: Tenant, count: number) {
  let pushes = await pushesOf(tenant)
  for (let wait = 0; wait < 100 && (pushes.length < count || pushes.some((push) => push.attempts === 0)); wait++) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    pushes = await pushesOf(tenant)
  }
  return pushes
}

/** A dossier sent on from the counter, waiting for the department head to assign it. */
async function dossierAwaitingAssignment(setting: EngineSetting) {
  const dossier = await acceptedDossier(setting, vn('2026-06-01T08:00:00'))
  await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', vn('2026-06-01T09:00:00'))
  return dossier
}

test.group('OS-22.6 reminder push: the admin screen', (group) => {
  let receiver: Receiver
  group.each.setup(async () => {
    receiver = await startReceiver()
    return () => receiver.close()
  })

  test('OS-22.6 an admin saves the receiver address and signing key; the key is kept encrypted and never shown', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    await withTenant(tenant, ({ client: db }) => db.from('tenants').where('id', tenant.id).update({ settings: JSON.stringify({ slipSet: '2025' }) }))

    const empty = await client.get(PAGE).header('host', hostOf(tenant)).loginAs(admin)
    empty.assertStatus(200)
    empty.assertTextIncludes('<h1>Gửi nhắc việc sang hệ thống khác</h1>')
    empty.assertTextIncludes('Đang tắt')
    empty.assertTextIncludes('Địa chỉ nhận nhắc việc (URL)')
    empty.assertTextIncludes('href="/quan-tri/ket-noi/nhac-viec" aria-current="page"')

    const saved = await client
      .post(PAGE)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form({ url: `  ${receiver.url}  `, secret: SECRET })
      .redirects(0)
    saved.assertStatus(303)
    saved.assertHeader('location', PAGE)
    assert.equal((saved.flashMessages() as any)?.notice, 'Đã lưu. Nhắc việc mới sẽ được gửi tới địa chỉ đã khai.')
    assert.deepEqual(await withTenant(tenant, () => reminderPushSetting()), { url: receiver.url, hasSecret: true })
    const settings = await storedSettings(tenant)
    assert.equal(settings.slipSet, '2025', 'other settings are kept')
    assert.notInclude(JSON.stringify(settings), SECRET, 'the key is not stored in clear')
    assert.equal(encryption.decrypt(settings.reminderPush.secret, 'reminder-push-secret'), SECRET)

    const page = await client.get(PAGE).header('host', hostOf(tenant)).loginAs(admin)
    page.assertTextIncludes(`Đang bật: nhắc việc mới được gửi tới ${receiver.url}`)
    page.assertTextIncludes('Khóa ký đã lưu: ••••••••')
    page.assertTextIncludes(`value="${receiver.url}"`)
    assert.notInclude(page.text(), SECRET)
    assert.notInclude(page.text(), settings.reminderPush.secret)

    // A new address with the key left blank keeps the key; an empty address turns the push off.
    const moved = await client
      .post(PAGE)
      .header('host', hostOf(tenant))
      .loginAs(admin)
      .withCsrfToken()
      .form({ url: 'https://vanban.noibo/nhac-viec', secret: '' })
      .redirects(0)
    moved.assertStatus(303)
    const off = await client.post(PAGE).header('host', hostOf(tenant)).loginAs(admin).withCsrfToken().form({ url: '', secret: '' }).redirects(0)
    off.assertStatus(303)
    assert.equal((off.flashMessages() as any)?.notice, 'Đã lưu. Nhắc việc không còn được gửi sang hệ thống khác.')
    assert.deepEqual(await withTenant(tenant, () => reminderPushSetting()), { url: null, hasSecret: true })
    assert.equal(encryption.decrypt((await storedSettings(tenant)).reminderPush.secret, 'reminder-push-secret'), SECRET)

    // Another tenant's screen knows nothing of this one's.
    const other = await createTenant()
    const otherAdmin = await createOfficer(other, ['admin'])
    const otherPage = await client.get(PAGE).header('host', hostOf(other)).loginAs(otherAdmin)
    otherPage.assertTextIncludes('Đang tắt')
    assert.notInclude(otherPage.text(), 'Khóa ký đã lưu')
  })

  test('OS-22.6 a bad address or a short key is refused at the field in Vietnamese and nothing is saved', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const post = (form: Record<string, string>) =>
      client.post(PAGE).header('host', hostOf(tenant)).loginAs(admin).withCsrfToken().form(form).redirects(0)

    const bad = await post({ url: 'ftp://vanban.noibo/nhac-viec', secret: 'ngan-qua' })
    bad.assertStatus(302)
    bad.assertHeader('location', PAGE)
    assert.deepEqual(fieldErrors(bad, 'url'), [
      'Địa chỉ nhận nhắc việc phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https://, ví dụ https://vanban.tinh.gov.vn/nhac-viec.',
    ])
    assert.deepEqual(fieldErrors(bad, 'secret'), ['Khóa ký phải có ít nhất 16 ký tự.'])
    const flashed = bad.flashMessages() as Record<string, unknown>
    assert.equal(flashed.url, 'ftp://vanban.noibo/nhac-viec', 'the address is shown again')
    assert.notProperty(flashed, 'secret', 'the key is not kept in the session')

    const notUrl = await post({ url: 'vanban noi bo', secret: SECRET })
    assert.lengthOf(fieldErrors(notUrl, 'url'), 1)

    const noKey = await post({ url: receiver.url, secret: '' })
    assert.deepEqual(fieldErrors(noKey, 'secret'), [
      'Vui lòng nhập khóa ký, ít nhất 16 ký tự, để hệ thống nhận kiểm tra được tin gửi.',
    ])

    assert.deepEqual(await withTenant(tenant, () => reminderPushSetting()), { url: null, hasSecret: false })
    assert.notProperty(await storedSettings(tenant), 'reminderPush')

    const page = await client.get(PAGE).header('host', hostOf(tenant)).loginAs(admin)
    page.assertTextIncludes('Đang tắt')
  })

  test('OS-22.6 officers other than admins get 403 and change nothing; guests are sent to log in', async ({ client, assert }) => {
    const tenant = await createTenant()
    const handler = await createOfficer(tenant, ['handler', 'dept_head', 'editor'])

    const page = await client.get(PAGE).header('host', hostOf(tenant)).loginAs(handler)
    page.assertStatus(403)
    const post = await client
      .post(PAGE)
      .header('host', hostOf(tenant))
      .loginAs(handler)
      .withCsrfToken()
      .form({ url: receiver.url, secret: SECRET })
      .redirects(0)
    post.assertStatus(403)
    const trial = await client.post(`${PAGE}/gui-thu`).header('host', hostOf(tenant)).loginAs(handler).withCsrfToken().redirects(0)
    trial.assertStatus(403)
    assert.deepEqual(await withTenant(tenant, () => reminderPushSetting()), { url: null, hasSecret: false })
    assert.lengthOf(await pushesOf(tenant), 0)

    const guest = await client.get(PAGE).header('host', hostOf(tenant)).redirects(0)
    guest.assertStatus(302)
    guest.assertHeader('location', '/dang-nhap?return_to=%2Fquan-tri%2Fket-noi%2Fnhac-viec')
  })

  test('OS-22.6 “Gửi thử” reaches the receiver signed, and the screen lists it as delivered', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createOfficer(tenant, ['admin'])
    const trial = () => client.post(`${PAGE}/gui-thu`).header('host', hostOf(tenant)).loginAs(admin).withCsrfToken().redirects(0)

    const notYet = await trial()
    notYet.assertStatus(303)
    assert.equal(
      (notYet.flashMessages() as any)?.warning,
      'Chưa có địa chỉ nhận nhắc việc. Hãy khai địa chỉ và khóa ký, bấm Lưu rồi gửi thử.'
    )
    assert.lengthOf(await pushesOf(tenant), 0)

    await withTenant(tenant, () => saveReminderPushSetting({ url: receiver.url, secret: SECRET }))
    const sent = await trial()
    sent.assertStatus(303)
    sent.assertHeader('location', PAGE)
    assert.equal((sent.flashMessages() as any)?.notice, 'Đã gửi tin thử. Tải lại trang để xem kết quả ở bảng Lần gửi gần đây.')

    const [push] = await receiver.waitFor(1)
    assert.equal(push.json.type, 'test')
    assert.equal(push.json.tenant, tenant.code)
    assert.equal(push.headers['content-type'], 'application/json')
    assert.equal(push.headers['x-signature'], expectedSignature(push.body))
    const [message] = await settledPushes(tenant, 1)
    assert.equal(push.headers['x-delivery-id'], String(message.id))

    for (let wait = 0; wait < 40; wait++) {
      if ((await pushesOf(tenant))[0].deliveredAt) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const page = await client.get(PAGE).header('host', hostOf(tenant)).loginAs(admin)
    page.assertTextIncludes('<td>Tin thử</td>')
    page.assertTextIncludes('<td>Đã gửi</td>')
  })
})

test.group('OS-22.6 reminder push: delivery of reminders', (group) => {
  let receiver: Receiver
  const savedTimeout = process.env.REMINDER_PUSH_TIMEOUT_MS
  group.each.setup(async () => {
    receiver = await startReceiver()
    return async () => {
      if (savedTimeout === undefined) delete process.env.REMINDER_PUSH_TIMEOUT_MS
      else process.env.REMINDER_PUSH_TIMEOUT_MS = savedTimeout
      await receiver.close()
    }
  })

  test('OS-22.6 OS-22.5 a department head assigns a handler: the receiver gets the new-work reminder, signed', async ({ assert }) => {
    const setting = await engineSetting()
    const dossier = await dossierAwaitingAssignment(setting)
    await withTenant(setting.tenant, () => saveReminderPushSetting({ url: receiver.url, secret: SECRET }))

    await act(setting, dossier.id, setting.deptHead, 'Phân công thụ lý', vn('2026-06-01T10:00:00'), { assigneeId: setting.handler.id })

    const [push] = await receiver.waitFor(1)
    assert.isDefined(push, 'the receiver got the reminder')
    assert.equal(push.headers['content-type'], 'application/json')
    assert.equal(push.headers['x-signature'], expectedSignature(push.body))
    assert.notEqual(push.headers['x-signature'], expectedSignature(push.body, 'khoa-ky-khac-hoan-toan'))
    const procedure = await withTenant(setting.tenant, () => Procedure.findOrFail(setting.procedureId))
    const current = await reload(setting, dossier.id)
    const { due_at: dueAt, step, id, link, ...rest } = push.json
    assert.deepEqual(rest, {
      type: 'reminder',
      kind: 'new_work',
      tenant: setting.tenant.code,
      dossier_code: current.code,
      procedure: procedure.name,
      officer: { id: setting.handler.id, full_name: 'Lê Văn Thụ', email: setting.handler.email },
      created_at: '2026-06-01T10:00:00.000+07:00',
    })
    assert.isString(step)
    assert.match(dueAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000\+07:00$/)
    assert.isNumber(id)
    assert.match(link, new RegExp(`^http://${hostOf(setting.tenant).replace('.', '\\.')}(:\\d+)?/mot-cua/ho-so/${dossier.id}$`))

    const [message] = await settledPushes(setting.tenant, 1)
    assert.equal(push.headers['x-delivery-id'], String(message.id))
    assert.equal(message.recipient, receiver.url)
    assert.notInclude(message.bodyText, SECRET, 'the message does not carry the key')
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(receiver.received, 1, 'one reminder, one push')
  })

  test('OS-22.6 a receiver that answers 500 gets the same push again on the retry', async ({ assert }) => {
    const setting = await engineSetting()
    const dossier = await dossierAwaitingAssignment(setting)
    await withTenant(setting.tenant, () => saveReminderPushSetting({ url: receiver.url, secret: SECRET }))
    receiver.answers.push(500)

    await act(setting, dossier.id, setting.deptHead, 'Phân công thụ lý', vn('2026-06-01T10:00:00'), { assigneeId: setting.handler.id })
    const [refused] = await receiver.waitFor(1)
    let [message] = await settledPushes(setting.tenant, 1)
    assert.isNull(message.deliveredAt)
    assert.equal(message.attempts, 1)
    assert.include(message.lastError, 'HTTP 500')
    assert.isTrue(message.nextAttemptAt > DateTime.now(), 'the retry waits its backoff')

    await withTenant(setting.tenant, () =>
      OutboxMessage.query().where('id', message.id).update({ next_attempt_at: DateTime.now().minus({ seconds: 1 }).toJSDate() })
    )
    await deliverTenantMessages(setting.tenant)

    const [, accepted] = await receiver.waitFor(2)
    assert.equal(accepted.body, refused.body)
    assert.equal(accepted.headers['x-delivery-id'], refused.headers['x-delivery-id'])
    assert.equal(accepted.headers['x-signature'], expectedSignature(accepted.body))
    ;[message] = await pushesOf(setting.tenant)
    assert.isNotNull(message.deliveredAt)
    assert.equal(message.attempts, 2)
  })

  test('OS-22.6 a receiver that does not answer in time counts as not delivered', async ({ assert }) => {
    const tenant = await createTenant()
    await withTenant(tenant, () => saveReminderPushSetting({ url: receiver.url, secret: SECRET }))
    process.env.REMINDER_PUSH_TIMEOUT_MS = '200'
    receiver.state.delayMs = 1500

    await withTenant(tenant, () => queueTestPush(DateTime.now()))
    await receiver.waitFor(1)
    const [message] = await settledPushes(tenant, 1)
    assert.isNull(message.deliveredAt)
    assert.include(message.lastError, 'timeout')
  })

  test('OS-22.6 with no address configured, or when the action rolls back, nothing is queued or sent', async ({ assert }) => {
    const setting = await engineSetting()
    const dossier = await dossierAwaitingAssignment(setting)

    await act(setting, dossier.id, setting.deptHead, 'Phân công thụ lý', vn('2026-06-01T10:00:00'), { assigneeId: setting.handler.id })
    assert.lengthOf(await pushesOf(setting.tenant), 0, 'no address: no push')

    const second = await dossierAwaitingAssignment(setting)
    await withTenant(setting.tenant, () => saveReminderPushSetting({ url: receiver.url, secret: SECRET }))
    const assign = await transitionId(setting, 'phan_cong', 'Phân công thụ lý')
    const { lockVersion } = await reload(setting, second.id)
    await assert.rejects(() =>
      withTenant(setting.tenant, async () => {
        await performAction({ dossierId: second.id, transitionId: assign, expectedLockVersion: lockVersion, actor: setting.deptHead, assigneeId: setting.handler.id })
        throw new Error('a later part of the action failed')
      })
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(await pushesOf(setting.tenant), 0, 'rolled back: no push')
    assert.lengthOf(receiver.received, 0)
  })
})
