import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import { withTenant } from '#tenancy/tenant_context'
import { createOfficer } from '#tests/helpers/tenants'
import DossierEvent from '#intake/models/dossier_event'
import { appendEvent, verifyAllTrails, verifyTrail } from '#intake/services/trail'
import VerifyTrail from '#intake/commands/verify_trail'
import { clockAt, intake, intakeSetting, type IntakeSetting } from '#intake/tests/helpers'

const clock = clockAt('2026-04-15T09:00:00')

/** A dossier with three events: receive (from intake), assign, process. */
async function dossierWithTrail(setting: IntakeSetting) {
  const dossier = await intake(setting, clock)
  await withTenant(setting.tenant, async () => {
    await appendEvent(dossier, { action: 'assign', actorName: 'Trưởng phòng', stepKey: 'phan_cong', fromStatus: 'duoc_tiep_nhan', toStatus: 'dang_xu_ly' }, { clock: clockAt('2026-04-15T10:00:00') })
    await appendEvent(dossier, { action: 'process', actorName: 'Chuyên viên', stepKey: 'xu_ly', comment: 'Đủ điều kiện', attachments: [{ name: 'tờ trình.pdf', sha256: 'a'.repeat(64) }] }, { clock: clockAt('2026-04-15T11:00:00') })
  })
  return dossier
}

function eventsOf(setting: IntakeSetting, dossierId: number) {
  return withTenant(setting.tenant, () => DossierEvent.query().where('dossierId', dossierId).orderBy('sequence'))
}

/**
 * Changes recorded events the way only someone with more rights than the app could: the table's
 * owner switches the append-only trigger off inside one transaction (a superuser would not even
 * need to).
 */
function tamper(setting: IntakeSetting, sql: string, bindings: unknown[]) {
  return withTenant(setting.tenant, async ({ client }) => {
    await client.rawQuery('alter table dossier_events disable trigger dossier_events_append_only')
    await client.rawQuery(sql, bindings as any[])
    await client.rawQuery('alter table dossier_events enable trigger dossier_events_append_only')
  })
}

