/*
 * OS-5.8 at the counter: an online dossier not accepted yet is withdrawn at the applicant's
 * request (how they asked is written down) and restored the same way; the applicant is told; a
 * dossier already accepted, a stale page or another tenant change nothing.
 */
import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import { testMailbox } from '#tests/helpers/mailbox'
import { assertNotFoundAcrossTenants, createIntruder } from '#tests/helpers/cross_tenant'
import DossierEvent from '#intake/models/dossier_event'
import type Dossier from '#intake/models/dossier'
import { clockAt } from '#intake/tests/helpers'
import { counterSetting, portalDossier, reload, type CounterSetting } from '#intake/tests/counter_fixtures'

function send(client: any, setting: CounterSetting, dossier: Dossier, action: 'rut-ho-so' | 'khoi-phuc', fields: Record<string, unknown> = {}, lockVersion = dossier.lockVersion) {
  return client
    .post(`/mot-cua/tiep-nhan/ho-so/${dossier.id}/${action}`)
    .header('host', setting.host)
    .loginAs(setting.receptionist)
    .withCsrfToken()
    .redirects(0)
    .form({ lock_version: String(lockVersion), ...fields })
}

test.group('Withdrawal at the counter', () => {
  test('OS-5.8 the counter withdraws an online dossier at the applicant\u2019s request and restores it; the trail names the officer and the applicant is told', async ({
    client,
    assert,
  }) => {
    const mailbox = await testMailbox()
    const setting = await counterSetting()
    const dossier = await portalDossier(setting, clockAt('2026-04-14T08:00:00'))
    const page = await client.get(`/mot-cua/tiep-nhan/ho-so/${dossier.id}`).header('host', setting.host).loginAs(setting.receptionist)
    assert.include(page.text(), 'Rút hồ sơ theo đề nghị của người nộp')

    const empty = await send(client, setting, dossier, 'rut-ho-so', { request: ' ' })
    empty.assertStatus(422)
    assert.include(empty.text(), 'id="withdraw-request-error"')
    assert.equal((await reload(setting, dossier.id)).statusCode, 'moi_dang_ky')

    const withdrawn = await send(client, setting, dossier, 'rut-ho-so', { request: 'Gọi điện số 0912000111 lúc 9 giờ: nộp nhầm thủ tục' })
    withdrawn.assertStatus(303)
    let fresh = await reload(setting, dossier.id)
    assert.equal(fresh.statusCode, 'da_rut_ho_so')
    const event = await withTenant(setting.tenant, () => DossierEvent.query().where('dossier_id', dossier.id).where('action', 'withdraw').firstOrFail())
    assert.equal(event.actorId, setting.receptionist.id)
    assert.include(event.comment!, 'Theo đề nghị của người nộp')
    assert.include(event.comment!, 'nộp nhầm thủ tục')
    const told = await mailbox.waitFor(dossier.applicantEmail!)
    assert.include(told.subject, `Hồ sơ ${dossier.code} đã được rút`)

    // The page now says "Đã rút hồ sơ" and offers the restoration.
    const after = await client.get(`/mot-cua/tiep-nhan/ho-so/${dossier.id}`).header('host', setting.host).loginAs(setting.receptionist)
    assert.include(after.text(), '<span class="status">Đã rút hồ sơ</span>')
    assert.include(after.text(), 'Khôi phục hồ sơ đã rút')

    // A page drawn before the withdrawal is stale: nothing changes.
    const stale = await send(client, setting, dossier, 'khoi-phuc', {}, dossier.lockVersion)
    stale.assertStatus(409)
    assert.equal((await reload(setting, dossier.id)).statusCode, 'da_rut_ho_so')

    const restored = await send(client, setting, fresh, 'khoi-phuc')
    restored.assertStatus(303)
    fresh = await reload(setting, dossier.id)
    assert.equal(fresh.statusCode, 'moi_dang_ky')
    assert.isNull(fresh.withdrawnAt)
  })

  test('OS-5.8 a dossier already accepted is not withdrawn; another tenant\u2019s officers get 404', async ({ client, assert }) => {
    const setting = await counterSetting()
    const accepted = await portalDossier(setting, clockAt('2026-04-14T08:00:00'), { statusCode: 'duoc_tiep_nhan', channel: 'counter' })
    const refused = await send(client, setting, accepted, 'rut-ho-so', { request: 'Đề nghị tại quầy' })
    refused.assertStatus(409)
    assert.include(refused.text(), 'Được tiếp nhận')
    assert.equal((await reload(setting, accepted.id)).statusCode, 'duoc_tiep_nhan')

    const waiting = await portalDossier(setting, clockAt('2026-04-14T09:00:00'))
    const intruder = await createIntruder()
    await withTenant(intruder.tenant, async () => {
      intruder.user.roles = ['receptionist']
      await intruder.user.save()
    })
    for (const route of [
      { method: 'post' as const, path: (id: number) => `/mot-cua/tiep-nhan/ho-so/${id}/rut-ho-so`, form: { lock_version: '1', request: 'Đề nghị tại quầy' } },
      { method: 'post' as const, path: (id: number) => `/mot-cua/tiep-nhan/ho-so/${id}/khoi-phuc`, form: { lock_version: '1' } },
    ]) {
      await assertNotFoundAcrossTenants(client, { ...route, owner: setting.tenant, id: waiting.id, intruder })
    }
    assert.equal((await reload(setting, waiting.id)).statusCode, 'moi_dang_ky')
  })
})
