/*
 * OL-12, PT-9.1: the applicant rates a dossier once its result is out: overall on three levels,
 * then optional details and the Circular 01/2018/TT-VPCP electronic form. One rating per
 * dossier, changeable for 30 days; only the applicant; nothing before the result; 404 across
 * tenants.
 */
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { DateTime } from 'luxon'
import { withTenant } from '#tenancy/tenant_context'
import { createCitizen, createOfficer, hostOf } from '#tests/helpers/tenants'
import { assertFieldError, formError } from '#tests/helpers/forms'
import { assertNotFoundAcrossTenants } from '#tests/helpers/cross_tenant'
import { clockAt, intake, intakeSetting, type IntakeSetting } from '#intake/tests/helpers'
import { appendEvent, Dossier } from '#intake/index'
import type { User } from '#users/index'
import DossierEvent from '#intake/models/dossier_event'
import SatisfactionRating from '#portal/ratings/satisfaction_rating'

const pathOf = (dossier: Dossier) => `/ho-so-cua-toi/${dossier.id}/danh-gia`

/** An online dossier of `applicant`, received on 15/04/2026 and being processed. */
async function applicantsDossier(setting: IntakeSetting, applicant: User) {
  return intake(setting, clockAt('2026-04-15T09:30:00'), {
    channel: 'online',
    applicantId: applicant.id,
    applicant: { fullName: applicant.fullName, nationalId: applicant.nationalId, email: applicant.email },
    statusCode: 'dang_xu_ly',
    event: { action: 'submit', actorName: applicant.fullName, public: true },
  })
}

/** The status change the processing module records when the result is handed over. */
function returnResult(setting: IntakeSetting, dossier: Dossier, toStatus = 'da_tra_ket_qua') {
  return withTenant(setting.tenant, async () => {
    await appendEvent(dossier.id, {
      action: 'return_result',
      actorName: 'Cán bộ Một cửa',
      fromStatus: dossier.statusCode,
      toStatus,
      public: true,
      occurredAt: DateTime.fromISO('2026-04-20T10:00:00', { zone: 'Asia/Ho_Chi_Minh' }),
    })
    await Dossier.query().where('id', dossier.id).update({ statusCode: toStatus })
  })
}

function rate(client: ApiClient, setting: IntakeSetting, user: User, dossier: Dossier, form: Record<string, string>) {
  return client
    .post(pathOf(dossier))
    .header('host', hostOf(setting.tenant))
    .header('referer', `http://${hostOf(setting.tenant)}${pathOf(dossier)}`)
    .loginAs(user)
    .form(form)
    .withCsrfToken()
    .redirects(0)
}

function ratingsOf(setting: IntakeSetting, dossier: Dossier) {
  return withTenant(setting.tenant, () => SatisfactionRating.query().where('dossierId', dossier.id))
}

function ratingEventsOf(setting: IntakeSetting, dossier: Dossier) {
  return withTenant(setting.tenant, () =>
    DossierEvent.query().where('dossierId', dossier.id).whereIn('action', ['rate', 'change_rating']).orderBy('sequence')
  )
}

