/*
 * OS-12.1: the tracking book of a period, as a landscape PDF from the set's template and as a
 * spreadsheet, read back; its entry numbers are the ones the receipt slips print.
 */
import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import { Procedure, Sector } from '#catalog/index'
import { getDocumentProxy } from 'unpdf'
import { appendEvent } from '#intake/services/trail'
import { TRACKING_BOOK_COLUMNS } from '#intake/documents/tracking_book'
import { clockAt } from '#intake/tests/helpers'
import { pdfText, xlsxRows } from '#intake/tests/document_readers'
import { APPLICANT, acceptedDossier, bytesOf, documentSetting, getFile, type DocumentSetting } from '#intake/tests/document_fixtures'

/**
 * Accepted on 31/03 (before the period), 02/04 and 10/04 (the second returned on 12/04), an
 * online dossier never received and a refused one: the April book holds two lines.
 */
async function aMonthOfDossiers(setting: DocumentSetting) {
  const march = await acceptedDossier(setting, '2026-03-31T16:00:00')
  const first = await acceptedDossier(setting, '2026-04-02T08:15:00', {
    applicant: { fullName: 'Đặng Văn Đức', address: 'Thôn Đông, xã Yên Sở', phone: '0987000222' },
  })
  const second = await acceptedDossier(setting, '2026-04-10T14:00:00', {
    applicant: { ...APPLICANT, organisationName: 'Công ty TNHH Ánh Dương' },
  })
  await withTenant(setting.tenant, () =>
    appendEvent(second, { action: 'return', actorName: 'Trần Thị Tiếp', fromStatus: 'da_xu_ly_xong', toStatus: 'da_tra_ket_qua' }, { clock: clockAt('2026-04-12T09:00:00') })
  )
  const waiting = await acceptedDossier(setting, '2026-04-03T08:00:00', {
    channel: 'online',
    statusCode: 'moi_dang_ky',
    event: { action: 'submit', actorName: 'Người nộp', public: true },
  })
  const refused = await acceptedDossier(setting, '2026-04-04T08:00:00', {
    channel: 'online',
    statusCode: 'moi_dang_ky',
    event: { action: 'submit', actorName: 'Người nộp', public: true },
  })
  await withTenant(setting.tenant, () =>
    appendEvent(refused, { action: 'refuse', actorName: 'Trần Thị Tiếp', fromStatus: 'moi_dang_ky', toStatus: 'khong_duoc_tiep_nhan', comment: 'Sai thẩm quyền' })
  )
  return { march, first, second, waiting, refused }
}

const APRIL = 'tu=01/04/2026&den=30/04/2026'

/** A second sector (Xây dựng) with its procedure, beside the setting's Hộ tịch one. */
async function buildingProcedure(setting: DocumentSetting) {
  return withTenant(setting.tenant, async () => {
    const birth = await Procedure.findOrFail(setting.procedureId)
    const sector = await Sector.create({ code: 'XD', name: 'Xây dựng', position: 2 })
    const procedure = await Procedure.create({ sectorId: sector.id, name: 'Cấp giấy phép xây dựng', legalDeadlineDays: 15, status: 'published', isSampleCode: true })
    return { procedureId: procedure.id, sectorId: sector.id, birthSectorId: birth.sectorId }
  })
}

