/*
 * PT-4.2: before acceptance the applicant changes what they filed (the e-form's values, the
 * papers); the trail says what changed. Bad values are refused at their fields, an accepted or
 * stale dossier is not changed, and nobody else reaches the form.
 */
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { withTenant } from '#tenancy/tenant_context'
import { filesOfDossier, publicTrailOf, type Dossier } from '#intake/index'
import { hostOf } from '#tests/helpers/tenants'
import { assertFieldError } from '#tests/helpers/forms'
import { assertNotFoundAcrossTenants } from '#tests/helpers/cross_tenant'
import { fakeExecutable, minimalPdf } from '#intake/tests/fixtures/files'
import { filedWithForm, moveDossier, reload, type Applicant } from '#portal/tests/my_dossiers_helpers'

function change(client: ApiClient, applicant: Applicant, dossier: Dossier, fields: Record<string, string>) {
  return client
    .post(`/ho-so-cua-toi/${dossier.id}/sua`)
    .header('host', hostOf(applicant.setting.tenant))
    .loginAs(applicant.citizen)
    .withCsrfToken()
    .fields({ lock_version: String(dossier.lockVersion), ...fields })
    .redirects(0)
}

test.group('PT-4.2 change before acceptance', () => {
  test('PT-4.2 a value and a paper are changed before acceptance; the trail says what changed', async ({ client, assert }) => {
    const { applicant, dossier, component, original } = await filedWithForm()
    const { tenant } = applicant.setting

    const form = await client.get(`/ho-so-cua-toi/${dossier.id}/sua`).header('host', hostOf(tenant)).loginAs(applicant.citizen)
    form.assertStatus(200)
    assert.include(form.text(), 'value="NGUYỄN VĂN AN"')
    assert.include(form.text(), 'giay-chung-sinh-cu.pdf')
    assert.include(form.text(), `name="_file_c${component.id}"`)

    const response = await change(client, applicant, dossier, { child_name: 'NGUYỄN VĂN BÌNH', child_birth_date: '05/03/2026' }).file(
      `_file_c${component.id}`,
      minimalPdf('Ban moi'),
      { filename: 'giay-chung-sinh-moi.pdf' }
    )
    response.assertStatus(302)
    response.assertHeader('location', `/ho-so-cua-toi/${dossier.id}`)
    assert.include(String((response.flashMessages() as any).notice), `Đã lưu thay đổi của hồ sơ ${dossier.code}`)

    const after = await reload(tenant, dossier.id)
    assert.equal(after.statusCode, 'moi_dang_ky')
    assert.equal(after.lockVersion, dossier.lockVersion + 1)
    assert.equal(after.formValues.child_name, 'NGUYỄN VĂN BÌNH')
    assert.equal(after.formValues.child_birth_date, '2026-03-05')
    const files = await withTenant(tenant, () => filesOfDossier(after))
    assert.deepEqual(
      files.map((file) => [file.label, file.storedFile.originalName]),
      [['Giấy chứng sinh', 'giay-chung-sinh-moi.pdf']]
    )
    assert.notEqual(files[0].storedFileId, original.id)
    const trail = await withTenant(tenant, () => publicTrailOf(dossier.id))
    const last = trail[trail.length - 1]
    assert.equal(last.action, 'change_by_applicant')
    assert.equal(last.comment, 'Sửa thông tin: Họ và tên người được khai sinh. Thay giấy tờ: Giấy chứng sinh.')
    assert.deepEqual(last.attachments.map((file) => file.name), ['giay-chung-sinh-moi.pdf'])

    const page = await client.get(`/ho-so-cua-toi/${dossier.id}`).header('host', hostOf(tenant)).loginAs(applicant.citizen)
    assert.include(page.text(), 'Người nộp sửa hồ sơ trước khi tiếp nhận')
  })

  test('PT-4.2 the form sent back unchanged writes nothing', async ({ client, assert }) => {
    const { applicant, dossier } = await filedWithForm()
    const response = await change(client, applicant, dossier, { child_name: 'NGUYỄN VĂN AN', child_birth_date: '05/03/2026' })
    assert.include(String((response.flashMessages() as any).notice), 'không có gì thay đổi')
    const after = await reload(applicant.setting.tenant, dossier.id)
    assert.equal(after.lockVersion, dossier.lockVersion)
    assert.equal(after.trailLength, dossier.trailLength)
  })

  test('PT-4.2 bad values and a bad file are refused at their fields; nothing changes', async ({ client, assert }) => {
    const { applicant, dossier, component } = await filedWithForm()
    const badDate = await change(client, applicant, dossier, { child_name: '', child_birth_date: '31/02/2026' })
    badDate.assertStatus(302)
    assertFieldError(assert, badDate, 'child_name')
    assertFieldError(assert, badDate, 'child_birth_date')
    assert.match((badDate.flashMessages() as any).inputErrorsBag.child_birth_date[0], /Ngày sinh/)

    const badFile = await change(client, applicant, dossier, { child_name: 'NGUYỄN VĂN BÌNH', child_birth_date: '05/03/2026' }).file(
      `_file_c${component.id}`,
      fakeExecutable(),
      { filename: 'giay-chung-sinh.pdf' }
    )
    assertFieldError(assert, badFile, `_file.c${component.id}`)

    const after = await reload(applicant.setting.tenant, dossier.id)
    assert.deepEqual(after.formValues, dossier.formValues)
    assert.equal(after.lockVersion, dossier.lockVersion)
    assert.equal(after.trailLength, dossier.trailLength)
    const files = await withTenant(applicant.setting.tenant, () => filesOfDossier(after))
    assert.deepEqual(files.map((file) => file.storedFile.originalName), ['giay-chung-sinh-cu.pdf'])
  })

  test('PT-4.2 an accepted dossier is not changed: the form sends back to the dossier with a message', async ({ client, assert }) => {
    const { applicant, dossier } = await filedWithForm()
    const accepted = await moveDossier(applicant.setting.tenant, dossier.id, { status: 'duoc_tiep_nhan' })
    const form = await client
      .get(`/ho-so-cua-toi/${dossier.id}/sua`)
      .header('host', hostOf(applicant.setting.tenant))
      .loginAs(applicant.citizen)
      .redirects(0)
    form.assertStatus(302)
    form.assertHeader('location', `/ho-so-cua-toi/${dossier.id}`)
    const response = await change(client, applicant, accepted, { child_name: 'NGUYỄN VĂN BÌNH', child_birth_date: '05/03/2026' })
    assert.include(String((response.flashMessages() as any).warning), 'Hồ sơ đã được tiếp nhận nên không thể sửa nữa.')
    assert.equal((await reload(applicant.setting.tenant, dossier.id)).formValues.child_name, 'NGUYỄN VĂN AN')
  })

  test('PT-4.2 a change from a stale page is refused and changes nothing', async ({ client, assert }) => {
    const { applicant, dossier } = await filedWithForm()
    // Changed in another tab first: the dossier is at the next version.
    await change(client, applicant, dossier, { child_name: 'NGUYỄN VĂN BÌNH', child_birth_date: '05/03/2026' })
    const stale = await change(client, applicant, dossier, { child_name: 'NGUYỄN VĂN CƯỜNG', child_birth_date: '05/03/2026' })
    assert.include(String((stale.flashMessages() as any).warning), 'Hồ sơ vừa được cập nhật')
    const after = await reload(applicant.setting.tenant, dossier.id)
    assert.equal(after.formValues.child_name, 'NGUYỄN VĂN BÌNH')
    assert.equal(after.lockVersion, dossier.lockVersion + 1)
  })

  test('PT-4.2 another tenant gets 404 on the change form and its post', async ({ client }) => {
    const { applicant, dossier } = await filedWithForm()
    await assertNotFoundAcrossTenants(client, {
      method: 'get',
      path: (id) => `/ho-so-cua-toi/${id}/sua`,
      owner: applicant.setting.tenant,
      id: dossier.id,
    })
    await assertNotFoundAcrossTenants(client, {
      method: 'post',
      path: (id) => `/ho-so-cua-toi/${id}/sua`,
      form: { lock_version: dossier.lockVersion, child_name: 'X Y', child_birth_date: '05/03/2026' },
      owner: applicant.setting.tenant,
      id: dossier.id,
    })
  })
})
