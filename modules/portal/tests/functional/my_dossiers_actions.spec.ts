/*
 * What the applicant does to a dossier from My dossiers: withdraw and restore before acceptance
 * (OS-5.8), answer a supplement request with files (OS-6.4, ST-8), download the electronic
 * result once returned (PT-16, PT-17). Each action checks ownership (404 for anyone else) and the
 * version the page was shown with (optimistic locking): a refused action changes nothing.
 */
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { withTenant } from '#tenancy/tenant_context'
import { createCitizen, createOfficer, hostOf } from '#tests/helpers/tenants'
import { assertNotFoundAcrossTenants } from '#tests/helpers/cross_tenant'
import { assertFieldError } from '#tests/helpers/forms'
import { fakeExecutable, minimalPdf, minimalPng } from '#intake/tests/fixtures/files'
import { filesOfDossier, publicTrailOf, verifyTrail } from '#intake/index'
import type { User } from '#users/index'
import {
  applicantSetting,
  askForPapers,
  fileOnline,
  moveDossier,
  reload,
  returnWithResult,
  type Applicant,
} from '#portal/tests/my_dossiers_helpers'

function post(client: ApiClient, applicant: Applicant, path: string, form: Record<string, unknown>, as: User = applicant.citizen) {
  return client
    .post(path)
    .header('host', hostOf(applicant.setting.tenant))
    .loginAs(as)
    .withCsrfToken()
    .form(form)
    .redirects(0)
}

function flashed(response: { flashMessages(): any }, key: 'notice' | 'warning') {
  return String(response.flashMessages()?.[key] ?? '')
}

