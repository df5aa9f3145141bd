import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import Agency from '#users/models/agency'
import Procedure from '#catalog/models/procedure'
import Sector from '#catalog/models/sector'
import ProcedureComponent from '#catalog/models/procedure_component'
import { demoSectorsFor, generateProcedures, seedDemoProcedures } from '#database/demo/demo_procedures'
import { listPublishedProcedures, sectorsWithPublishedCounts } from '#catalog/services/procedure_catalogue'
import { NATIONAL_CODE_PATTERN } from '#catalog/validators/procedure_validator'
import { createTenant } from '#tests/helpers/tenants'

test.group('Issue 3 demo data: procedures', () => {
  test('demo sets: at least 40 procedures across at least 8 sectors, province and ministry', ({ assert }) => {
    for (const kind of ['province', 'ministry'] as const) {
      const sectors = demoSectorsFor(kind)
      const procedures = sectors.flatMap((sector) => sector.procedures)
      assert.isAtLeast(sectors.length, 8, `${kind} sectors`)
      assert.isAtLeast(procedures.length, 40, `${kind} procedures`)
      assert.equal(new Set(procedures.map((p) => p.name)).size, procedures.length, `${kind} names are unique`)
      for (const procedure of procedures) {
        assert.isAbove(procedure.days, 0, procedure.name)
        assert.isAbove(procedure.components.length, 0, procedure.name)
      }
    }
    const province = demoSectorsFor('province').map((sector) => sector.name)
    for (const name of ['Hộ tịch', 'Lý lịch tư pháp', 'Xây dựng', 'Đất đai', 'Đăng ký kinh doanh', 'Giao thông vận tải', 'Giáo dục và Đào tạo', 'Y tế']) {
      assert.include(province, name)
    }
    assert.isTrue(demoSectorsFor('ministry').every((sector) => sector.at === 'central'))
  })

  test('OL-6 a province gets its demo catalogue: legal deadlines, fees, sample codes', async ({ assert }) => {
    const tenant = await createTenant()
    await withTenant(tenant, () => Agency.create({ code: 'H99.01', name: 'Sở Tư pháp' }))
    const result = await seedDemoProcedures(tenant)
    assert.isAtLeast(result.procedures, 40)
    assert.isAtLeast(result.sectors, 8)

    await withTenant(tenant, async () => {
      const procedures = await Procedure.query().preload('fees').preload('components').preload('agencies')
      assert.isAtLeast(procedures.length, 40)
      assert.isAtLeast(new Set(procedures.map((p) => p.sectorId)).size, 8)
      assert.isTrue(procedures.every((p) => p.isSampleCode && NATIONAL_CODE_PATTERN.test(p.nationalCode ?? '')))
      assert.isTrue(procedures.every((p) => p.components.length > 0 && p.agencies.length === 1))

      const birth = procedures.find((p) => p.name === 'Thủ tục đăng ký khai sinh')!
      assert.equal(birth.legalDeadlineDays, 0.5)
      assert.equal(birth.administrativeLevel, 'commune')
      const record = procedures.find((p) => p.name.startsWith('Cấp Phiếu lý lịch tư pháp cho công dân'))!
      assert.equal(record.legalDeadlineDays, 10)
      assert.equal(Number(record.fees[0].amount), 200000)
      const permit = procedures.find((p) => p.name === 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ')!
      assert.equal(permit.legalDeadlineDays, 15)
      assert.include(permit.legalBasis, 'Luật Xây dựng số 50/2014/QH13')

      const published = await listPublishedProcedures({ q: 'ho tich' })
      assert.isAbove(published.total, 0)
      const counts = await sectorsWithPublishedCounts()
      assert.isAtLeast(counts.filter((sector) => sector.publishedCount > 0).length, 8)
    })
  })

  test('OL-6 a ministry gets central-level procedures of its field', async ({ assert }) => {
    const tenant = await createTenant({ kind: 'ministry', name: 'Bộ Thử nghiệm' })
    await seedDemoProcedures(tenant)
    await withTenant(tenant, async () => {
      const procedures = await Procedure.all()
      assert.isAtLeast(procedures.length, 40)
      assert.isTrue(procedures.every((p) => p.administrativeLevel === 'central'))
      assert.isAtLeast((await Sector.all()).length, 8)
      assert.isTrue(procedures.some((p) => p.name === 'Cấp Chứng chỉ hành nghề luật sư'))
    })
  })

  test('the load-test generator creates N procedures with components in the tenant', async ({ assert }) => {
    const tenant = await createTenant()
    const created = await withTenant(tenant, () => generateProcedures(120, { seed: 7, batchSize: 50 }))
    assert.equal(created, 120)
    await withTenant(tenant, async () => {
      const [{ $extras }] = await Procedure.query().count('* as total')
      assert.equal(Number($extras.total), 120)
      const [components] = await ProcedureComponent.query().count('* as total')
      assert.equal(Number(components.$extras.total), 360)
      const page = await listPublishedProcedures({ q: 'du lieu tai thu', perPage: 10 })
      assert.isAbove(page.total, 50)
    })
    const other = await createTenant()
    assert.equal(await withTenant(other, async () => (await Procedure.all()).length), 0)
  })
})
