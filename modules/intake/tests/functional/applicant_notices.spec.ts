/*
 * PT-5.2, OL-9: the applicant hears about their dossier on the channels their account chose:
 * email by default, SMS when asked for, and the dossier's own email when there is no account.
 */
import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import { createCitizen } from '#tests/helpers/tenants'
import { testMailbox } from '#tests/helpers/mailbox'
import { sendApplicantNotice } from '#intake/index'
import { SmsGatewayStandIn, startSmsGatewayServer } from '#integration/stand_ins/sms_gateway_server'
import { clockAt, intake, intakeSetting } from '#intake/tests/helpers'

const clock = clockAt('2026-04-15T09:00:00')

test.group('Applicant notices follow the account\u2019s choices (PT-5.2)', (group) => {
  let gateway: SmsGatewayStandIn
  const configured = process.env.SMS_GATEWAY_URL
  group.setup(async () => {
    gateway = await startSmsGatewayServer()
    process.env.SMS_GATEWAY_URL = gateway.url
    return async () => {
      if (configured === undefined) delete process.env.SMS_GATEWAY_URL
      else process.env.SMS_GATEWAY_URL = configured
      await gateway.close()
    }
  })

  test('PT-5.2 an account that chose SMS only gets a short SMS with the code and no email', async ({ assert }) => {
    const setting = await intakeSetting()
    const mailbox = await testMailbox()
    const citizen = await createCitizen(setting.tenant)
    const phone = `09${String(citizen.id % 100_000_000).padStart(8, '0')}`
    await withTenant(setting.tenant, async () => {
      citizen.merge({ phone, notifyByEmail: false, notifyBySms: true })
      await citizen.save()
    })
    const dossier = await intake(setting, clock, { applicantId: citizen.id, applicant: { fullName: citizen.fullName, email: citizen.email } })

    await withTenant(setting.tenant, () =>
      sendApplicantNotice(dossier, { subject: 'Hồ sơ đã được tiếp nhận', text: 'Hồ sơ của ông/bà đã được tiếp nhận.' })
    )

    const sms = await gateway.waitFor(phone)
    assert.equal(sms.message, `Ho so da duoc tiep nhan. Ma ho so ${dossier.code}`)
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(mailbox.sentTo(citizen.email!), 0, 'no email when the account turned email off')
  })

  test('PT-5.2 by default the account\u2019s email gets the full message; a counter dossier without an account, its own email', async ({ assert }) => {
    const setting = await intakeSetting()
    const mailbox = await testMailbox()
    const citizen = await createCitizen(setting.tenant)
    const online = await intake(setting, clock, { applicantId: citizen.id, applicant: { fullName: citizen.fullName } })
    const counterEmail = `quay-${setting.tenant.id}@example.vn`
    const counter = await intake(setting, clock, { applicant: { fullName: 'Lê Văn Quầy', email: counterEmail } })

    await withTenant(setting.tenant, async () => {
      await sendApplicantNotice(online, { subject: 'Hồ sơ đang được xử lý', text: `Mã hồ sơ ${online.code}` })
      await sendApplicantNotice(counter, { subject: 'Hồ sơ đang được xử lý', text: `Mã hồ sơ ${counter.code}` })
    })

    assert.include((await mailbox.waitFor(citizen.email!)).text, online.code)
    assert.include((await mailbox.waitFor(counterEmail)).text, counter.code)
  })
})
