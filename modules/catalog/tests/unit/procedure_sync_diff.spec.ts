import { test } from '@japa/runner'
import {
  ProcedureSyncError,
  diffProcedures,
  displayLines,
  parseNationalProcedure,
  parseProceduresPage,
  type LocalProcedure,
  type NationalProcedure,
} from '#catalog/services/procedure_sync'

function national(overrides: Partial<NationalProcedure> = {}): NationalProcedure {
  return {
    code: '1.000001',
    name: 'Thủ tục đăng ký kết hôn',
    sectorCode: 'HT',
    sectorName: 'Hộ tịch',
    administrativeLevel: 'commune',
    onlineLevel: 4,
    legalDeadlineDays: 3,
    resultType: 'Giấy chứng nhận kết hôn',
    conditions: '',
    legalBasis: 'Luật Hộ tịch số 60/2014/QH13\nNghị định số 123/2015/NĐ-CP',
    applicantTypes: ['citizen'],
    components: [{ name: 'Tờ khai đăng ký kết hôn', originalCopies: 1, photocopies: 0, required: true }],
    fees: [
      { kind: 'charge', description: 'Lệ phí đăng ký kết hôn', amount: 0 },
      { kind: 'fee', description: 'Phí cấp bản sao trích lục', amount: 8000 },
    ],
    sample: false,
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    withdrawn: false,
    withdrawnAt: null,
    ...overrides,
  }
}

function local(overrides: Partial<LocalProcedure> = {}): LocalProcedure {
  const { code: _code, sample: _sample, version: _version, updatedAt: _updatedAt, withdrawn: _w, withdrawnAt: _wa, ...attributes } =
    national()
  return { ...attributes, id: 7, nationalCode: '1.000001', status: 'published', ...overrides }
}

function failureOf(work: () => unknown) {
  try {
    work()
  } catch (error) {
    return error
  }
  return null
}

/** The protocol's form of a procedure (what the stand-in sends). */
function raw(overrides: Record<string, unknown> = {}) {
  return {
    code: '1.000001',
    name: ' Thủ tục đăng ký kết hôn ',
    sector: { code: 'HT', name: 'Hộ tịch' },
    administrativeLevel: 'commune',
    onlineLevel: 4,
    legalDeadlineDays: 3,
    resultType: 'Giấy chứng nhận kết hôn',
    legalBasis: ['Luật Hộ tịch số 60/2014/QH13'],
    applicantTypes: ['citizen'],
    components: [{ name: 'Tờ khai', originalCopies: 1, photocopies: 0, required: true }],
    fees: [{ kind: 'charge', description: 'Lệ phí', amount: 0 }],
    version: 3,
    updatedAt: '2026-01-01T00:00:00.000Z',
    withdrawn: false,
    withdrawnAt: null,
    ...overrides,
  }
}

