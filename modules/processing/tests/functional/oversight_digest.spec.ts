/*
 * OS-22.5: the daily email digest, read back from the real SMTP test server: each officer's
 * unseen reminders and non-zero desk counts with links to the lists (which hold what the email
 * says), nothing for an officer with nothing to do, and one digest per tenant and day.
 */
import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import { DateTime } from 'luxon'
import { withTenant } from '#tenancy/tenant_context'
import { hostOf } from '#tests/helpers/tenants'
import { testMailbox } from '#tests/helpers/mailbox'
import { remind } from '#processing/services/reminders'
import SendDigest from '#processing/oversight/commands/send_digest'
import { sendDailyDigest } from '#processing/oversight/digest/daily_digest'
import { getCommand, getMetaData } from '#processing/oversight/commands/main'
import { placeDossier, oversightSetting, vn, VIETNAM } from '#processing/tests/oversight_fixtures'

async function settingWithWork() {
  const setting = await oversightSetting()
  const now = DateTime.now()
  const permit = { procedure: setting.buildingPermit, agency: setting.constructionAgency, step: 'thu_ly', statusCode: 'dang_xu_ly' }
  const late = await placeDossier(setting, {
    ...permit,
    assignee: setting.handler,
    receivedAt: vn('2026-04-02T09:00:00'),
    appointmentAt: vn('2026-04-23T17:00:00'),
  })
  const fresh = await placeDossier(setting, {
    ...permit,
    assignee: setting.handler,
    receivedAt: now.minus({ hours: 1 }),
    appointmentAt: now.plus({ days: 10 }),
  })
  await withTenant(setting.tenant, async () => {
    await remind([setting.handler.id], { dossierId: late.id, dossierStepId: null, kind: 'overdue', at: now.minus({ minutes: 30 }) })
    await remind([setting.handler.id], { dossierId: fresh.id, dossierStepId: null, kind: 'new_work', at: now.minus({ minutes: 5 }) })
  })
  return { setting, late, fresh }
}

test.group('OS-22.5 daily email digest', () => {
  test('OS-22.5 node ace processing:send-digest emails each officer their reminders and counts, linked to the lists', async ({
    client,
    assert,
  }) => {
    const { setting, late, fresh } = await settingWithWork()
    const mailbox = await testMailbox()
    ace.ui.switchMode('raw')
    try {
      const command = await ace.create(SendDigest, [`--tenant=${setting.tenant.code}`])
      await command.exec()
      assert.equal(command.exitCode, 0)
      assert.match(command.logger.getLogs().map((log) => log.message).join('\n'), /queued for \d+ officer\(s\)/)
    } finally {
      ace.ui.switchMode('normal')
    }

    const mail = await mailbox.waitFor(setting.handler.email!)
    const today = DateTime.now().setZone(VIETNAM).toFormat('dd/MM/yyyy')
    const base = `http://${hostOf(setting.tenant)}:${process.env.PORT}`
    assert.equal(mail.subject, `Nhắc việc ngày ${today}: 2 việc cần xem`)
    const text = mail.text
    assert.include(text, 'Kính gửi Lê Văn Thụ,')
    assert.include(text, `Việc mới (1)\n- ${fresh.code} – Cấp giấy phép xây dựng nhà ở riêng lẻ: ${base}/mot-cua/ho-so/${fresh.id}`)
    assert.include(text, `Việc quá hạn (1)\n- ${late.code} – Cấp giấy phép xây dựng nhà ở riêng lẻ: ${base}/mot-cua/ho-so/${late.id}`)
    assert.include(text, 'Hồ sơ thụ lý:')
    assert.include(text, `Mở bàn làm việc: ${base}/mot-cua`)
    assert.include(mail.html, `<a href="${base}/mot-cua/ho-so/${late.id}">${late.code}</a>`)

    // Every count line links to a list holding that many dossiers.
    const lines = [...text.matchAll(/^- (\d+) (.+): (http\S+)$/gm)]
    assert.isAbove(lines.length, 1)
    assert.isTrue(lines.some(([, count, label]) => count === '2' && label === 'chờ xử lý'))
    assert.isTrue(lines.some(([, count, label]) => count === '1' && label === 'quá hạn'))
    for (const [, count, label, link] of lines) {
      const url = new URL(link)
      assert.equal(url.origin, base)
      const list = await client.get(url.pathname + url.search).header('host', hostOf(setting.tenant)).loginAs(setting.handler)
      assert.include(list.text(), `${count} hồ sơ</p>`, `"${label}" in the digest`)
    }

    // The department head has counts too; an officer with nothing to do gets no email.
    const headMail = await mailbox.waitFor(setting.deptHead.email!)
    assert.include(headMail.text, 'Phòng ban:')
    assert.lengthOf(mailbox.sentTo(setting.justiceHandler.email!), 0)
  })

  test('OS-22.5 a second run on the same day sends nothing again', async ({ assert }) => {
    const { setting } = await settingWithWork()
    const mailbox = await testMailbox()
    const first = await withTenant(setting.tenant, () => sendDailyDigest())
    assert.isTrue(first.sent)
    assert.isAbove(first.recipients, 0)
    await mailbox.waitFor(setting.handler.email!)
    const second = await withTenant(setting.tenant, () => sendDailyDigest())
    assert.deepEqual(second, { day: first.day, sent: false, recipients: 0 })
    const tomorrow = await withTenant(setting.tenant, () => sendDailyDigest({ clock: () => DateTime.now().plus({ days: 1 }) }))
    assert.isTrue(tomorrow.sent)
    for (let waited = 0; mailbox.sentTo(setting.handler.email!).length < 2 && waited < 5000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    assert.lengthOf(mailbox.sentTo(setting.handler.email!), 2)
  })

  test('OS-22.5 the loader offers processing:send-digest with its flag', async ({ assert }) => {
    const [meta] = await getMetaData()
    assert.equal(meta.commandName, 'processing:send-digest')
    assert.deepEqual(
      meta.flags.map((flag) => flag.name),
      ['tenant']
    )
    assert.strictEqual(await getCommand(meta), SendDigest)
  })
})
