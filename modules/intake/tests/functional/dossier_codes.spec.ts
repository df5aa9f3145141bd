import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import Agency from '#users/models/agency'
import Dossier from '#intake/models/dossier'
import { registerDossier } from '#intake/services/register_dossier'
import { clockAt, counterIntake, intake, intakeSetting, sequenceOf, type IntakeSetting } from '#intake/tests/helpers'

async function codesOf(setting: IntakeSetting) {
  const dossiers = await withTenant(setting.tenant, () => Dossier.query().orderBy('code'))
  return dossiers.map((dossier) => dossier.code)
}

function expectedCodes(prefix: string, count: number) {
  return Array.from({ length: count }, (_, index) => `${prefix}-${String(index + 1).padStart(4, '0')}`)
}

test.group('OS-5.3 PT-4.1 dossier codes', () => {
  test('OS-5.3 PT-4.1 a dossier gets the next code of its receiving unit and day', async ({ assert }) => {
    const setting = await intakeSetting()
    const clock = clockAt('2026-04-15T09:30:00')
    const first = await intake(setting, clock)
    const second = await intake(setting, clock)
    assert.equal(first.code, '000.00.01.H22-260415-0001')
    assert.equal(second.code, '000.00.01.H22-260415-0002')
    assert.equal(first.receivedAt.toMillis(), clock().toMillis())
    assert.equal(first.lockVersion, 1)
    assert.equal(first.statusCode, 'duoc_tiep_nhan')
  })

  test('OS-5.3 200 concurrent intakes at the same second get 0001…0200: no duplicate, no gap', async ({ assert }) => {
    const setting = await intakeSetting()
    const clock = clockAt('2026-04-15T10:00:00')
    const dossiers = await Promise.all(Array.from({ length: 200 }, () => intake(setting, clock)))

    const issued = dossiers.map((dossier) => dossier.code).sort()
    assert.equal(new Set(issued).size, 200)
    assert.deepEqual(issued, expectedCodes('000.00.01.H22-260415', 200))
    assert.deepEqual(await codesOf(setting), issued)
  }).timeout(120_000)

  test('OS-5.3 intakes that roll back leave no gap among the committed ones', async ({ assert }) => {
    const setting = await intakeSetting()
    const clock = clockAt('2026-04-15T10:00:00')
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, index) =>
        withTenant(setting.tenant, async () => {
          const dossier = await registerDossier(counterIntake(setting), { clock })
          // Something later in the same intake fails (a scan that does not store, …), while
          // the unit's counter is held: everything of this intake rolls back.
          if (index % 4 === 1) {
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 3))
            throw new Error(`intake ${index} failed after ${dossier.code}`)
          }
          return dossier.code
        })
      )
    )
    const committed = outcomes.filter((outcome) => outcome.status === 'fulfilled').map((outcome) => outcome.value)
    const failed = outcomes.filter((outcome) => outcome.status === 'rejected')
    assert.lengthOf(failed, 50)
    assert.lengthOf(committed, 150)
    assert.deepEqual(committed.sort(), expectedCodes('000.00.01.H22-260415', 150))
    assert.deepEqual(await codesOf(setting), committed)

    const next = await intake(setting, clock)
    assert.equal(sequenceOf(next.code), 151)
  }).timeout(120_000)

  test('OS-5.3 the sequence restarts each day in Vietnam time', async ({ assert }) => {
    const setting = await intakeSetting()
    const late = await intake(setting, clockAt('2026-04-15T23:59:59'))
    const later = await intake(setting, clockAt('2026-04-15T23:59:59.900'))
    // 17:00 UTC is midnight in Hà Nội: a new day, a new sequence.
    const midnight = await intake(setting, clockAt('2026-04-16T00:00:00'))
    const morning = await intake(setting, clockAt('2026-04-16T08:00:00'))
    assert.deepEqual(
      [late.code, later.code, midnight.code, morning.code],
      [
        '000.00.01.H22-260415-0001',
        '000.00.01.H22-260415-0002',
        '000.00.01.H22-260416-0001',
        '000.00.01.H22-260416-0002',
      ]
    )
  })

  test('OS-5.3 each receiving unit has its own sequence; codes are unique per tenant only', async ({ assert }) => {
    const setting = await intakeSetting()
    const other = await withTenant(setting.tenant, () => Agency.create({ code: '000.00.02.H22', name: 'UBND phường' }))
    const clock = clockAt('2026-04-15T10:00:00')
    const first = await intake(setting, clock)
    const atOther = await intake(setting, clock, { receivingAgencyId: other.id })
    const second = await intake(setting, clock)
    assert.deepEqual(
      [first.code, atOther.code, second.code],
      ['000.00.01.H22-260415-0001', '000.00.02.H22-260415-0001', '000.00.01.H22-260415-0002']
    )

    const elsewhere = await intakeSetting()
    assert.equal((await intake(elsewhere, clock)).code, first.code)
    assert.deepEqual(await codesOf(elsewhere), [first.code])
  })

  test('OS-5.3 a tenant on the 2025 layout gets its pattern from its settings', async ({ assert }) => {
    const setting = await intakeSetting({ unitCode: 'H13.01', settings: { dossierCodeFormat: '{unit}-{yymmdd}-07{seq:4}' } })
    const dossier = await intake(setting, clockAt('2026-02-01T08:00:00'))
    assert.equal(dossier.code, 'H13.01-260201-070001')
  })

  test('OS-5.3 a broken pattern in the settings stops the intake instead of issuing a bad code', async ({ assert }) => {
    const setting = await intakeSetting({ settings: { dossierCodeFormat: '{unit}-{seq:4}' } })
    await assert.rejects(() => intake(setting, clockAt('2026-04-15T10:00:00')), /\{yymmdd\} is missing/)
    assert.deepEqual(await codesOf(setting), [])
  })

  test('OS-5.3 the database refuses a second dossier with the same code in a tenant', async ({ assert }) => {
    const setting = await intakeSetting()
    const first = await intake(setting, clockAt('2026-04-15T10:00:00'))
    await assert.rejects(() =>
      withTenant(setting.tenant, () =>
        Dossier.create({ ...first.$attributes, id: undefined, createdAt: undefined, updatedAt: undefined } as any)
      ), /dossiers_tenant_id_code_unique/
    )
  })

  test('OS-5.3 a dossier cannot point at another tenant\u2019s procedure (composite foreign key)', async ({ assert }) => {
    const setting = await intakeSetting()
    const other = await intakeSetting()
    await assert.rejects(
      () => intake(setting, clockAt('2026-04-15T10:00:00'), { procedureId: other.procedureId }),
      /foreign key/
    )
    assert.deepEqual(await codesOf(setting), [])
    // Nor is another tenant's dossier visible.
    const mine = await intake(setting, clockAt('2026-04-15T10:00:00'))
    assert.isNull(await withTenant(other.tenant, () => Dossier.find(mine.id)))
  })
})