test.group('OL-12 PT-9.1 satisfaction rating of a dossier', () => {
  test('OL-12 PT-9.1 the applicant rates the returned dossier overall, then changes it with details and the Circular 01/2018 form', async ({
    client,
    assert,
  }) => {
    const setting = await intakeSetting()
    const citizen = await createCitizen(setting.tenant)
    const dossier = await applicantsDossier(setting, citizen)
    await returnResult(setting, dossier)

    const page = await client.get(pathOf(dossier)).header('host', hostOf(setting.tenant)).loginAs(citizen)
    page.assertStatus(200)
    for (const text of ['Đánh giá mức độ hài lòng', dossier.code, 'Đăng ký khai sinh', 'Rất hài lòng', 'Hài lòng', 'Chưa hài lòng']) {
      assert.include(page.text(), text)
    }
    assert.include(page.text(), 'Thông tư 01/2018/TT-VPCP')
    assert.include(page.text(), `action="${pathOf(dossier)}"`)

    const first = await rate(client, setting, citizen, dossier, { overall: 'satisfied' })
    first.assertStatus(302)
    first.assertHeader('location', pathOf(dossier))
    assert.equal(first.flashMessages()?.notice, 'Cảm ơn bạn đã đánh giá. Ý kiến của bạn giúp cơ quan phục vụ tốt hơn.')
    let [rating] = await ratingsOf(setting, dossier)
    assert.equal(rating.overall, 'satisfied')
    assert.isNull(rating.convenience)
    assert.isNull(rating.evaluationTotalTime)
    assert.equal(rating.procedureId, setting.procedureId)
    assert.equal(rating.applicantId, citizen.id)

    const changed = await rate(client, setting, citizen, dossier, {
      overall: 'very_satisfied',
      convenience: 'very_satisfied',
      timeliness: 'satisfied',
      staff_attitude: '',
      evaluation_total_time: '2',
      evaluation_contacts: '1',
      evaluation_agencies: '',
      evaluation_conduct: '0',
      comment: '  Cán bộ hướng dẫn rõ ràng.  ',
    })
    changed.assertStatus(302)
    const ratings = await ratingsOf(setting, dossier)
    assert.lengthOf(ratings, 1, 'one rating per dossier')
    ;[rating] = ratings
    assert.equal(rating.overall, 'very_satisfied')
    assert.equal(rating.convenience, 'very_satisfied')
    assert.equal(rating.timeliness, 'satisfied')
    assert.isNull(rating.staffAttitude)
    assert.equal(rating.evaluationTotalTime, 2)
    assert.equal(rating.evaluationContacts, 1)
    assert.isNull(rating.evaluationAgencies)
    assert.equal(rating.evaluationConduct, 0)
    assert.equal(rating.comment, 'Cán bộ hướng dẫn rõ ràng.')

    const events = await ratingEventsOf(setting, dossier)
    assert.deepEqual(
      events.map((event) => [event.action, event.comment, event.public, event.actorId]),
      [
        ['rate', 'Người nộp hồ sơ đánh giá: Hài lòng', true, citizen.id],
        ['change_rating', 'Người nộp hồ sơ đánh giá: Rất hài lòng', true, citizen.id],
      ]
    )

    const again = await client.get(pathOf(dossier)).header('host', hostOf(setting.tenant)).loginAs(citizen)
    const until = rating.firstRatedAt.plus({ days: 30 }).setZone('Asia/Ho_Chi_Minh').toFormat('dd/MM/yyyy')
    assert.include(again.text(), `Bạn có thể sửa đánh giá đến hết ngày ${until}`)
    assert.match(again.text(), /value="very_satisfied"[^>]*checked/)
    assert.include(again.text(), 'Cán bộ hướng dẫn rõ ràng.')
  })

  test('OL-12 "Đã xử lý xong" is enough to rate', async ({ client, assert }) => {
    const setting = await intakeSetting()
    const citizen = await createCitizen(setting.tenant)
    const dossier = await applicantsDossier(setting, citizen)
    await returnResult(setting, dossier, 'da_xu_ly_xong')

    const response = await rate(client, setting, citizen, dossier, { overall: 'not_satisfied' })
    response.assertStatus(302)
    const [rating] = await ratingsOf(setting, dossier)
    assert.equal(rating.overall, 'not_satisfied')
  })

  test('OL-12 the overall level is required and must be one of the three; refused forms change nothing', async ({
    client,
    assert,
  }) => {
    const setting = await intakeSetting()
    const citizen = await createCitizen(setting.tenant)
    const dossier = await applicantsDossier(setting, citizen)
    await returnResult(setting, dossier)

    const missing = await rate(client, setting, citizen, dossier, { convenience: 'satisfied' })
    missing.assertStatus(302)
    assertFieldError(assert, missing, 'overall', 'Vui lòng chọn mức hài lòng chung.')

    const unknown = await rate(client, setting, citizen, dossier, { overall: 'excellent' })
    assertFieldError(assert, unknown, 'overall', 'Vui lòng chọn một trong ba mức: Rất hài lòng, Hài lòng, Chưa hài lòng.')

    const tooLong = await rate(client, setting, citizen, dossier, { overall: 'satisfied', comment: 'x'.repeat(1001) })
    assertFieldError(assert, tooLong, 'comment', 'Ý kiến khác không quá 1000 ký tự.')

    const badPoints = await rate(client, setting, citizen, dossier, { overall: 'satisfied', evaluation_conduct: '3' })
    assertFieldError(assert, badPoints, 'evaluation_conduct')

    assert.lengthOf(await ratingsOf(setting, dossier), 0)
    assert.lengthOf(await ratingEventsOf(setting, dossier), 0)
  })

  test('OL-12 before the result there is no form, and a rating sent anyway is refused', async ({ client, assert }) => {
    const setting = await intakeSetting()
    const citizen = await createCitizen(setting.tenant)
    const dossier = await applicantsDossier(setting, citizen)

    const page = await client.get(pathOf(dossier)).header('host', hostOf(setting.tenant)).loginAs(citizen)
    page.assertStatus(200)
    assert.include(page.text(), 'Hồ sơ này chưa có kết quả')
    assert.notInclude(page.text(), `action="${pathOf(dossier)}"`)

    const sent = await rate(client, setting, citizen, dossier, { overall: 'very_satisfied' })
    sent.assertStatus(302)
    sent.assertHeader('location', pathOf(dossier))
    assert.equal(formError(sent, 'rating'), 'Hồ sơ này chưa có kết quả nên chưa đánh giá được.')
    assert.lengthOf(await ratingsOf(setting, dossier), 0)
  })

  test('OL-12 after 30 days the rating is shown but can no longer be changed', async ({ client, assert }) => {
    const setting = await intakeSetting()
    const citizen = await createCitizen(setting.tenant)
    const dossier = await applicantsDossier(setting, citizen)
    await returnResult(setting, dossier)
    await rate(client, setting, citizen, dossier, { overall: 'satisfied', timeliness: 'not_satisfied' })
    await withTenant(setting.tenant, () =>
      SatisfactionRating.query().where('dossierId', dossier.id).update({ firstRatedAt: DateTime.now().minus({ days: 31 }).toSQL() })
    )

    const page = await client.get(pathOf(dossier)).header('host', hostOf(setting.tenant)).loginAs(citizen)
    assert.include(page.text(), 'không thể sửa sau ngày')
    assert.notInclude(page.text(), `action="${pathOf(dossier)}"`)
    assert.include(page.text(), 'Chưa hài lòng')

    const late = await rate(client, setting, citizen, dossier, { overall: 'very_satisfied' })
    late.assertStatus(302)
    assert.equal(formError(late, 'rating'), 'Đã quá thời hạn sửa đánh giá của hồ sơ này.')
    const [rating] = await ratingsOf(setting, dossier)
    assert.equal(rating.overall, 'satisfied')
  })

  test('OL-12 only the applicant: another citizen and an officer of the tenant get 404, a visitor is sent to log in', async ({
    client,
    assert,
  }) => {
    const setting = await intakeSetting()
    const citizen = await createCitizen(setting.tenant)
    const neighbour = await createCitizen(setting.tenant)
    const officer = await createOfficer(setting.tenant, ['receptionist', 'handler', 'admin'])
    const dossier = await applicantsDossier(setting, citizen)
    await returnResult(setting, dossier)

    for (const other of [neighbour, officer]) {
      const page = await client.get(pathOf(dossier)).header('host', hostOf(setting.tenant)).loginAs(other)
      page.assertStatus(404)
      assert.notInclude(page.text(), dossier.code)
      const post = await rate(client, setting, other, dossier, { overall: 'not_satisfied' })
      post.assertStatus(404)
    }

    const visitor = await client.get(pathOf(dossier)).header('host', hostOf(setting.tenant)).redirects(0)
    visitor.assertStatus(302)
    visitor.assertHeader('location', `/dang-nhap?return_to=${encodeURIComponent(pathOf(dossier))}`)

    const missing = await client.get('/ho-so-cua-toi/999999999/danh-gia').header('host', hostOf(setting.tenant)).loginAs(citizen)
    missing.assertStatus(404)
    assert.lengthOf(await ratingsOf(setting, dossier), 0)
  })

  test('OL-12 NF cross-tenant: the rating page and form of another tenant’s dossier are not found', async ({ client, assert }) => {
    const setting = await intakeSetting()
    const citizen = await createCitizen(setting.tenant)
    const dossier = await applicantsDossier(setting, citizen)
    await returnResult(setting, dossier)

    await assertNotFoundAcrossTenants(client, { method: 'get', path: (id) => `/ho-so-cua-toi/${id}/danh-gia`, owner: setting.tenant, id: dossier.id })
    await assertNotFoundAcrossTenants(client, {
      method: 'post',
      path: (id) => `/ho-so-cua-toi/${id}/danh-gia`,
      owner: setting.tenant,
      id: dossier.id,
      form: { overall: 'not_satisfied' },
    })
    assert.lengthOf(await ratingsOf(setting, dossier), 0)
  })
})