test.group('OS-5.8 withdraw and restore before acceptance', () => {
  test('OS-5.8 a new dossier is withdrawn: it keeps its code, shows the withdrawal and records it in the trail', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const dossier = await fileOnline(applicant)

    const response = await post(client, applicant, `/ho-so-cua-toi/${dossier.id}/rut-ho-so`, {
      lock_version: dossier.lockVersion,
      reason: 'Nộp nhầm thủ tục',
    })
    response.assertStatus(302)
    response.assertHeader('location', `/ho-so-cua-toi/${dossier.id}`)
    assert.include(flashed(response, 'notice'), `Đã rút hồ sơ ${dossier.code}`)

    const after = await reload(applicant.setting.tenant, dossier.id)
    assert.equal(after.code, dossier.code)
    assert.equal(after.statusCode, 'da_rut_ho_so')
    assert.isNotNull(after.withdrawnAt)
    assert.include(after.statusDetail, 'Lý do: Nộp nhầm thủ tục')
    assert.equal(after.lockVersion, dossier.lockVersion + 1)
    const trail = await withTenant(applicant.setting.tenant, () => publicTrailOf(dossier.id))
    assert.deepEqual(
      trail.map((event) => [event.action, event.toStatus]),
      [
        ['submit', 'moi_dang_ky'],
        ['withdraw', 'da_rut_ho_so'],
      ]
    )
    assert.isNull((await withTenant(applicant.setting.tenant, () => verifyTrail(dossier.id))).broken)

    const page = await client.get(`/ho-so-cua-toi/${dossier.id}`).header('host', hostOf(applicant.setting.tenant)).loginAs(applicant.citizen)
    assert.include(page.text(), 'Đã rút hồ sơ')
    assert.include(page.text(), 'Khôi phục hồ sơ')
    assert.notInclude(page.text(), 'name="reason"')
  })

  test('OS-5.8 a withdrawn dossier is restored to "Mới đăng ký"', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const dossier = await fileOnline(applicant)
    await post(client, applicant, `/ho-so-cua-toi/${dossier.id}/rut-ho-so`, { lock_version: 1 })

    const response = await post(client, applicant, `/ho-so-cua-toi/${dossier.id}/khoi-phuc`, { lock_version: 2 })
    response.assertStatus(302)
    assert.include(flashed(response, 'notice'), 'Đã khôi phục hồ sơ')
    const after = await reload(applicant.setting.tenant, dossier.id)
    assert.equal(after.statusCode, 'moi_dang_ky')
    assert.isNull(after.withdrawnAt)
    assert.equal(after.statusDetail, '')
    assert.equal(after.lockVersion, 3)
  })

  test('OS-5.8 an accepted dossier cannot be withdrawn: a Vietnamese message, nothing changes', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const dossier = await fileOnline(applicant)
    const accepted = await moveDossier(applicant.setting.tenant, dossier.id, { status: 'duoc_tiep_nhan' })

    const response = await post(client, applicant, `/ho-so-cua-toi/${dossier.id}/rut-ho-so`, { lock_version: accepted.lockVersion })
    response.assertStatus(302)
    assert.include(flashed(response, 'warning'), 'không thể rút')
    const after = await reload(applicant.setting.tenant, dossier.id)
    assert.equal(after.statusCode, 'duoc_tiep_nhan')
    assert.equal(after.lockVersion, accepted.lockVersion)
    assert.equal(after.trailLength, accepted.trailLength)

    const page = await client.get(`/ho-so-cua-toi/${dossier.id}`).header('host', hostOf(applicant.setting.tenant)).loginAs(applicant.citizen)
    assert.notInclude(page.text(), `/ho-so-cua-toi/${dossier.id}/rut-ho-so`)
  })

  test('OS-5.8 a stale page is refused: accepted meanwhile, the withdrawal changes nothing', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const dossier = await fileOnline(applicant)
    // The applicant opened the page at version 1; the counter accepted the dossier since.
    const accepted = await moveDossier(applicant.setting.tenant, dossier.id, { status: 'duoc_tiep_nhan' })

    const response = await post(client, applicant, `/ho-so-cua-toi/${dossier.id}/rut-ho-so`, { lock_version: dossier.lockVersion })
    response.assertStatus(302)
    response.assertHeader('location', `/ho-so-cua-toi/${dossier.id}`)
    assert.include(flashed(response, 'warning'), 'Hồ sơ vừa được cập nhật trong lúc bạn thao tác')
    const after = await reload(applicant.setting.tenant, dossier.id)
    assert.equal(after.statusCode, 'duoc_tiep_nhan')
    assert.equal(after.lockVersion, accepted.lockVersion)
    assert.equal(after.trailLength, accepted.trailLength)
  })

  test('OS-5.8 another applicant gets 404 and the dossier is unchanged', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const dossier = await fileOnline(applicant)
    const neighbour = await createCitizen(applicant.setting.tenant)
    const response = await post(client, applicant, `/ho-so-cua-toi/${dossier.id}/rut-ho-so`, { lock_version: 1 }, neighbour)
    response.assertStatus(404)
    assert.equal((await reload(applicant.setting.tenant, dossier.id)).statusCode, 'moi_dang_ky')
  })

  test('OS-5.8 another tenant gets 404 on withdraw and restore', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const dossier = await fileOnline(applicant)
    for (const action of ['rut-ho-so', 'khoi-phuc']) {
      await assertNotFoundAcrossTenants(client, {
        method: 'post',
        path: (id) => `/ho-so-cua-toi/${id}/${action}`,
        form: { lock_version: 1 },
        owner: applicant.setting.tenant,
        id: dossier.id,
      })
    }
    assert.equal((await reload(applicant.setting.tenant, dossier.id)).statusCode, 'moi_dang_ky')
  })
})

