import { test } from '@japa/runner'
import { CatalogueImportError, parseCatalogueFile } from '#catalog/services/catalogue_import'
import { CatalogueSyncError, parseChangesPage } from '#catalog/services/catalogue_sync'
import { administrativeUnitRows } from '#catalog/services/administrative_unit_data'
import { LEGAL_STATUSES } from '#catalog/services/statuses'

function refusal(content: string) {
  try {
    parseCatalogueFile(content)
  } catch (error) {
    if (error instanceof CatalogueImportError) return { key: error.messageKey, data: error.data }
    throw error
  }
  return null
}

const file = (catalogues: unknown) => JSON.stringify({ format: 'dvc-shared-catalogue', version: 1, catalogues })

test.group('OS-16.2 shared catalogue file format', () => {
  test('OS-16.2 a good file is read, NFC-normalised, active by default', ({ assert }) => {
    const decomposed = 'Giấy khai sinh'.normalize('NFD')
    const [catalogue] = parseCatalogueFile(
      '\uFEFF' +
        file([
          {
            code: 'LOAI_GIAY_TO',
            name: 'Loại giấy tờ',
            kind: 'document_types',
            entries: [
              { code: 'GKS', name: ` ${decomposed} ` },
              { code: 'HC', name: 'Hộ chiếu', active: false },
            ],
          },
        ])
    )
    assert.equal(catalogue.kind, 'document_types')
    assert.deepEqual(catalogue.entries, [
      { code: 'GKS', name: 'Giấy khai sinh'.normalize('NFC'), isActive: true },
      { code: 'HC', name: 'Hộ chiếu', isActive: false },
    ])
    assert.equal(parseCatalogueFile(file([{ code: 'A', name: 'Nội bộ', entries: [] }]))[0].kind, 'internal')
  })

  test('OS-16.2 every kind of bad file is refused with a reason', ({ assert }) => {
    assert.deepEqual(refusal('nope'), { key: 'not_json', data: {} })
    assert.equal(refusal(JSON.stringify({ format: 'csv', version: 1, catalogues: [] }))?.key, 'wrong_format')
    assert.equal(refusal(JSON.stringify({ format: 'dvc-shared-catalogue', version: 2, catalogues: [] }))?.key, 'wrong_version')
    assert.equal(refusal(file([]))?.key, 'no_catalogues')
    assert.deepEqual(refusal(file([{ code: 'có dấu', name: 'X', entries: [] }])), { key: 'catalogue_code', data: { position: 1 } })
    assert.equal(refusal(file([{ code: 'A', name: 'X', kind: 'agencies', entries: [] }]))?.key, 'catalogue_kind')
    assert.equal(refusal(file([{ code: 'A', name: 'X' }]))?.key, 'entries_missing')
    assert.deepEqual(refusal(file([{ code: 'A', name: 'X', entries: [{ code: 'B', name: 'b' }, 'C'] }])), {
      key: 'entry_not_object',
      data: { code: 'A', line: 2 },
    })
    assert.equal(refusal(file([{ code: 'A', name: 'X', entries: [{ code: 'B', name: '  ' }] }]))?.key, 'entry_name')
    assert.equal(refusal(file([{ code: 'A', name: 'X', entries: [{ code: 'B', name: 'b', active: 'yes' }] }]))?.key, 'entry_active')
    assert.equal(
      refusal(file([{ code: 'A', name: 'X', entries: [] }, { code: 'A', name: 'Y', entries: [] }]))?.key,
      'catalogue_duplicate'
    )
  })
})

test.group('GR-6 national catalogue protocol answers', () => {
  const page = (overrides: Record<string, unknown> = {}) => ({
    catalogue: { code: 'LOAI_GIAY_TO', name: 'Loại giấy tờ', version: 7 },
    entries: [
      { code: 'GKS', name: 'Giấy khai sinh', version: 6, deleted: false },
      { code: 'HC', name: 'Hộ chiếu', version: 7, deleted: true },
    ],
    has_more: false,
    next_since: 7,
    ...overrides,
  })

  test('GR-6 a page of changes becomes added/changed and deactivated entries', ({ assert }) => {
    const parsed = parseChangesPage(page(), 'LOAI_GIAY_TO', 5)
    assert.deepEqual(parsed.entries, [
      { code: 'GKS', name: 'Giấy khai sinh', isActive: true, sourceVersion: 6 },
      { code: 'HC', name: 'Hộ chiếu', isActive: false, sourceVersion: 7 },
    ])
    assert.equal(parsed.version, 7)
  })

  test('GR-6 anything unexpected is a bad response', ({ assert }) => {
    const bad = [
      'html',
      null,
      page({ entries: null }),
      page({ catalogue: { code: 'KHAC', name: 'x', version: 1 } }),
      page({ has_more: 'no' }),
      page({ has_more: true, next_since: 5 }),
      page({ entries: [{ code: 'A', name: 'a', version: -1, deleted: false }] }),
      page({ entries: [{ code: '', name: 'a', version: 1, deleted: false }] }),
      page({ entries: [{ code: 'A', name: '', version: 1, deleted: false }] }),
    ]
    for (const body of bad) {
      let failure: unknown
      try {
        parseChangesPage(body, 'LOAI_GIAY_TO', 5)
      } catch (error) {
        failure = error
      }
      assert.instanceOf(failure, CatalogueSyncError, JSON.stringify(body))
      assert.equal((failure as CatalogueSyncError).failure, 'bad_response')
    }
  })
})

test.group('OS-16 administrative unit data', () => {
  test('OS-16 rows come provinces first, communes under a known province', ({ assert }) => {
    const rows = administrativeUnitRows({
      provinces: [{ code: '01', name: 'Thành phố Hà Nội' }],
      communes: [{ code: '00004', name: 'Phường Ba Đình', provinceCode: '01' }],
    })
    assert.deepEqual(rows[1], { code: '00004', name: 'Phường Ba Đình', level: 'commune', parent_code: '01', valid_from: '2025-07-01' })
    assert.throws(() =>
      administrativeUnitRows({ provinces: [], communes: [{ code: '00004', name: 'X', provinceCode: '99' }] })
    )
  })
})

test.group('ST legal status list', () => {
  test('ST the legal statuses have distinct stable codes and national codes', ({ assert }) => {
    assert.lengthOf(LEGAL_STATUSES, 10)
    assert.lengthOf(new Set(LEGAL_STATUSES.map((status) => status.code)), 10)
    const nationalCodes = LEGAL_STATUSES.map((status) => status.nationalCode).filter(Boolean)
    assert.lengthOf(new Set(nationalCodes), nationalCodes.length)
    for (const status of LEGAL_STATUSES) assert.match(status.code, /^[a-z][a-z0-9_]+$/)
  })
})
