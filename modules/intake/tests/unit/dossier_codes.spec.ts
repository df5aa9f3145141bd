import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import {
  DOSSIER_CODE_FORMAT_2018,
  dossierCodeDay,
  dossierCodeFormat2025,
  dossierCodeFormatError,
  formatDossierCode,
} from '#intake/services/dossier_codes'

const vietnam = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Ho_Chi_Minh' })

test.group('OS-5.3 PT-4.1 dossier code layout', () => {
  test('OS-5.3 the 2018 layout: unit code, yymmdd, 4-digit sequence (Circular 01/2018 Art. 19)', ({ assert }) => {
    const code = formatDossierCode(DOSSIER_CODE_FORMAT_2018, {
      unitCode: '000.00.01.H22',
      at: vietnam('2026-04-15T10:00:00'),
      sequence: 1,
    })
    assert.equal(code, '000.00.01.H22-260415-0001')
  })

  test('OS-5.3 the date is the day in Asia/Ho_Chi_Minh, whatever the zone of the moment', ({ assert }) => {
    // 17:30 UTC on the 15th is 00:30 on the 16th in Vietnam.
    const at = DateTime.fromISO('2026-04-15T17:30:00Z', { zone: 'utc' })
    assert.equal(dossierCodeDay(at), '2026-04-16')
    assert.equal(formatDossierCode(DOSSIER_CODE_FORMAT_2018, { unitCode: 'H26', at, sequence: 7 }), 'H26-260416-0007')
    assert.equal(dossierCodeDay(DateTime.fromISO('2026-04-15T16:59:59Z', { zone: 'utc' })), '2026-04-15')
  })

  test('OS-5.3 the 2025 layout: system owner digits before a sequence of at least 4 digits', ({ assert }) => {
    const pattern = dossierCodeFormat2025('07')
    assert.equal(pattern, '{unit}-{yymmdd}-07{seq:4}')
    const at = vietnam('2026-02-01T08:00:00')
    assert.equal(formatDossierCode(pattern, { unitCode: 'H13.01.02', at, sequence: 42 }), 'H13.01.02-260201-070042')
    assert.equal(formatDossierCode(pattern, { unitCode: 'H13.01.02', at, sequence: 12345 }), 'H13.01.02-260201-0712345')
  })

  test('OS-5.3 a sequence past 9999 grows a digit rather than wrapping', ({ assert }) => {
    const code = formatDossierCode(DOSSIER_CODE_FORMAT_2018, { unitCode: 'H26', at: vietnam('2026-04-15T10:00'), sequence: 10000 })
    assert.equal(code, 'H26-260415-10000')
  })

  test('OS-5.3 a pattern without unit, date or sequence, or with other characters, is refused', ({ assert }) => {
    assert.isNull(dossierCodeFormatError(DOSSIER_CODE_FORMAT_2018))
    assert.isNull(dossierCodeFormatError('{unit}.{yymmdd}.{seq:6}'))
    assert.match(dossierCodeFormatError('{unit}-{seq:4}')!, /\{yymmdd\} is missing/)
    assert.match(dossierCodeFormatError('{yymmdd}-{seq:4}')!, /\{unit\} is missing/)
    assert.match(dossierCodeFormatError('{unit}-{yymmdd}')!, /\{seq\} is missing/)
    assert.match(dossierCodeFormatError('{unit}_{yymmdd}-{seq}')!, /may only hold/)
    assert.match(dossierCodeFormatError('{unit}-{yymmdd}-{seq:0}')!, /width/)
    assert.match(dossierCodeFormatError('{unit}-{unit}-{yymmdd}-{seq}')!, /twice/)
  })

  test('OS-5.3 a unit code outside Decision 20/2020 characters is refused', ({ assert }) => {
    const at = vietnam('2026-04-15T10:00')
    assert.throws(() => formatDossierCode(DOSSIER_CODE_FORMAT_2018, { unitCode: 'h26', at, sequence: 1 }), /Decision 20\/2020/)
    assert.throws(() => formatDossierCode(DOSSIER_CODE_FORMAT_2018, { unitCode: 'H26..01', at, sequence: 1 }), /Decision 20\/2020/)
    assert.throws(
      () => formatDossierCode(DOSSIER_CODE_FORMAT_2018, { unitCode: 'H'.repeat(36), at, sequence: 1 }),
      /Decision 20\/2020/
    )
  })
})