test.group('OS-6.4 ST-8 supplement from the portal', () => {
  test('OS-6.4 ST-8 the papers asked for are uploaded: status "Đã bổ sung hồ sơ", trail event, files for the officers', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const { tenant } = applicant.setting
    const dossier = await fileOnline(applicant)
    const asked = await askForPapers(tenant, dossier.id, 'Thiếu giấy tờ chứng minh', ['Giấy chứng sinh', 'Giấy đăng ký kết hôn'])

    const page = await client.get(`/ho-so-cua-toi/${dossier.id}`).header('host', hostOf(tenant)).loginAs(applicant.citizen)
    assert.include(page.text(), 'Thiếu giấy tờ chứng minh')
    assert.include(page.text(), '<label for="field-paper_0">Giấy chứng sinh</label>')
    assert.include(page.text(), '<label for="field-paper_1">Giấy đăng ký kết hôn</label>')

    const birthCertificate = minimalPdf('Giay chung sinh')
    const response = await client
      .post(`/ho-so-cua-toi/${dossier.id}/bo-sung`)
      .header('host', hostOf(tenant))
      .loginAs(applicant.citizen)
      .withCsrfToken()
      .field('lock_version', String(asked.lockVersion))
      .field('note', 'Xin gửi bổ sung')
      .file('paper_0', birthCertificate, { filename: 'giay-chung-sinh.pdf' })
      .file('paper_1', minimalPng(), { filename: 'dang-ky-ket-hon.png' })
      .redirects(0)
    response.assertStatus(302)
    assert.include(flashed(response, 'notice'), 'Đã gửi 2 tệp bổ sung')

    const after = await reload(tenant, dossier.id)
    assert.equal(after.statusCode, 'da_bo_sung_ho_so')
    assert.equal(after.lockVersion, asked.lockVersion + 1)
    const files = await withTenant(tenant, () => filesOfDossier(after, ['supplement']))
    assert.deepEqual(
      files.map((file) => [file.label, file.storedFile.originalName]),
      [
        ['Giấy chứng sinh', 'giay-chung-sinh.pdf'],
        ['Giấy đăng ký kết hôn', 'dang-ky-ket-hon.png'],
      ]
    )
    const trail = await withTenant(tenant, () => publicTrailOf(dossier.id))
    const last = trail[trail.length - 1]
    assert.equal(last.action, 'supplement')
    assert.equal(last.toStatus, 'da_bo_sung_ho_so')
    assert.equal(last.comment, 'Xin gửi bổ sung')
    assert.deepEqual(
      last.attachments.map((file) => file.name),
      ['giay-chung-sinh.pdf', 'dang-ky-ket-hon.png']
    )

    // The receptionist opens what arrived, byte for byte.
    const receptionist = await createOfficer(tenant, ['receptionist'])
    const download = await client.get(`/tep/${files[0].storedFileId}`).header('host', hostOf(tenant)).loginAs(receptionist)
    download.assertStatus(200)
    assert.isTrue((download.body() as Buffer).equals(birthCertificate))
  })

  test('OS-6.4 a file whose content is not what its name says is refused at its field; nothing changes', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const { tenant } = applicant.setting
    const dossier = await fileOnline(applicant)
    const asked = await askForPapers(tenant, dossier.id, 'Thiếu giấy chứng sinh', ['Giấy chứng sinh'])

    const response = await client
      .post(`/ho-so-cua-toi/${dossier.id}/bo-sung`)
      .header('host', hostOf(tenant))
      .loginAs(applicant.citizen)
      .withCsrfToken()
      .field('lock_version', String(asked.lockVersion))
      .file('paper_0', fakeExecutable(), { filename: 'giay-chung-sinh.pdf' })
      .redirects(0)
    response.assertStatus(302)
    assertFieldError(assert, response, 'paper_0')
    assert.match((response.flashMessages() as any).inputErrorsBag.paper_0[0], /tệp|định dạng|loại/i)
    const after = await reload(tenant, dossier.id)
    assert.equal(after.statusCode, 'yeu_cau_bo_sung_giay_to')
    assert.equal(after.lockVersion, asked.lockVersion)
    assert.lengthOf(await withTenant(tenant, () => filesOfDossier(after)), 0)
  })

  test('OS-6.4 no file chosen is refused with a Vietnamese message', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const dossier = await fileOnline(applicant)
    const asked = await askForPapers(applicant.setting.tenant, dossier.id, 'Thiếu giấy chứng sinh', ['Giấy chứng sinh'])
    const response = await post(client, applicant, `/ho-so-cua-toi/${dossier.id}/bo-sung`, { lock_version: asked.lockVersion })
    assertFieldError(assert, response, 'other_files', 'Vui lòng chọn ít nhất một tệp giấy tờ bổ sung.')
    assert.equal((await reload(applicant.setting.tenant, dossier.id)).statusCode, 'yeu_cau_bo_sung_giay_to')
  })

  test('OS-6.4 a supplement on a stale page is refused and nothing is stored', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const { tenant } = applicant.setting
    const dossier = await fileOnline(applicant)
    const asked = await askForPapers(tenant, dossier.id, 'Thiếu giấy chứng sinh', ['Giấy chứng sinh'])
    // A receptionist recorded a paper supplement at the counter meanwhile.
    const moved = await moveDossier(tenant, dossier.id, { status: 'da_bo_sung_ho_so', action: 'record_supplement' })

    const response = await client
      .post(`/ho-so-cua-toi/${dossier.id}/bo-sung`)
      .header('host', hostOf(tenant))
      .loginAs(applicant.citizen)
      .withCsrfToken()
      .field('lock_version', String(asked.lockVersion))
      .file('paper_0', minimalPdf('x'), { filename: 'giay-chung-sinh.pdf' })
      .redirects(0)
    response.assertStatus(302)
    assert.include(flashed(response, 'warning'), 'Hồ sơ vừa được cập nhật')
    const after = await reload(tenant, dossier.id)
    assert.equal(after.lockVersion, moved.lockVersion)
    assert.lengthOf(await withTenant(tenant, () => filesOfDossier(after)), 0)
  })

  test('OS-6.4 another tenant gets 404 on the supplement upload', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const dossier = await fileOnline(applicant)
    await askForPapers(applicant.setting.tenant, dossier.id, 'Thiếu giấy chứng sinh', ['Giấy chứng sinh'])
    await assertNotFoundAcrossTenants(client, {
      method: 'post',
      path: (id) => `/ho-so-cua-toi/${id}/bo-sung`,
      form: { lock_version: 2 },
      owner: applicant.setting.tenant,
      id: dossier.id,
    })
    assert.equal((await reload(applicant.setting.tenant, dossier.id)).statusCode, 'yeu_cau_bo_sung_giay_to')
  })
})

