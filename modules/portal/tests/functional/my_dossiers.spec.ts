/*
 * PT-4.2, ST, OL-9: My dossiers lists the applicant's own dossiers, newest first, each with the
 * status label and the detail the ST table asks for, and shows one dossier with the public part
 * of its timeline. Another applicant or another tenant is told the dossier does not exist.
 */
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { createCitizen, hostOf } from '#tests/helpers/tenants'
import { assertNotFoundAcrossTenants } from '#tests/helpers/cross_tenant'
import { applicantSetting, fileOnline, moveDossier } from '#portal/tests/my_dossiers_helpers'

const VN = { zone: 'Asia/Ho_Chi_Minh' }

test.group('PT-4.2 ST My dossiers list', () => {
  test('PT-4.2 ST lists only the applicant’s dossiers, newest first, with status and detail', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const { setting, citizen } = applicant
    const first = await fileOnline(applicant)
    const second = await fileOnline(applicant)
    await moveDossier(setting.tenant, first.id, {
      status: 'yeu_cau_bo_sung_giay_to',
      detail: 'Thiếu giấy chứng sinh. Cần bổ sung: Giấy chứng sinh bản chính',
    })
    const neighbour = await createCitizen(setting.tenant)
    const theirs = await fileOnline({ setting, citizen: neighbour })

    const response = await client.get('/ho-so-cua-toi').header('host', hostOf(setting.tenant)).loginAs(citizen)
    response.assertStatus(200)
    const page = response.text()
    assert.include(page, first.code)
    assert.include(page, second.code)
    assert.notInclude(page, theirs.code)
    const list = page.slice(page.indexOf('dossier-list'))
    assert.isBelow(list.indexOf(second.code), list.indexOf(first.code), 'newest first')
    assert.include(page, 'Mới đăng ký')
    assert.include(page, 'Yêu cầu bổ sung giấy tờ')
    assert.include(page, 'Thiếu giấy chứng sinh. Cần bổ sung: Giấy chứng sinh bản chính')
    assert.include(page, 'Đăng ký khai sinh')
  })

  test('PT-4.2 the list is filtered by status, and the filter is a shareable URL', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const kept = await fileOnline(applicant)
    const accepted = await fileOnline(applicant)
    await moveDossier(applicant.setting.tenant, accepted.id, { status: 'duoc_tiep_nhan' })

    const response = await client
      .get('/ho-so-cua-toi')
      .qs({ status: 'duoc_tiep_nhan' })
      .header('host', hostOf(applicant.setting.tenant))
      .loginAs(applicant.citizen)
    response.assertStatus(200)
    assert.include(response.text(), accepted.code)
    assert.notInclude(response.text(), kept.code)
    assert.match(response.text(), /<option value="duoc_tiep_nhan" selected/)
  })

  test('ST-16 an overdue dossier shows its deadline and the working days overdue', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const dossier = await fileOnline(applicant)
    // Due ten days ago: at least five working days have begun since, and at most nine.
    const due = DateTime.now().setZone(VN.zone).minus({ days: 10 }).set({ hour: 16, minute: 0, second: 0 })
    await moveDossier(applicant.setting.tenant, dossier.id, {
      status: 'dang_xu_ly',
      detail: 'Phòng Tư pháp - Chuyên viên Trần Thị Bình đang xử lý',
      appointmentAt: due,
      stepKey: 'tham_dinh',
    })

    const response = await client.get('/ho-so-cua-toi').header('host', hostOf(applicant.setting.tenant)).loginAs(applicant.citizen)
    const page = response.text()
    assert.include(page, 'Đang xử lý')
    assert.include(page, 'Phòng Tư pháp - Chuyên viên Trần Thị Bình đang xử lý')
    const overdue = page.match(/Hạn xử lý (\d{2}\/\d{2}\/\d{4}) - Quá hạn (\d+) ngày/)
    assert.isNotNull(overdue, 'the ST-16 text is shown')
    assert.equal(overdue![1], due.toFormat('dd/MM/yyyy'))
    assert.isAtLeast(Number(overdue![2]), 5)
    assert.isAtMost(Number(overdue![2]), 9)
  })

  test('ST-19 ST-20 done shows "Đang trả kết quả", returned shows the date it was returned', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const done = await fileOnline(applicant)
    const returned = await fileOnline(applicant)
    await moveDossier(applicant.setting.tenant, done.id, { status: 'da_xu_ly_xong' })
    await moveDossier(applicant.setting.tenant, returned.id, {
      status: 'da_tra_ket_qua',
      occurredAt: DateTime.fromISO('2026-08-15T10:00:00', VN),
    })
    const page = (await client.get('/ho-so-cua-toi').header('host', hostOf(applicant.setting.tenant)).loginAs(applicant.citizen)).text()
    assert.include(page, 'Đang trả kết quả')
    assert.include(page, 'Ngày trả kết quả: 15/08/2026')
  })

  test('PT-4.2 without login the list sends to the login page', async ({ client }) => {
    const applicant = await applicantSetting()
    const response = await client.get('/ho-so-cua-toi').header('host', hostOf(applicant.setting.tenant)).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/dang-nhap?return_to=%2Fho-so-cua-toi')
  })
})