test.group('OS-1.3 difference between the national procedure database and the tenant', () => {
  test('OS-1.3 an unknown code is new, an identical one is no difference', ({ assert }) => {
    const diff = diffProcedures([national(), national({ code: '1.000009', name: 'Thủ tục mới' })], [local()])
    assert.deepEqual(
      diff.added.map((item) => [item.code, item.national.name]),
      [['1.000009', 'Thủ tục mới']]
    )
    assert.deepEqual(diff.changed, [])
    assert.deepEqual(diff.withdrawn, [])
  })

  test('OS-1.3 changes are reported field by field, before and after', ({ assert }) => {
    const diff = diffProcedures(
      [
        national({
          name: 'Thủ tục đăng ký kết hôn có yếu tố nước ngoài',
          legalDeadlineDays: 10,
          onlineLevel: 3,
          sectorCode: 'HTNN',
          sectorName: 'Hộ tịch có yếu tố nước ngoài',
          fees: [{ kind: 'charge', description: 'Lệ phí đăng ký kết hôn', amount: 1_000_000 }],
          components: [
            { name: 'Tờ khai đăng ký kết hôn', originalCopies: 1, photocopies: 1, required: true },
            { name: 'Hộ chiếu', originalCopies: 0, photocopies: 1, required: false },
          ],
          legalBasis: 'Luật Hộ tịch số 60/2014/QH13',
        }),
      ],
      [local()]
    )
    assert.lengthOf(diff.changed, 1)
    const changes = Object.fromEntries(diff.changed[0].changes.map((change) => [change.field, change]))
    assert.deepEqual(Object.keys(changes), ['name', 'sectorCode', 'onlineLevel', 'legalDeadlineDays', 'legalBasis', 'components', 'fees'])
    assert.deepEqual(changes.legalDeadlineDays, { field: 'legalDeadlineDays', before: 3, after: 10 })
    assert.deepEqual(changes.sectorCode.before, { code: 'HT', name: 'Hộ tịch' })
    assert.deepEqual(changes.sectorCode.after, { code: 'HTNN', name: 'Hộ tịch có yếu tố nước ngoài' })
    assert.equal(changes.legalBasis.after, 'Luật Hộ tịch số 60/2014/QH13')
    assert.equal(diff.changed[0].procedureId, 7)
    assert.equal(diff.changed[0].name, 'Thủ tục đăng ký kết hôn')
  })

  test('OS-1.3 fee order, blank lines, spaces and Unicode forms are not differences', ({ assert }) => {
    const mine = local({
      fees: [...national().fees].reverse(),
      legalBasis: '  Luật Hộ tịch số 60/2014/QH13  \n\nNghị định số 123/2015/NĐ-CP\n',
      name: 'Thủ tục đăng ký kết hôn'.normalize('NFD'),
      legalDeadlineDays: Number('3.0'),
    })
    assert.deepEqual(diffProcedures([national()], [mine]).changed, [])
  })

  test('OS-1.3 a withdrawn procedure is proposed only when it is still published here', ({ assert }) => {
    const withdrawn = national({ withdrawn: true, withdrawnAt: '2026-03-01T00:00:00.000Z', legalDeadlineDays: 99 })
    const published = diffProcedures([withdrawn], [local()])
    assert.deepEqual(published.withdrawn, [
      { code: '1.000001', procedureId: 7, name: 'Thủ tục đăng ký kết hôn', withdrawnAt: '2026-03-01T00:00:00.000Z' },
    ])
    assert.deepEqual(published.changed, [])
    assert.deepEqual(diffProcedures([withdrawn], [local({ status: 'draft' })]).withdrawn, [])
    // Never had it: nothing to do, and it is not proposed as new either.
    const unknown = diffProcedures([withdrawn], [])
    assert.deepEqual([unknown.added, unknown.changed, unknown.withdrawn], [[], [], []])
  })

  test('OS-1.3 procedures without a counterpart nationally are left alone', ({ assert }) => {
    const diff = diffProcedures([], [local(), local({ id: 8, nationalCode: '1.000002' })])
    assert.deepEqual([diff.added, diff.changed, diff.withdrawn], [[], [], []])
  })

  test('OS-1.3 the report shows values in words', ({ assert }) => {
    const t = (key: string, data?: Record<string, unknown>) => `${key}${data ? JSON.stringify(data) : ''}`
    const money = (amount: number) => `${amount} đ`
    assert.deepEqual(displayLines('legalDeadlineDays', 0.5, t, money), ['procedures.deadline_days{"days":"0,5"}'])
    assert.deepEqual(displayLines('legalBasis', '', t, money), ['procedure_sync.values.empty'])
    assert.deepEqual(displayLines('fees', [{ kind: 'fee', description: 'Phí', amount: 8000 }], t, money), [
      'procedure_sync.values.fee{"kind":"procedures.fee_kinds.fee","description":"Phí","amount":"8000 đ"}',
    ])
  })
})

test.group('OS-1.3 GR-6 checking the national answer', () => {
  test('OS-1.3 a good procedure is read and cleaned', ({ assert }) => {
    const procedure = parseNationalProcedure(raw({ legalBasis: ['Luật A', ' Nghị định B '], applicantTypes: ['organisation', 'citizen'] }))
    assert.equal(procedure.name, 'Thủ tục đăng ký kết hôn')
    assert.equal(procedure.sectorCode, 'HT')
    assert.equal(procedure.legalBasis, 'Luật A\nNghị định B')
    assert.deepEqual(procedure.applicantTypes, ['citizen', 'organisation'])
    assert.isFalse(procedure.sample)
  })

  test('OS-1.3 anything unexpected is a bad response', ({ assert }) => {
    const bad: Record<string, unknown>[] = [
      { code: '' },
      { code: 'x'.repeat(41) },
      { name: '' },
      { sector: null },
      { sector: { code: 'HT' } },
      { administrativeLevel: 'district' },
      { onlineLevel: 5 },
      { legalDeadlineDays: -1 },
      { legalDeadlineDays: 1.25 },
      { legalDeadlineDays: '3' },
      { legalBasis: 'Luật A' },
      { applicantTypes: ['robot'] },
      { components: [{ name: 'Tờ khai', originalCopies: -1, photocopies: 0, required: true }] },
      { components: [{ name: 'Tờ khai', originalCopies: 1, photocopies: 0 }] },
      { fees: [{ kind: 'tax', description: 'Thuế', amount: 1 }] },
      { fees: [{ kind: 'fee', description: 'Phí', amount: 1.5 }] },
      { version: 'one' },
      { updatedAt: 'yesterday' },
      { withdrawn: 'no' },
    ]
    for (const overrides of bad) {
      assert.instanceOf(failureOf(() => parseNationalProcedure(raw(overrides))), ProcedureSyncError, JSON.stringify(overrides))
    }
  })

  test('OS-1.3 a page must say which page it is and how many there are', ({ assert }) => {
    assert.equal(parseProceduresPage({ page: 2, pageCount: 3, procedures: [raw()] }, 2).procedures.length, 1)
    for (const body of [
      null,
      '<html>',
      { page: 1, pageCount: 1 },
      { page: 1, pageCount: 1, procedures: 'none' },
      { page: 2, pageCount: 3, procedures: [] },
      { page: 1, pageCount: 0, procedures: [] },
      { page: 1, pageCount: 100_000, procedures: [] },
    ]) {
      assert.instanceOf(failureOf(() => parseProceduresPage(body, 1)), ProcedureSyncError, JSON.stringify(body))
    }
  })
})