test.group('PT-16 PT-17 electronic result', () => {
  test('PT-16 PT-17 once returned the result is listed and downloads byte for byte; before, it is not listed', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const { tenant } = applicant.setting
    const dossier = await fileOnline(applicant)
    const result = minimalPdf('Giay khai sinh ban dien tu')

    const before = await client.get(`/ho-so-cua-toi/${dossier.id}`).header('host', hostOf(tenant)).loginAs(applicant.citizen)
    assert.notInclude(before.text(), 'Kết quả giải quyết')

    const stored = await returnWithResult(tenant, dossier.id, result, 'giay-khai-sinh.pdf')
    const page = await client.get(`/ho-so-cua-toi/${dossier.id}`).header('host', hostOf(tenant)).loginAs(applicant.citizen)
    assert.include(page.text(), 'Kết quả giải quyết')
    assert.include(page.text(), 'Giấy khai sinh (bản điện tử)')
    assert.include(page.text(), `href="/tep/${stored.id}"`)
    assert.include(page.text(), `href="/tep/${stored.id}/xem"`)
    assert.include(page.text(), `/ho-so-cua-toi/${dossier.id}/danh-gia`)

    const download = await client.get(`/tep/${stored.id}`).header('host', hostOf(tenant)).loginAs(applicant.citizen)
    download.assertStatus(200)
    assert.isTrue((download.body() as Buffer).equals(result))

    const neighbour = await createCitizen(tenant)
    const refused = await client.get(`/tep/${stored.id}`).header('host', hostOf(tenant)).loginAs(neighbour)
    refused.assertStatus(404)
  })
})
