/*
 * OL-11đ, PT-8.1, OL-12: the figures of a service's page, computed from dossiers registered with
 * registerDossier and moved on with trail events on a test clock: online dossiers received and
 * processed this year, the online share, satisfaction results, and the 90th-percentile processing
 * time of the last 90 days (only with enough dossiers).
 */
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { withTenant } from '#tenancy/tenant_context'
import { createCitizen, hostOf } from '#tests/helpers/tenants'
import { addProcedure } from '#catalog/tests/fixtures/procedures'
import { intake, intakeSetting, type IntakeSetting } from '#intake/tests/helpers'
import { appendEvent, Dossier, type DossierChannel } from '#intake/index'
import { Procedure } from '#catalog/index'
import { servicePath } from '#portal/index'
import { serviceFigures } from '#portal/figures/service_figures'
import SatisfactionRating, { type SatisfactionLevel } from '#portal/ratings/satisfaction_rating'

const ZONE = 'Asia/Ho_Chi_Minh'
const at = (vietnamTime: string) => DateTime.fromISO(vietnamTime, { zone: ZONE })

interface Story {
  channel?: DossierChannel
  received: DateTime
  /** [status, when] in order, e.g. [['da_xu_ly_xong', …], ['da_tra_ket_qua', …]]. */
  changes?: [string, DateTime][]
  procedureId?: number
}

/** A dossier received at `received` and moved through `changes`, as the one-stop system would. */
async function dossier(setting: IntakeSetting, story: Story) {
  const registered = await intake(setting, () => story.received, {
    channel: story.channel ?? 'online',
    procedureId: story.procedureId ?? setting.procedureId,
    statusCode: story.channel === 'counter' ? 'duoc_tiep_nhan' : 'moi_dang_ky',
  })
  await withTenant(setting.tenant, async () => {
    let status = registered.statusCode
    for (const [toStatus, when] of story.changes ?? []) {
      await appendEvent(registered.id, { action: 'change_status', fromStatus: status, toStatus, occurredAt: when, public: true })
      status = toStatus
    }
    await Dossier.query().where('id', registered.id).update({ statusCode: status })
  })
  return registered
}

async function ratings(setting: IntakeSetting, given: [SatisfactionLevel, DateTime][]) {
  const citizen = await createCitizen(setting.tenant)
  for (const [overall, when] of given) {
    const rated = await dossier(setting, { received: when.minus({ hours: 2 }), changes: [['da_tra_ket_qua', when.minus({ hours: 1 })]] })
    await withTenant(setting.tenant, () =>
      SatisfactionRating.create({
        dossierId: rated.id,
        procedureId: setting.procedureId,
        applicantId: citizen.id,
        overall,
        firstRatedAt: when,
      })
    )
  }
}

function figuresAt(setting: IntakeSetting, now: DateTime, procedureId = setting.procedureId) {
  return withTenant(setting.tenant, () => serviceFigures(procedureId, now))
}

