/*
 * OS-12.1, NF-16: the official slips of a dossier, as PDF read back with a real PDF parser (text,
 * and the barcode and QR code decoded from the embedded images) and as a printable page.
 */
import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import { assertNotFoundAcrossTenants } from '#tests/helpers/cross_tenant'
import { appendEvent } from '#intake/services/trail'
import SupplementRequest from '#intake/counter/models/supplement_request'
import { slipKindsFor } from '#intake/index'
import { clockAt } from '#intake/tests/helpers'
import { pdfCodes, pdfText } from '#intake/tests/document_readers'
import {
  APPLICANT,
  acceptedDossier,
  bytesOf,
  documentSetting,
  getFile,
  vietnamTime,
  type DocumentSetting,
} from '#intake/tests/document_fixtures'

/** A dossier sent back at the counter for a supplement, with the counter's record of the request. */
async function dossierAwaitingSupplement(setting: DocumentSetting) {
  const dossier = await acceptedDossier(setting, '2026-04-15T08:00:00', {
    statusCode: 'moi_dang_ky',
    channel: 'online',
    event: { action: 'submit', actorName: APPLICANT.fullName, public: true },
  })
  await withTenant(setting.tenant, async () => {
    const at = vietnamTime('2026-04-15T10:00:00')
    await SupplementRequest.create({
      dossierId: dossier.id,
      reason: 'Giấy chứng sinh chưa có xác nhận của cơ sở y tế',
      papers: ['Giấy chứng sinh có xác nhận của bệnh viện', 'Văn bản ủy quyền có chứng thực'],
      stepKey: null,
      requestedBy: setting.officer.id,
      requestedAt: at,
      fulfilledAt: null,
    })
    await appendEvent(dossier, {
      action: 'request_supplement',
      actor: setting.officer,
      fromStatus: 'moi_dang_ky',
      toStatus: 'yeu_cau_bo_sung_giay_to',
      comment: 'Bổ sung giấy tờ',
      public: true,
      occurredAt: at,
    })
  })
  return dossier
}

