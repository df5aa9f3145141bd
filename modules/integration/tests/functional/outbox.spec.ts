import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { withTenant } from '#tenancy/tenant_context'
import { createTenant } from '#tests/helpers/tenants'
import { testMailbox } from '#tests/helpers/mailbox'
import OutboxMessage from '#integration/outbox/outbox_message'
import { freePort } from '../../../../app/database/free_port.js'
import { deliverTenantMessages, queueEmail, queueSms } from '#integration/outbox/outbox'

function messagesTo(tenant: Awaited<ReturnType<typeof createTenant>>, recipient: string) {
  return withTenant(tenant, () => OutboxMessage.query().where('recipient', recipient))
}

test.group('Outbox (OL-9 notifications leave the process reliably)', () => {
  test('OL-9 an email queued in a committed change arrives and is marked delivered', async ({ assert }) => {
    const tenant = await createTenant()
    const mailbox = await testMailbox()
    const recipient = `outbox-${tenant.id}@example.vn`

    await withTenant(tenant, () =>
      queueEmail({ to: recipient, subject: 'Hồ sơ đã được tiếp nhận', text: 'Mã hồ sơ: H26-260415-0001' })
    )

    const received = await mailbox.waitFor(recipient)
    assert.equal(received.subject, 'Hồ sơ đã được tiếp nhận')
    assert.include(received.text, 'H26-260415-0001')
    let [message] = await messagesTo(tenant, recipient)
    for (let wait = 0; !message.deliveredAt && wait < 20; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      ;[message] = await messagesTo(tenant, recipient)
    }
    assert.isNotNull(message.deliveredAt)
    assert.equal(message.attempts, 1)
  })

  test('OL-9 a change that rolls back sends nothing', async ({ assert }) => {
    const tenant = await createTenant()
    const mailbox = await testMailbox()
    const recipient = `rollback-${tenant.id}@example.vn`

    await assert.rejects(() =>
      withTenant(tenant, async () => {
        await queueEmail({ to: recipient, subject: 'Không được gửi', text: '…' })
        throw new Error('the intake failed after queueing')
      })
    )

    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(mailbox.sentTo(recipient), 0)
    assert.lengthOf(await messagesTo(tenant, recipient), 0)
  })

  test('OL-9 a message that cannot be sent stays queued with the error and is retried later', async ({ assert }) => {
    const tenant = await createTenant()
    const recipient = `09${String(tenant.id % 100_000_000).padStart(8, '0')}`
    const configuredGateway = process.env.SMS_GATEWAY_URL
    // A gateway that is down: nothing listens on a port just released.
    process.env.SMS_GATEWAY_URL = `http://127.0.0.1:${await freePort()}`
    try {
      // The commit triggers the first attempt; wait for it to be recorded.
      await withTenant(tenant, () => queueSms({ to: recipient, text: 'Mã tra cứu: 123456' }))
      for (let wait = 0; wait < 40; wait++) {
        const [queued] = await messagesTo(tenant, recipient)
        if (queued.attempts > 0) break
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    } finally {
      if (configuredGateway === undefined) delete process.env.SMS_GATEWAY_URL
      else process.env.SMS_GATEWAY_URL = configuredGateway
    }

    const [message] = await messagesTo(tenant, recipient)
    assert.isNull(message.deliveredAt)
    assert.isAtLeast(message.attempts, 1)
    assert.isNotNull(message.lastError)
    assert.isTrue(message.nextAttemptAt > DateTime.now(), 'the next attempt waits')

    await deliverTenantMessages(tenant)
    const [unchanged] = await messagesTo(tenant, recipient)
    assert.equal(unchanged.attempts, message.attempts, 'not retried before its time')
  })
})
