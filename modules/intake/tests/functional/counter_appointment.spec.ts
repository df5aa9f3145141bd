/*
 * The appointment date (OS-5, ST-5, ST-7; issue 5 item 4): the procedure's legal deadline in
 * working days on the tenant's working calendar, from the moment of acceptance. Weekends, public
 * holidays and the tenant's own days off are skipped; the clock is a test clock.
 */
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { withTenant } from '#tenancy/tenant_context'
import { addCalendarOverride } from '#catalog/services/working_calendar'
import { appointmentDateFor } from '#intake/counter/services/appointment_dates'
import { acceptDossier } from '#intake/counter/services/intake_decisions'
import { receiveAtCounter } from '#intake/counter/services/receive_at_counter'
import { clockAt } from '#intake/tests/helpers'
import { counterSetting, portalDossier, reload } from '#intake/tests/counter_fixtures'

const vietnam = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Ho_Chi_Minh' })
const shown = (moment: DateTime | null) => moment?.setZone('Asia/Ho_Chi_Minh').toFormat('dd/MM/yyyy HH:mm') ?? null
const noLink = (code: string) => `http://localhost/tra-cuu?ma=${code}`

test.group('Appointment date on the working calendar', () => {
  test('OS-5 a one-day procedure received on Friday morning is due on Monday at the same time (weekend skipped)', async ({ assert }) => {
    const setting = await counterSetting()
    const due = await withTenant(setting.tenant, () => appointmentDateFor({ legalDeadlineDays: 1 }, clockAt('2026-04-17T09:30:00')()))
    assert.equal(shown(due), '20/04/2026 09:30')
  })

  test('OS-5 the 30/4 and 1/5 holidays and the weekend after them are skipped, and so is a day off the tenant declared', async ({ assert }) => {
    const setting = await counterSetting()
    const received = clockAt('2026-04-29T10:00:00')()
    const due = await withTenant(setting.tenant, () => appointmentDateFor({ legalDeadlineDays: 2 }, received))
    assert.equal(shown(due), '05/05/2026 10:00')

    await withTenant(setting.tenant, () => addCalendarOverride({ date: vietnam('2026-05-05'), kind: 'day_off', note: 'Nghỉ bù' }))
    const moved = await withTenant(setting.tenant, () => appointmentDateFor({ legalDeadlineDays: 2 }, received))
    assert.equal(shown(moved), '06/05/2026 10:00')
  })

  test('ST-7 a portal dossier accepted on a test clock before the 30/4 holiday gets its date after the holidays', async ({ assert }) => {
    const setting = await counterSetting()
    const dossier = await portalDossier(setting, clockAt('2026-04-28T15:00:00'))
    await withTenant(setting.tenant, () =>
      acceptDossier(dossier, dossier.lockVersion, { officer: setting.receptionist, lookupUrl: noLink, clock: clockAt('2026-04-29T10:00:00') })
    )
    // 5 working days from Wednesday 29/4 10:00: Wed, (30/4, 1/5, weekend), Mon 4/5 … Fri 8/5 10:00.
    assert.equal(shown((await reload(setting, dossier.id)).appointmentAt), '08/05/2026 10:00')
  })

  test('ST-5 a counter dossier received on Friday afternoon on a test clock is due the next Friday at the same time', async ({ assert }) => {
    const setting = await counterSetting()
    const dossier = await withTenant(setting.tenant, async () => {
      await setting.procedure.load('components')
      return receiveAtCounter(
        {
          procedure: setting.procedure,
          channel: 'counter',
          officer: setting.receptionist,
          applicant: { fullName: 'Ngô Thị Em', nationalId: '001190054321' },
          applicantAccountId: null,
          receivedComponentIds: setting.components.map((component) => component.id),
          attachments: [],
          decision: { kind: 'accept', eform: null },
        },
        { lookupUrl: noLink, clock: clockAt('2026-04-17T16:00:00') }
      )
    })
    assert.equal(shown(dossier.receivedAt), '17/04/2026 16:00')
    assert.equal(shown(dossier.appointmentAt), '24/04/2026 16:00')
    assert.match(dossier.code, /-260417-0001$/)
  })
})