test.group('OS-18.1 trail', () => {
  test('OS-18.1 intake records the first event; each action chains onto the one before', async ({ assert }) => {
    const setting = await intakeSetting()
    const officer = await createOfficer(setting.tenant, ['receptionist'])
    const dossier = await intake(setting, clock, { event: { action: 'receive', actor: officer, public: true } })
    const events = await eventsOf(setting, dossier.id)
    assert.lengthOf(events, 1)
    const [first] = events
    assert.include(
      { sequence: first.sequence, action: first.action, actorId: first.actorId, actorName: first.actorName, toStatus: first.toStatus, public: first.public },
      { sequence: 1, action: 'receive', actorId: officer.id, actorName: 'Cán Bộ Thử', toStatus: 'duoc_tiep_nhan', public: true }
    )
    assert.isNull(first.fromStatus)
    assert.isNull(first.previousHash)
    assert.equal(first.occurredAt.toMillis(), clock().toMillis())

    await withTenant(setting.tenant, () => appendEvent(dossier, { action: 'assign', comment: 'Giao xử lý' }, { clock }))
    const [, second] = await eventsOf(setting, dossier.id)
    assert.equal(second.sequence, 2)
    assert.equal(second.previousHash, first.hash)
    assert.equal(dossier.trailLength, 2)
    assert.equal(dossier.trailHeadHash, second.hash)
    assert.isFalse(dossier.$isDirty)

    const check = await withTenant(setting.tenant, () => verifyTrail(dossier.id))
    assert.deepEqual(check, { dossierId: dossier.id, dossierCode: dossier.code, events: 2, broken: null })
  })

  test('OS-18.1 concurrent actions on one dossier get consecutive sequences and one unbroken chain', async ({ assert }) => {
    const setting = await intakeSetting()
    const dossier = await intake(setting, clock)
    await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        withTenant(setting.tenant, () => appendEvent(dossier.id, { action: 'comment', comment: `Ý kiến ${index}` }, { clock }))
      )
    )
    const events = await eventsOf(setting, dossier.id)
    assert.deepEqual(
      events.map((event) => event.sequence),
      Array.from({ length: 31 }, (_, index) => index + 1)
    )
    const check = await withTenant(setting.tenant, () => verifyTrail(dossier.id))
    assert.isNull(check.broken)
    assert.equal(check.events, 31)
  })

  test('OS-18.1 the database refuses to update, delete or truncate recorded events', async ({ assert }) => {
    const setting = await intakeSetting()
    const dossier = await dossierWithTrail(setting)
    const [event] = await eventsOf(setting, dossier.id)
    await assert.rejects(
      () => withTenant(setting.tenant, ({ client }) => client.from('dossier_events').where('id', event.id).update({ comment: 'sửa' })),
      /append-only: UPDATE/
    )
    await assert.rejects(
      () => withTenant(setting.tenant, ({ client }) => client.from('dossier_events').where('id', event.id).delete()),
      /append-only: DELETE/
    )
    await assert.rejects(
      () => withTenant(setting.tenant, ({ client }) => client.rawQuery('truncate dossier_events')),
      /append-only: TRUNCATE/
    )
    assert.lengthOf(await eventsOf(setting, dossier.id), 3)
    assert.isNull((await withTenant(setting.tenant, () => verifyTrail(dossier.id))).broken)
  })

  test('OS-18.1 an edited event is detected and named by the chain check', async ({ assert }) => {
    const setting = await intakeSetting()
    const dossier = await dossierWithTrail(setting)
    const [, second] = await eventsOf(setting, dossier.id)
    await tamper(setting, `update dossier_events set to_status = 'da_xu_ly_xong' where id = ?`, [second.id])

    const { broken } = await withTenant(setting.tenant, () => verifyTrail(dossier.id))
    assert.isNotNull(broken)
    assert.include(broken!, { dossierId: dossier.id, dossierCode: dossier.code, eventId: second.id, sequence: 2, reason: 'hash' })
    assert.include(broken!.message, `event ${second.id}`)
    assert.include(broken!.message, dossier.code)
  })

  test('OS-18.1 an edited event whose hash was recomputed breaks the link of the next one', async ({ assert }) => {
    const setting = await intakeSetting()
    const dossier = await dossierWithTrail(setting)
    const [, second, third] = await eventsOf(setting, dossier.id)
    await tamper(setting, `update dossier_events set comment = 'sửa', hash = repeat('0', 64) where id = ?`, [second.id])
    // Even recomputed correctly, the next event still points at the old hash: the link breaks there.
    const { broken } = await withTenant(setting.tenant, () => verifyTrail(dossier.id))
    assert.include(broken!, { eventId: second.id, reason: 'hash' })

    const recomputed = await withTenant(setting.tenant, async () => {
      const { hashEvent } = await import('#intake/services/trail')
      const row = await DossierEvent.findOrFail(second.id)
      return hashEvent({
        tenantId: setting.tenant.id,
        dossierId: dossier.id,
        sequence: 2,
        occurredAt: row.occurredAt.toUTC().toISO()!,
        actorId: row.actorId,
        actorName: row.actorName,
        stepKey: row.stepKey,
        action: row.action,
        fromStatus: row.fromStatus,
        toStatus: row.toStatus,
        comment: row.comment,
        attachments: row.attachments,
        public: row.public,
        previousHash: row.previousHash,
      })
    })
    await tamper(setting, 'update dossier_events set hash = ? where id = ?', [recomputed, second.id])
    const again = await withTenant(setting.tenant, () => verifyTrail(dossier.id))
    assert.include(again.broken!, { eventId: third.id, sequence: 3, reason: 'previous_hash' })
  })

  test('OS-18.1 a removed event is detected, in the middle or at the end of the trail', async ({ assert }) => {
    const setting = await intakeSetting()
    const middle = await dossierWithTrail(setting)
    const [, second, third] = await eventsOf(setting, middle.id)
    await tamper(setting, 'delete from dossier_events where id = ?', [second.id])
    const gap = await withTenant(setting.tenant, () => verifyTrail(middle.id))
    assert.include(gap.broken!, { eventId: third.id, reason: 'sequence' })

    const end = await dossierWithTrail(setting)
    const last = (await eventsOf(setting, end.id)).at(-1)!
    await tamper(setting, 'delete from dossier_events where id = ?', [last.id])
    const tail = await withTenant(setting.tenant, () => verifyTrail(end.id))
    assert.include(tail.broken!, { dossierId: end.id, reason: 'head', sequence: 3 })
  })

  test('OS-18.1 verifyAllTrails checks every dossier of the tenant and lists the broken ones', async ({ assert }) => {
    const setting = await intakeSetting()
    const sound = await dossierWithTrail(setting)
    const edited = await dossierWithTrail(setting)
    const [first] = await eventsOf(setting, edited.id)
    await tamper(setting, `update dossier_events set actor_name = 'Người khác' where id = ?`, [first.id])

    const summary = await withTenant(setting.tenant, () => verifyAllTrails({ batchSize: 1 }))
    assert.equal(summary.dossiers, 2)
    assert.equal(summary.events, 6)
    assert.lengthOf(summary.broken, 1)
    assert.include(summary.broken[0], { dossierId: edited.id, eventId: first.id, reason: 'hash' })
    assert.notEqual(summary.broken[0].dossierId, sound.id)
  })

  test('OS-18.1 node ace trail:verify --tenant names the broken event and fails', async ({ assert }) => {
    const setting = await intakeSetting()
    const dossier = await dossierWithTrail(setting)
    ace.ui.switchMode('raw')
    try {
      const clean = await ace.create(VerifyTrail, [`--tenant=${setting.tenant.code}`])
      await clean.exec()
      assert.equal(clean.exitCode, 0)
      assert.match(clean.logger.getLogs().map((log) => log.message).join('\n'), /1 dossier\(s\), 3 event\(s\), 0 broken/)

      const [, , third] = await eventsOf(setting, dossier.id)
      await tamper(setting, `update dossier_events set public = true where id = ?`, [third.id])
      const broken = await ace.create(VerifyTrail, [`--tenant=${setting.tenant.code}`])
      await broken.exec()
      assert.equal(broken.exitCode, 1)
      const output = broken.logger.getLogs().map((log) => log.message).join('\n')
      assert.include(output, `event ${third.id}`)
      assert.include(output, dossier.code)

      const one = await ace.create(VerifyTrail, [`--tenant=${setting.tenant.code}`, `--dossier=${dossier.code}`])
      await one.exec()
      assert.equal(one.exitCode, 1)
    } finally {
      ace.ui.switchMode('normal')
    }
  })

  test('OS-18.1 deleting a whole tenant still takes its dossiers and their trails with it', async ({ assert }) => {
    const setting = await intakeSetting()
    const dossier = await dossierWithTrail(setting)
    await setting.tenant.delete()
    const left = await withTenant(setting.tenant, ({ client }) =>
      client.from('dossier_events').where('dossier_id', dossier.id).count('* as count')
    )
    assert.equal(Number(left[0].count), 0)
  })
})