test.group('OS-12.1 NF-16 dossier slips', () => {
  test('OS-12.1 NF-16 the receipt slip PDF holds the dossier data, a Code 128 barcode of the code and a QR code to the portal lookup', async ({
    client,
    assert,
  }) => {
    const setting = await documentSetting()
    const dossier = await acceptedDossier(setting)
    const response = await getFile(client, setting, `/mot-cua/ho-so/${dossier.id}/phieu/tiep-nhan.pdf`)
    response.assertStatus(200)
    assert.equal(response.header('content-type'), 'application/pdf')
    const pdf = bytesOf(response)
    const text = await pdfText(pdf)
    for (const expected of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      dossier.code,
      APPLICANT.fullName,
      APPLICANT.address,
      'Đăng ký khai sinh',
      'Tờ khai đăng ký khai sinh (bản chính: 01)',
      'Giấy chứng sinh (bản chính: 01, bản sao: 01)',
      '09 giờ 30 phút, ngày 15/04/2026',
      '09 giờ 30 phút, ngày 17/04/2026',
      'Quyển số: 2026, Số thứ tự: 1',
      'Hà Nội, ngày 15 tháng 4 năm 2026'.replace('Hà Nội', setting.tenant.name.replace(/^(Thành phố|Tỉnh)\s+/u, '')),
      'Cán Bộ Thử',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    ]) {
      assert.include(text, expected)
    }
    assert.include(text, setting.tenant.name.toLocaleUpperCase('vi'))
    assert.deepEqual(await pdfCodes(pdf, 'code128'), [dossier.code])
    assert.deepEqual(await pdfCodes(pdf, 'qr'), [`http://${setting.host}/tra-cuu?ma=${dossier.code}`])

    // Reprinted later, it is the same slip.
    const again = await getFile(client, setting, `/mot-cua/ho-so/${dossier.id}/phieu/tiep-nhan.pdf`)
    assert.equal(await pdfText(bytesOf(again)), text)
  }).timeout(60_000)

  test('OS-12.1 the printable page shows the slip with both codes and links the print stylesheet and the PDF', async ({
    client,
    assert,
  }) => {
    const setting = await documentSetting()
    const dossier = await acceptedDossier(setting)
    const response = await client.get(`/mot-cua/ho-so/${dossier.id}/phieu/tiep-nhan`).header('host', setting.host).loginAs(setting.officer)
    response.assertStatus(200)
    const page = response.text()
    assert.include(page, 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ')
    assert.include(page, APPLICANT.fullName)
    assert.include(page, `alt="Mã vạch mã hồ sơ ${dossier.code}"`)
    assert.match(page, /<img class="slip-qr" src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Mã QR tra cứu hồ sơ/)
    assert.include(page, '<link rel="stylesheet" href="/mot-cua/phieu-in.css">')
    assert.include(page, `href="/mot-cua/ho-so/${dossier.id}/phieu/tiep-nhan.pdf"`)
    assert.include(page, `href="/mot-cua/ho-so/${dossier.id}"`)

    const css = await client.get('/mot-cua/phieu-in.css').header('host', setting.host)
    css.assertStatus(200)
    assert.include(css.text(), '@page { size: A4 portrait')
    assert.include(css.text(), '.slip-codes')
  })

  test('OS-12.1 a supplement request prints the reason and the papers asked for; the dossier lists the slips it has', async ({
    client,
    assert,
  }) => {
    const setting = await documentSetting()
    const dossier = await dossierAwaitingSupplement(setting)
    const kinds = await withTenant(setting.tenant, () => slipKindsFor(dossier.id))
    assert.deepEqual(
      kinds.map((slip) => [slip.kind, slip.title, slip.pdfUrl]),
      [['supplement_request', 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', `/mot-cua/ho-so/${dossier.id}/phieu/yeu-cau-bo-sung.pdf`]]
    )

    const response = await getFile(client, setting, kinds[0].pdfUrl)
    response.assertStatus(200)
    const text = await pdfText(bytesOf(response))
    assert.include(text, 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ')
    assert.include(text, 'Lý do: Giấy chứng sinh chưa có xác nhận của cơ sở y tế')
    assert.include(text, 'Giấy chứng sinh có xác nhận của bệnh viện')
    assert.include(text, 'Văn bản ủy quyền có chứng thực')
    assert.include(text, 'ngày 15 tháng 4 năm 2026')

    // Never accepted: it has no receipt.
    const receipt = await getFile(client, setting, `/mot-cua/ho-so/${dossier.id}/phieu/tiep-nhan.pdf`)
    receipt.assertStatus(404)
    const unknown = await getFile(client, setting, `/mot-cua/ho-so/${dossier.id}/phieu/khong-co`)
    unknown.assertStatus(404)
  })

  test('OS-12.1 a refusal prints its reason', async ({ client, assert }) => {
    const setting = await documentSetting()
    const dossier = await acceptedDossier(setting, '2026-04-15T08:00:00', {
      statusCode: 'moi_dang_ky',
      channel: 'online',
      event: { action: 'submit', actorName: APPLICANT.fullName, public: true },
    })
    await withTenant(setting.tenant, () =>
      appendEvent(
        dossier,
        { action: 'refuse', actor: setting.officer, fromStatus: 'moi_dang_ky', toStatus: 'khong_duoc_tiep_nhan', comment: 'Không thuộc thẩm quyền giải quyết của cơ quan' },
        { clock: clockAt('2026-04-16T14:00:00') }
      )
    )
    const response = await getFile(client, setting, `/mot-cua/ho-so/${dossier.id}/phieu/tu-choi.pdf`)
    response.assertStatus(200)
    const text = await pdfText(bytesOf(response))
    assert.include(text, 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ')
    assert.include(text, 'Không thuộc thẩm quyền giải quyết của cơ quan')
    assert.include(text, 'ngày 16 tháng 4 năm 2026')
    assert.include(text, APPLICANT.fullName)
  })

  test('OS-8.4 OS-12.1 an extension prints the apology slip with the old and the new appointment', async ({ client, assert }) => {
    const setting = await documentSetting()
    const dossier = await acceptedDossier(setting)
    await withTenant(setting.tenant, () =>
      appendEvent(
        dossier,
        {
          action: 'extend',
          actorName: 'Lê Văn Thụ',
          comment: 'Cần xác minh thông tin tại nơi cư trú',
          attachments: [
            {
              kind: 'extension',
              previousAppointmentAt: vietnamTime('2026-04-17T09:30:00').toISO()!,
              newAppointmentAt: vietnamTime('2026-04-21T16:00:00').toISO()!,
              extension: '02 ngày làm việc',
            },
          ],
        },
        { clock: clockAt('2026-04-17T08:00:00') }
      )
    )
    const response = await getFile(client, setting, `/mot-cua/ho-so/${dossier.id}/phieu/xin-loi.pdf`)
    response.assertStatus(200)
    const text = await pdfText(bytesOf(response))
    assert.include(text, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ')
    assert.include(text, 'Lý do: Cần xác minh thông tin tại nơi cư trú')
    assert.include(text, '09 giờ 30 phút, ngày 17/04/2026')
    assert.include(text, '16 giờ 00 phút, ngày 21/04/2026')
    assert.deepEqual(await pdfCodes(bytesOf(response), 'code128'), [dossier.code])
  })

  test('OS-12.1 the 2025 set prints the stop notice of a stopped dossier; the 2018 set has no such slip', async ({ client, assert }) => {
    for (const slipSet of ['2025', '2018']) {
      const setting = await documentSetting({ settings: { slipSet } })
      const dossier = await acceptedDossier(setting)
      await withTenant(setting.tenant, () =>
        appendEvent(
          dossier,
          { action: 'stop', actorName: 'Lê Văn Thụ', fromStatus: 'dang_xu_ly', toStatus: 'dung_xu_ly', comment: 'Thửa đất đang có tranh chấp' },
          { clock: clockAt('2026-04-16T15:00:00') }
        )
      )
      const kinds = (await withTenant(setting.tenant, () => slipKindsFor(dossier))).map((slip) => slip.kind)
      const response = await getFile(client, setting, `/mot-cua/ho-so/${dossier.id}/phieu/dung-xu-ly.pdf`)
      if (slipSet === '2018') {
        assert.deepEqual(kinds, ['receipt', 'process_control'])
        response.assertStatus(404)
        continue
      }
      assert.deepEqual(kinds, ['receipt', 'stop_notice', 'process_control'])
      response.assertStatus(200)
      const text = await pdfText(bytesOf(response))
      assert.include(text, 'THÔNG BÁO')
      assert.include(text, 'Về việc dừng giải quyết hồ sơ')
      assert.include(text, 'Lý do: Thửa đất đang có tranh chấp')
      // 2025's receipt asks for the identification number.
      const receipt = await pdfText(bytesOf(await getFile(client, setting, `/mot-cua/ho-so/${dossier.id}/phieu/tiep-nhan.pdf`)))
      assert.include(receipt, `Số định danh cá nhân/Mã số doanh nghiệp, tổ chức: ${APPLICANT.nationalId}`)
    }
  }).timeout(60_000)

  test('OS-12.1 the process control slip lists each hand-over after intake', async ({ client, assert }) => {
    const setting = await documentSetting()
    const dossier = await acceptedDossier(setting)
    await withTenant(setting.tenant, () =>
      appendEvent(
        dossier,
        { action: 'transfer', actorName: 'Trần Thị Tiếp', fromStatus: 'duoc_tiep_nhan', toStatus: 'dang_xu_ly', comment: 'Chuyển Phòng Tư pháp' },
        { clock: clockAt('2026-04-15T10:15:00') }
      )
    )
    const text = await pdfText(bytesOf(await getFile(client, setting, `/mot-cua/ho-so/${dossier.id}/phieu/kiem-soat.pdf`)))
    assert.include(text, 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ')
    assert.include(text, 'Trần Thị Tiếp')
    assert.include(text, '15/04/2026 10:15:00')
    assert.include(text, 'Đang xử lý. Chuyển Phòng Tư pháp')
  })

  test('OS-12.1 slips are for officers: a citizen gets 403, a visitor goes to the login page', async ({ client, assert }) => {
    const setting = await documentSetting()
    const dossier = await acceptedDossier(setting)
    for (const path of [`/mot-cua/ho-so/${dossier.id}/phieu/tiep-nhan`, `/mot-cua/ho-so/${dossier.id}/phieu/tiep-nhan.pdf`]) {
      ;(await getFile(client, setting, path, setting.citizen)).assertStatus(403)
      const visitor = await getFile(client, setting, path, null)
      visitor.assertStatus(302)
      assert.match(String(visitor.header('location')), /^\/dang-nhap/)
    }
  })

  test('OS-12.1 another tenant cannot print a dossier slip', async ({ client }) => {
    const setting = await documentSetting()
    const dossier = await acceptedDossier(setting)
    for (const suffix of ['', '.pdf']) {
      await assertNotFoundAcrossTenants(client, {
        method: 'get',
        path: (id) => `/mot-cua/ho-so/${id}/phieu/tiep-nhan${suffix}`,
        owner: setting.tenant,
        id: dossier.id,
      })
    }
  })
})