test.group('PT-4.2 OL-9 one dossier', () => {
  test('PT-4.2 OL-9 the detail shows the status, its detail and only the public part of the timeline', async ({ client, assert }) => {
    const applicant = await applicantSetting()
    const dossier = await fileOnline(applicant)
    await moveDossier(applicant.setting.tenant, dossier.id, {
      status: 'duoc_tiep_nhan',
      appointmentAt: DateTime.fromISO('2026-12-01T16:00:00', VN),
      comment: 'Hồ sơ đầy đủ',
    })
    await moveDossier(applicant.setting.tenant, dossier.id, {
      status: 'dang_xu_ly',
      detail: 'Phòng Tư pháp - Chuyên viên Trần Thị Bình',
      action: 'assign',
    })
    await moveDossier(applicant.setting.tenant, dossier.id, {
      status: 'dang_xu_ly',
      detail: 'Phòng Tư pháp - Chuyên viên Trần Thị Bình',
      action: 'consult',
      comment: 'Ghi chú nội bộ: xin ý kiến phòng Hộ tịch',
      public: false,
    })

    const response = await client
      .get(`/ho-so-cua-toi/${dossier.id}`)
      .header('host', hostOf(applicant.setting.tenant))
      .loginAs(applicant.citizen)
    response.assertStatus(200)
    const page = response.text()
    assert.include(page, dossier.code)
    assert.include(page, 'Đang xử lý')
    assert.include(page, 'Phòng Tư pháp - Chuyên viên Trần Thị Bình')
    assert.include(page, '01/12/2026')
    assert.include(page, 'Trạng thái: Được tiếp nhận')
    assert.include(page, 'Hồ sơ đầy đủ')
    assert.notInclude(page, 'Ghi chú nội bộ')
  })

  test('PT-4.2 another applicant of the same tenant gets 404', async ({ client }) => {
    const applicant = await applicantSetting()
    const dossier = await fileOnline(applicant)
    const neighbour = await createCitizen(applicant.setting.tenant)
    const response = await client
      .get(`/ho-so-cua-toi/${dossier.id}`)
      .header('host', hostOf(applicant.setting.tenant))
      .loginAs(neighbour)
    response.assertStatus(404)
  })

  test('PT-4.2 another tenant gets 404 on the detail', async ({ client }) => {
    const applicant = await applicantSetting()
    const dossier = await fileOnline(applicant)
    await assertNotFoundAcrossTenants(client, {
      method: 'get',
      path: (id) => `/ho-so-cua-toi/${id}`,
      owner: applicant.setting.tenant,
      id: dossier.id,
    })
  })
})