test.group('OS-12.1 tracking book', () => {
  test('OS-12.1 the spreadsheet lists the dossiers accepted in the period under the columns of the official book', async ({
    client,
    assert,
  }) => {
    const setting = await documentSetting()
    const { march, first, second, waiting, refused } = await aMonthOfDossiers(setting)
    const response = await getFile(client, setting, `/mot-cua/so-theo-doi.xlsx?${APRIL}`)
    response.assertStatus(200)
    assert.include(String(response.header('content-disposition')), 'so-theo-doi-20260401-20260430.xlsx')
    const rows = await xlsxRows(bytesOf(response))
    assert.equal(rows[0][0], 'SỔ THEO DÕI HỒ SƠ')
    assert.include(rows.flat().join('\n'), 'Thời gian: Từ ngày 01/04/2026 đến ngày 30/04/2026')
    const head = rows.findIndex((row) => row[0] === 'Số TT')
    assert.deepEqual(rows[head], [...TRACKING_BOOK_COLUMNS])
    assert.deepEqual(rows.slice(head + 1, head + 3), [
      ['2', first.code, 'Đăng ký khai sinh', 'Đặng Văn Đức', 'Thôn Đông, xã Yên Sở; 0987000222', 'Bộ phận Một cửa', '02/04/2026', '04/04/2026', '', '', ''],
      [
        '3',
        second.code,
        'Đăng ký khai sinh',
        'Công ty TNHH Ánh Dương',
        `${APPLICANT.address}; ${APPLICANT.phone}`,
        'Bộ phận Một cửa',
        '10/04/2026',
        '12/04/2026',
        '12/04/2026',
        'Nhận trực tiếp',
        '',
      ],
    ])
    assert.equal(rows[head + 3][0], 'Tổng số: 2 hồ sơ.')
    const all = rows.flat().join('\n')
    for (const absent of [march, waiting, refused]) assert.notInclude(all, absent.code)
  })

  test('OS-12.1 the PDF is the landscape book of the set, and the receipt prints the same entry number', async ({ client, assert }) => {
    const setting = await documentSetting()
    const { march, second } = await aMonthOfDossiers(setting)
    const response = await getFile(client, setting, `/mot-cua/so-theo-doi.pdf?${APRIL}`)
    response.assertStatus(200)
    assert.equal(response.header('content-type'), 'application/pdf')
    const bytes = bytesOf(response)
    const [, , width, height] = (await (await getDocumentProxy(new Uint8Array(bytes))).getPage(1)).view
    assert.isAbove(width, height)
    const text = await pdfText(bytes)
    for (const expected of ['SỔ THEO DÕI HỒ SƠ', 'Quyển số: 2026', 'Mã hồ sơ', 'Hình thức nhận kết quả', second.code, 'Công ty TNHH Ánh Dương', 'Từ ngày 01/04/2026 đến ngày 30/04/2026']) {
      assert.include(text, expected)
    }
    assert.notInclude(text, march.code)

    const receipt = await pdfText(bytesOf(await getFile(client, setting, `/mot-cua/ho-so/${second.id}/phieu/tiep-nhan.pdf`)))
    assert.include(receipt, 'Quyển số: 2026, Số thứ tự: 3')
  }).timeout(60_000)

  test('OS-12.1 a wrong period goes back to the form, which says what is wrong at each date', async ({ client, assert }) => {
    const setting = await documentSetting()
    for (const [query, field, message] of [
      ['tu=31/04/2026&den=30/04/2026', 'tu', 'Ngày phải ghi theo dạng ngày/tháng/năm, ví dụ 01/04/2026.'],
      ['tu=10/04/2026&den=01/04/2026', 'den', 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.'],
      ['tu=01/01/2025&den=30/04/2026', 'den', 'Mỗi lần in sổ tối đa 366 ngày.'],
      ['tu=&den=30/04/2026', 'tu', 'Vui lòng nhập ngày.'],
    ]) {
      const download = await getFile(client, setting, `/mot-cua/so-theo-doi.xlsx?${query}`)
      download.assertStatus(302)
      const location = String(download.header('location'))
      assert.match(location, /^\/mot-cua\/so-theo-doi\?/)
      const page = await client.get(location).header('host', setting.host).loginAs(setting.officer)
      page.assertStatus(200)
      const html = page.text()
      assert.include(html, `<p class="field-error" id="field-${field}-error">${message}</p>`, query)
      assert.match(html, new RegExp(`id="field-${field}"[^>]*aria-invalid="true"`))
    }
    const form = await client.get('/mot-cua/so-theo-doi').header('host', setting.host).loginAs(setting.officer)
    form.assertStatus(200)
    assert.include(form.text(), 'formaction="/mot-cua/so-theo-doi.xlsx"')
    assert.notInclude(form.text(), 'field-error')
  }).timeout(60_000)

  test('OS-12.1 a tenant keeping one book per sector numbers each sector on its own; the receipt prints that number; a sector must be chosen', async ({
    client,
    assert,
  }) => {
    const setting = await documentSetting({ settings: { trackingBookBySector: true } })
    const other = await documentSetting()
    const building = await buildingProcedure(setting)
    const foreignSector = await withTenant(other.tenant, () => Sector.query().firstOrFail())
    const birthFirst = await acceptedDossier(setting, '2026-04-02T08:00:00')
    const permit = await acceptedDossier(setting, '2026-04-03T08:00:00', { procedureId: building.procedureId })
    const birthSecond = await acceptedDossier(setting, '2026-04-05T08:00:00')

    const rowsOf = async (sectorId: number) => {
      const response = await getFile(client, setting, `/mot-cua/so-theo-doi.xlsx?${APRIL}&linh_vuc=${sectorId}`)
      response.assertStatus(200)
      assert.include(String(response.header('content-disposition')), `so-theo-doi-linh-vuc-${sectorId}-20260401-20260430.xlsx`)
      const rows = await xlsxRows(bytesOf(response))
      const head = rows.findIndex((row) => row[0] === 'Số TT')
      return { all: rows.flat().join('\n'), lines: rows.slice(head + 1).filter((row) => /^\d+$/.test(String(row[0]))).map((row) => [row[0], row[1]]) }
    }
    const births = await rowsOf(building.birthSectorId)
    assert.deepEqual(births.lines, [['1', birthFirst.code], ['2', birthSecond.code]])
    assert.include(births.all, 'Lĩnh vực: Hộ tịch')
    const permits = await rowsOf(building.sectorId)
    assert.deepEqual(permits.lines, [['1', permit.code]])
    assert.include(permits.all, 'Lĩnh vực: Xây dựng')

    const receipt = await pdfText(bytesOf(await getFile(client, setting, `/mot-cua/ho-so/${birthSecond.id}/phieu/tiep-nhan.pdf`)))
    assert.include(receipt, 'Quyển số: 2026 - sổ lĩnh vực Hộ tịch, Số thứ tự: 2')
    const book = await pdfText(bytesOf(await getFile(client, setting, `/mot-cua/so-theo-doi.pdf?${APRIL}&linh_vuc=${building.sectorId}`)))
    assert.include(book, 'Xây dựng')
    assert.include(book, permit.code)
    assert.notInclude(book, birthFirst.code)

    // No sector, or one that is not the tenant's: back to the form with the reason at the field.
    for (const [query, message] of [
      [APRIL, 'Vui lòng chọn lĩnh vực: mỗi lĩnh vực có sổ theo dõi riêng.'],
      [`${APRIL}&linh_vuc=${foreignSector.id}`, 'Lĩnh vực đã chọn không có trong danh mục của đơn vị.'],
    ]) {
      const download = await getFile(client, setting, `/mot-cua/so-theo-doi.pdf?${query}`)
      download.assertStatus(302)
      const page = await client.get(String(download.header('location'))).header('host', setting.host).loginAs(setting.officer)
      assert.include(page.text(), `<p class="field-error" id="field-linh_vuc-error">${message}</p>`)
      assert.include(page.text(), '<option value="">Chọn lĩnh vực</option>')
    }
  }).timeout(60_000)

  test('OS-12.1 with one book for all sectors, a sector\u2019s extract keeps the common numbers', async ({ client, assert }) => {
    const setting = await documentSetting()
    const building = await buildingProcedure(setting)
    await acceptedDossier(setting, '2026-04-02T08:00:00')
    const permit = await acceptedDossier(setting, '2026-04-03T08:00:00', { procedureId: building.procedureId })
    const rows = await xlsxRows(bytesOf(await getFile(client, setting, `/mot-cua/so-theo-doi.xlsx?${APRIL}&linh_vuc=${building.sectorId}`)))
    const head = rows.findIndex((row) => row[0] === 'Số TT')
    assert.deepEqual([rows[head + 1][0], rows[head + 1][1]], ['2', permit.code])
    assert.equal(rows[head + 2][0], 'Tổng số: 1 hồ sơ.')
    const receipt = await pdfText(bytesOf(await getFile(client, setting, `/mot-cua/ho-so/${permit.id}/phieu/tiep-nhan.pdf`)))
    assert.include(receipt, 'Quyển số: 2026, Số thứ tự: 2')
  }).timeout(60_000)

  test('OS-12.1 the tracking book is for officers, and shows only the own tenant’s dossiers', async ({ client, assert }) => {
    const setting = await documentSetting()
    const other = await documentSetting()
    const foreign = await acceptedDossier(other, '2026-04-05T09:00:00')
    for (const path of ['/mot-cua/so-theo-doi', `/mot-cua/so-theo-doi.pdf?${APRIL}`, `/mot-cua/so-theo-doi.xlsx?${APRIL}`]) {
      ;(await getFile(client, setting, path, setting.citizen)).assertStatus(403)
    }
    const rows = await xlsxRows(bytesOf(await getFile(client, setting, `/mot-cua/so-theo-doi.xlsx?${APRIL}`)))
    assert.notInclude(rows.flat().join('\n'), foreign.code)
    assert.include(rows.flat().join('\n'), 'Tổng số: 0 hồ sơ.')
  })
})