test.group('OL-11đ PT-8.1 service page figures', () => {
  test('OL-11đ PT-8.1 online dossiers received and processed this year, and the online share of all', async ({ assert }) => {
    const setting = await intakeSetting()
    const now = at('2026-06-30T12:00:00')
    const other = await addProcedure(setting.tenant, 'published')

    // Received this year: 3 online, 2 at the counter. 01/01 at 03:00 in Vietnam is still 31/12 in
    // UTC: the year is Vietnam's.
    await dossier(setting, { received: at('2026-01-01T03:00:00') })
    await dossier(setting, { received: at('2026-05-01T08:00:00'), changes: [['dang_xu_ly', at('2026-05-02T08:00:00')]] })
    await dossier(setting, { received: at('2026-06-01T08:00:00'), changes: [['da_xu_ly_xong', at('2026-06-10T08:00:00')]] })
    await dossier(setting, { channel: 'counter', received: at('2026-03-01T08:00:00') })
    await dossier(setting, { channel: 'counter', received: at('2026-04-01T08:00:00'), changes: [['da_tra_ket_qua', at('2026-04-03T08:00:00')]] })
    // Received last year, processed this year: processed, not received, this year.
    await dossier(setting, { received: at('2025-12-20T08:00:00'), changes: [['da_xu_ly_xong', at('2026-01-05T08:00:00')], ['da_tra_ket_qua', at('2026-01-06T08:00:00')]] })
    // Processed last year, its result handed over this year: not processed this year.
    await dossier(setting, { received: at('2025-11-01T08:00:00'), changes: [['da_xu_ly_xong', at('2025-12-01T08:00:00')], ['da_tra_ket_qua', at('2026-01-10T08:00:00')]] })
    // Last year's evening in Vietnam: not this year's.
    await dossier(setting, { received: at('2025-12-31T23:30:00') })
    // After "now", and another procedure's: not counted.
    await dossier(setting, { received: at('2026-07-05T08:00:00') })
    await dossier(setting, { received: at('2026-02-01T08:00:00'), procedureId: other.id, changes: [['da_xu_ly_xong', at('2026-02-05T08:00:00')]] })

    const figures = await figuresAt(setting, now)
    assert.equal(figures.year, 2026)
    assert.deepEqual(figures.received, { online: 3, total: 5 })
    assert.equal(figures.onlineProcessed, 2)
    assert.equal(figures.onlineSharePercent, 60)
    assert.isNull(figures.satisfaction)

    const otherFigures = await figuresAt(setting, now, other.id)
    assert.deepEqual(otherFigures.received, { online: 1, total: 1 })
    assert.equal(otherFigures.onlineProcessed, 1)

    const empty = await figuresAt(await intakeSetting(), now)
    assert.deepEqual(empty.received, { online: 0, total: 0 })
    assert.isNull(empty.onlineSharePercent)
  })

  test('OL-11đ the expected processing time is the 90th percentile of the last 90 days, shown from 10 dossiers', async ({ assert }) => {
    const setting = await intakeSetting()
    const now = at('2026-06-30T12:00:00')
    // Nine dossiers finished within the window, taking 1 to 9 days from receipt.
    for (let days = 1; days <= 9; days++) {
      const finished = now.minus({ days: 20 + days })
      await dossier(setting, { received: finished.minus({ days }), changes: [['dang_xu_ly', finished.minus({ hours: 1 })], ['da_xu_ly_xong', finished], ['da_tra_ket_qua', finished.plus({ days: 3 })]] })
    }
    // Outside the window (finished 100 days ago) and still in progress: not counted.
    await dossier(setting, { received: now.minus({ days: 200 }), changes: [['da_xu_ly_xong', now.minus({ days: 100 })]] })
    await dossier(setting, { received: now.minus({ days: 60 }), changes: [['dang_xu_ly', now.minus({ days: 59 })]] })

    assert.isNull((await figuresAt(setting, now)).expected, 'nine dossiers are not enough')

    // The tenth took 10 days: over 1…10 days the 90th percentile is 9.1 days, shown as 10.
    await dossier(setting, { channel: 'counter', received: now.minus({ days: 15 }), changes: [['da_tra_ket_qua', now.minus({ days: 5 })]] })
    assert.deepEqual((await figuresAt(setting, now)).expected, { days: 10, samples: 10 })

    // Ninety days later none of them is recent any more.
    assert.isNull((await figuresAt(setting, now.plus({ days: 90 }))).expected)
  })

  test('OL-11đ OL-12 satisfaction results come from this year’s ratings', async ({ assert }) => {
    const setting = await intakeSetting()
    const now = at('2026-06-30T12:00:00')
    await ratings(setting, [
      ['very_satisfied', at('2026-02-01T10:00:00')],
      ['very_satisfied', at('2026-03-01T10:00:00')],
      ['satisfied', at('2026-04-01T10:00:00')],
      ['not_satisfied', at('2026-05-01T10:00:00')],
      // Last year's rating is not this year's result.
      ['not_satisfied', at('2025-12-01T10:00:00')],
    ])

    const figures = await figuresAt(setting, now)
    assert.deepEqual(figures.satisfaction, {
      ratings: 4,
      percents: { very_satisfied: 50, satisfied: 25, not_satisfied: 25 },
    })
  })

  test('OL-11đ PT-8.1 the service page shows the year’s figures in words', async ({ client, assert }) => {
    const setting = await intakeSetting()
    const procedure = await withTenant(setting.tenant, async () => {
      await Procedure.query().where('id', setting.procedureId).update({ onlineLevel: 3 })
      return Procedure.findOrFail(setting.procedureId)
    })
    const host = hostOf(setting.tenant)
    const year = DateTime.now().setZone(ZONE).year

    const before = await client.get(servicePath(procedure)).header('host', host)
    before.assertStatus(200)
    assert.include(before.text(), `Kết quả giải quyết năm ${year}`)
    assert.include(before.text(), 'Chưa tiếp nhận hồ sơ nào trong năm')
    assert.include(before.text(), 'Chưa có lượt đánh giá nào trong năm')
    assert.include(before.text(), 'Chưa đủ số liệu (cần ít nhất 10 hồ sơ giải quyết xong trong 90 ngày qua)')

    // Ten online dossiers received two hours ago and resolved an hour later, one counter dossier.
    const received = DateTime.now().minus({ hours: 2 })
    for (let i = 0; i < 10; i++) {
      await dossier(setting, { received, changes: [['da_xu_ly_xong', received.plus({ hours: 1 })]] })
    }
    await dossier(setting, { channel: 'counter', received })
    await ratings(setting, [
      ['very_satisfied', DateTime.now().minus({ minutes: 5 })],
      ['satisfied', DateTime.now().minus({ minutes: 4 })],
    ])

    const after = await client.get(servicePath(procedure)).header('host', host)
    const page = after.text()
    assert.match(page, /Hồ sơ trực tuyến đã tiếp nhận<\/strong><\/dt>\s*<dd>12 hồ sơ<\/dd>/)
    assert.match(page, /Hồ sơ trực tuyến đã giải quyết xong<\/strong><\/dt>\s*<dd>12 hồ sơ<\/dd>/)
    assert.include(page, '92% trong tổng số 13 hồ sơ đã tiếp nhận')
    assert.include(page, '2 lượt đánh giá: Rất hài lòng 50%, Hài lòng 50%, Chưa hài lòng 0%')
    assert.include(page, '9 trên 10 hồ sơ được giải quyết xong trong vòng 1 ngày (tính từ 12 hồ sơ giải quyết xong trong 90 ngày qua)')
  })
})
