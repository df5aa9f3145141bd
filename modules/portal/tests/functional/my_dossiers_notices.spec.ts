/*
 * PT-5.1b, PT-5.2a, OL-9: what happened to the applicant's dossiers since they last looked is
 * shown on the portal: counted in the header from login on, listed on My dossiers, then marked
 * seen. Only public events that others did count; internal ones and the applicant's own never do.
 */
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { hostOf } from '#tests/helpers/tenants'
import { applicantSetting, fileOnline, moveDossier, type Applicant } from '#portal/tests/my_dossiers_helpers'

function visit(client: ApiClient, applicant: Applicant, path: string) {
  return client.get(path).header('host', hostOf(applicant.setting.tenant)).loginAs(applicant.citizen)
}

/** The header's link to My dossiers, with its count of new notices. */
function headerLink(page: string) {
  return page.match(/<a href="\/ho-so-cua-toi[^"]*">Hồ sơ của tôi<span class="news-count">([^<]*)<\/span><\/a>/)?.[1] ?? null
}

test.group('PT-5.2a notifications on the portal', () => {
  test('PT-5.2a OL-9 accepted dossier: counted at login, listed on My dossiers, then seen', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const { tenant } = applicant.setting
    const dossier = await fileOnline(applicant)

    // The applicant's own submission is not news to them.
    assert.equal(headerLink((await visit(client, applicant, '/tai-khoan')).text()), '')

    await moveDossier(tenant, dossier.id, { status: 'duoc_tiep_nhan', comment: 'Hồ sơ đầy đủ, hẹn trả đúng hạn' })
    await moveDossier(tenant, dossier.id, { status: 'dang_xu_ly', action: 'assign', public: false })

    // Where login lands: the header counts the one public event.
    const landing = await visit(client, applicant, '/tai-khoan')
    assert.equal(headerLink(landing.text()), ' (1 thông báo mới)')

    const list = (await visit(client, applicant, '/ho-so-cua-toi')).text()
    assert.include(list, '1 thông báo mới về hồ sơ của bạn')
    assert.include(list, `Hồ sơ ${dossier.code} đã được tiếp nhận.`)
    assert.include(list, 'Hồ sơ đầy đủ, hẹn trả đúng hạn')
    assert.notInclude(list, 'đang được xử lý')
    assert.equal(headerLink(list), '', 'seen once listed')

    const again = (await visit(client, applicant, '/ho-so-cua-toi')).text()
    assert.notInclude(again, 'thông báo mới về hồ sơ của bạn')
    assert.equal(headerLink((await visit(client, applicant, '/tai-khoan')).text()), '')

    // A later event is new again, and only that one.
    await moveDossier(tenant, dossier.id, { status: 'yeu_cau_bo_sung_giay_to', detail: 'Thiếu ảnh 4x6' })
    const later = (await visit(client, applicant, '/ho-so-cua-toi')).text()
    assert.include(later, `Hồ sơ ${dossier.code} cần bổ sung giấy tờ.`)
    assert.notInclude(later, 'đã được tiếp nhận.')
  })

  test('PT-5.2a another applicant’s dossier events are not counted', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const other = await applicantSetting()
    const theirs = await fileOnline(other)
    await moveDossier(other.setting.tenant, theirs.id, { status: 'duoc_tiep_nhan' })
    const page = (await visit(client, applicant, '/ho-so-cua-toi')).text()
    assert.notInclude(page, theirs.code)
    assert.equal(headerLink(page), '')
  })
})
