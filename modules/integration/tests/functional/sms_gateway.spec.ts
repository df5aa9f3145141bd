/*
 * PT-5.2, PT-12: the SMS gateway client against the local stand-in carrier: what the carrier
 * receives (84… numbers, brandname, key, encoding and parts), every refusal and fault surfacing as
 * an SmsGatewayError (so the outbox keeps the message and retries), and a queued SMS leaving
 * through the outbox once its transaction commits.
 */
import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import { createTenant } from '#tests/helpers/tenants'
import { queueSms, sendSms, SmsGatewayError } from '#integration/index'
import OutboxMessage from '#integration/outbox/outbox_message'
import { SmsGatewayStandIn, smsSegments, startSmsGatewayServer } from '#integration/stand_ins/sms_gateway_server'

const SETTINGS = ['SMS_GATEWAY_URL', 'SMS_GATEWAY_API_KEY', 'SMS_GATEWAY_BRANDNAME', 'SMS_GATEWAY_TIMEOUT_MS'] as const

async function failureOf(work: Promise<unknown>) {
  try {
    await work
  } catch (error) {
    if (error instanceof SmsGatewayError) return error.failure
    throw error
  }
  return 'sent'
}

test.group('PT-5.2 SMS gateway client and stand-in carrier', (group) => {
  let gateway: SmsGatewayStandIn
  const saved = Object.fromEntries(SETTINGS.map((name) => [name, process.env[name]]))

  group.setup(async () => {
    gateway = await startSmsGatewayServer({ apiKey: 'khoa-thu', brandnames: ['DICHVUCONG', 'UBND-HN'] })
    return () => gateway.close()
  })
  group.each.setup(() => {
    process.env.SMS_GATEWAY_URL = gateway.url
    process.env.SMS_GATEWAY_API_KEY = 'khoa-thu'
    delete process.env.SMS_GATEWAY_BRANDNAME
    delete process.env.SMS_GATEWAY_TIMEOUT_MS
    gateway.fault = 'none'
    return () => {
      for (const name of SETTINGS) {
        if (saved[name] === undefined) delete process.env[name]
        else process.env[name] = saved[name]
      }
    }
  })

  test('PT-5.2 the carrier gets the number as 84…, the brandname and the text, counted as a carrier counts', async ({ assert }) => {
    await sendSms({ to: '0912 345 678', text: 'Ma xac nhan tra cuu ho so: 123456' })
    const plain = await gateway.waitFor('0912345678')
    assert.equal(plain.phone, '84912345678')
    assert.equal(plain.brandname, 'DICHVUCONG')
    assert.equal(plain.message, 'Ma xac nhan tra cuu ho so: 123456')
    assert.deepInclude(plain, { encoding: 'gsm7', segments: 1 })

    process.env.SMS_GATEWAY_BRANDNAME = 'UBND-HN'
    await sendSms({ to: '+84 987 654 321', text: 'Mã xác nhận: 654321' })
    const accented = await gateway.waitFor('0987654321')
    assert.equal(accented.brandname, 'UBND-HN')
    assert.deepInclude(accented, { encoding: 'ucs2', segments: 1 })

    assert.deepEqual(smsSegments('a'.repeat(160)), { encoding: 'gsm7', segments: 1 })
    assert.deepEqual(smsSegments('a'.repeat(161)), { encoding: 'gsm7', segments: 2 })
    assert.deepEqual(smsSegments('ă'.repeat(71)), { encoding: 'ucs2', segments: 2 })
  })

  test('PT-5.2 refusals and faults of the carrier raise an SmsGatewayError', async ({ assert }) => {
    assert.equal(await failureOf(sendSms({ to: '024 3825 1234', text: 'x' })), 'invalid_recipient')
    assert.equal(await failureOf(sendSms({ to: '0933333333', text: 'ă'.repeat(202) })), 'rejected', 'more than 3 parts')

    process.env.SMS_GATEWAY_API_KEY = 'khoa-sai'
    assert.equal(await failureOf(sendSms({ to: '0933333333', text: 'x' })), 'rejected')
    process.env.SMS_GATEWAY_API_KEY = 'khoa-thu'

    process.env.SMS_GATEWAY_BRANDNAME = 'LA-LAM'
    assert.equal(await failureOf(sendSms({ to: '0933333333', text: 'x' })), 'rejected')
    delete process.env.SMS_GATEWAY_BRANDNAME

    gateway.fault = 'server_error'
    assert.equal(await failureOf(sendSms({ to: '0933333333', text: 'x' })), 'rejected')
    gateway.fault = 'garbage'
    assert.equal(await failureOf(sendSms({ to: '0933333333', text: 'x' })), 'bad_response')
    gateway.fault = 'bad_shape'
    assert.equal(await failureOf(sendSms({ to: '0933333333', text: 'x' })), 'bad_response')
    gateway.fault = 'hang'
    process.env.SMS_GATEWAY_TIMEOUT_MS = '300'
    assert.equal(await failureOf(sendSms({ to: '0933333333', text: 'x' })), 'timeout')
    gateway.fault = 'none'

    const closed = await startSmsGatewayServer()
    process.env.SMS_GATEWAY_URL = closed.url
    await closed.close()
    assert.equal(await failureOf(sendSms({ to: '0933333333', text: 'x' })), 'unreachable')

    assert.lengthOf(gateway.sentTo('0933333333'), 0, 'nothing was accepted')
  })

  test('PT-5.2 OL-9 an SMS queued in a committed change leaves through the outbox and is marked delivered', async ({ assert }) => {
    const tenant = await createTenant()
    const phone = `09${String(tenant.id % 100_000_000).padStart(8, '0')}`

    await withTenant(tenant, () => queueSms({ to: phone, text: 'Ho so 000.00.01.H22-260415-0001 da co ket qua.' }))
    const sms = await gateway.waitFor(phone)
    assert.equal(sms.message, 'Ho so 000.00.01.H22-260415-0001 da co ket qua.')

    let message = await withTenant(tenant, () => OutboxMessage.query().where('recipient', phone).firstOrFail())
    for (let wait = 0; !message.deliveredAt && wait < 20; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      message = await withTenant(tenant, () => OutboxMessage.query().where('recipient', phone).firstOrFail())
    }
    assert.isNotNull(message.deliveredAt)
    assert.equal(message.attempts, 1)
  })
})
