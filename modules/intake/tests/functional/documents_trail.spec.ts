/*
 * OS-18.2: the trail exported as .docx, .xlsx, .odt and .pdf, each file read back with a real
 * parser: every event with its time, actor, statuses, comment and attachments, and the chain check.
 */
import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import { assertNotFoundAcrossTenants } from '#tests/helpers/cross_tenant'
import { appendEvent } from '#intake/services/trail'
import { clockAt } from '#intake/tests/helpers'
import { docxText, odtText, pdfText, xlsxRows, zipEntries } from '#intake/tests/document_readers'
import { APPLICANT, acceptedDossier, bytesOf, documentSetting, getFile, type DocumentSetting } from '#intake/tests/document_fixtures'

const FORMATS = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  pdf: 'application/pdf',
} as const

/** Intake, then an assignment and a processing note with an attachment. */
async function dossierWithTrail(setting: DocumentSetting) {
  const dossier = await acceptedDossier(setting)
  await withTenant(setting.tenant, async () => {
    await appendEvent(
      dossier,
      { action: 'assign', actorName: 'Phạm Thị Phòng', fromStatus: 'duoc_tiep_nhan', toStatus: 'dang_xu_ly', comment: 'Giao ông Lê Văn Thụ xử lý' },
      { clock: clockAt('2026-04-15T10:05:09') }
    )
    await appendEvent(
      dossier,
      {
        action: 'submit_for_approval',
        actorName: 'Lê Văn Thụ',
        comment: 'Hồ sơ đủ điều kiện; đề nghị cấp giấy khai sinh & bản sao <01>',
        attachments: [{ name: 'tờ trình số 12.pdf', sha256: 'a'.repeat(64) }],
      },
      { clock: clockAt('2026-04-16T14:30:00') }
    )
  })
  return dossier
}

async function download(client: any, setting: DocumentSetting, dossierId: number, format: keyof typeof FORMATS) {
  const response = await getFile(client, setting, `/mot-cua/ho-so/${dossierId}/nhat-ky.${format}`)
  response.assertStatus(200)
  return response
}

async function textOf(format: keyof typeof FORMATS, bytes: Buffer) {
  if (format === 'docx') return docxText(bytes).replace(/\s+/g, ' ')
  if (format === 'odt') return odtText(bytes).replace(/\s+/g, ' ')
  if (format === 'pdf') return pdfText(bytes)
  return (await xlsxRows(bytes)).map((row) => row.join(' | ')).join('\n').replace(/\s+/g, ' ')
}

test.group('OS-18.2 trail exports', () => {
  test('OS-18.2 each format holds every event with time, actor, statuses, comment, attachments and the chain check', async ({
    client,
    assert,
  }) => {
    const setting = await documentSetting()
    const dossier = await dossierWithTrail(setting)
    for (const format of Object.keys(FORMATS) as (keyof typeof FORMATS)[]) {
      const response = await download(client, setting, dossier.id, format)
      assert.equal(response.header('content-type'), FORMATS[format], format)
      assert.include(String(response.header('content-disposition')), `attachment; filename="nhat-ky-${dossier.code}.${format}"`)
      const text = await textOf(format, bytesOf(response))
      for (const expected of [
        'NHẬT KÝ XỬ LÝ HỒ SƠ',
        dossier.code,
        APPLICANT.fullName,
        'Đăng ký khai sinh',
        '15/04/2026 09:30:00',
        'Cán Bộ Thử',
        'Tiếp nhận hồ sơ',
        '15/04/2026 10:05:09',
        'Phạm Thị Phòng',
        'Phân công thụ lý',
        'Được tiếp nhận',
        'Đang xử lý',
        'Giao ông Lê Văn Thụ xử lý',
        '16/04/2026 14:30:00',
        'Trình phê duyệt',
        'Hồ sơ đủ điều kiện; đề nghị cấp giấy khai sinh & bản sao <01>',
        'tờ trình số 12.pdf',
        'Kiểm tra chuỗi băm: toàn vẹn (3 sự kiện, không phát hiện sửa đổi).',
      ]) {
        assert.include(text, expected, `${format}: ${expected}`)
      }
    }
  }).timeout(60_000)

  test('OS-18.2 the spreadsheet has one row per event under the column headings', async ({ client, assert }) => {
    const setting = await documentSetting()
    const dossier = await dossierWithTrail(setting)
    const rows = await xlsxRows(bytesOf(await download(client, setting, dossier.id, 'xlsx')))
    const head = rows.findIndex((row) => row[0] === 'STT')
    assert.deepEqual(rows[head], [
      'STT',
      'Thời gian',
      'Người thực hiện',
      'Bước xử lý',
      'Thao tác',
      'Từ trạng thái',
      'Đến trạng thái',
      'Nội dung',
      'Tệp đính kèm',
    ])
    assert.deepEqual(rows[head + 2], [
      '2',
      '15/04/2026 10:05:09',
      'Phạm Thị Phòng',
      '',
      'Phân công thụ lý',
      'Được tiếp nhận',
      'Đang xử lý',
      'Giao ông Lê Văn Thụ xử lý',
      '',
    ])
  })

  test('OS-18.2 the .odt is a valid OpenDocument package: mimetype first and uncompressed, manifest present', async ({
    client,
    assert,
  }) => {
    const setting = await documentSetting()
    const dossier = await dossierWithTrail(setting)
    const bytes = bytesOf(await download(client, setting, dossier.id, 'odt'))
    // Local file header: name at offset 30, stored (method 0) so the type reads from the first bytes.
    assert.equal(bytes.readUInt16LE(8), 0)
    assert.equal(bytes.subarray(30, 38).toString('latin1'), 'mimetype')
    assert.equal(bytes.subarray(38, 77).toString('latin1'), 'application/vnd.oasis.opendocument.text')
    assert.containsSubset(Object.keys(zipEntries(bytes)), ['content.xml', 'styles.xml', 'meta.xml', 'META-INF/manifest.xml'])
  })

  test('OS-18.1 OS-18.2 an export of a tampered trail says where the chain breaks', async ({ client, assert }) => {
    const setting = await documentSetting()
    const dossier = await dossierWithTrail(setting)
    await withTenant(setting.tenant, async ({ client: db }) => {
      await db.rawQuery('alter table dossier_events disable trigger dossier_events_append_only')
      await db.rawQuery(`update dossier_events set comment = 'Đã sửa' where dossier_id = ? and sequence = 2`, [dossier.id])
      await db.rawQuery('alter table dossier_events enable trigger dossier_events_append_only')
    })
    const text = await pdfText(bytesOf(await download(client, setting, dossier.id, 'pdf')))
    assert.include(text, 'Kiểm tra chuỗi băm: KHÔNG toàn vẹn tại sự kiện số 2: nội dung đã bị sửa sau khi ghi.')
  })

  test('OS-18.2 trail exports are for officers only and stay within the tenant', async ({ client, assert }) => {
    const setting = await documentSetting()
    const dossier = await acceptedDossier(setting)
    for (const format of Object.keys(FORMATS)) {
      const path = `/mot-cua/ho-so/${dossier.id}/nhat-ky.${format}`
      ;(await getFile(client, setting, path, setting.citizen)).assertStatus(403)
      const visitor = await getFile(client, setting, path, null)
      assert.match(String(visitor.header('location')), /^\/dang-nhap/)
      await assertNotFoundAcrossTenants(client, {
        method: 'get',
        path: (id) => `/mot-cua/ho-so/${id}/nhat-ky.${format}`,
        owner: setting.tenant,
        id: dossier.id,
      })
    }
  }).timeout(60_000)
})
