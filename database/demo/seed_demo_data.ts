import { DateTime } from 'luxon'
import Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import Agency from '#users/models/agency'
import Department from '#users/models/department'
import User from '#users/models/user'
import { DEMO_PASSWORD, DEMO_TENANTS } from '#database/demo/demo_tenants'
import { ensureLegalStatuses } from '#catalog/services/statuses'
import { ensureDefaultSlipTemplates } from '#catalog/services/slip_defaults'
import { seedSharedCatalogues } from '#catalog/services/shared_catalogues'
import { seedDemoProcedures } from '#database/demo/demo_procedures'
import { seedDemoWorkflows } from '#database/demo/demo_workflows'
import { seedDemoEforms } from '#database/demo/demo_eforms'

export async function seedDemoData() {
  for (const demo of DEMO_TENANTS) {
    const tenant = await Tenant.create({
      code: demo.code,
      name: demo.name,
      kind: demo.kind,
      hostNames: demo.hostNames,
      branding: {},
      contact: demo.contact,
      settings: {},
    })
    await withTenant(tenant, async () => {
      const agency = await Agency.create({ code: demo.agency.code, name: demo.agency.name })
      const departments = new Map<string, Department>()
      for (const name of demo.departments) {
        departments.set(name, await Department.create({ agencyId: agency.id, name }))
      }
      for (const officer of demo.officers) {
        await User.create({
          kind: 'officer',
          email: officer.email,
          fullName: officer.fullName,
          position: officer.position,
          agencyId: agency.id,
          departmentId: departments.get(officer.department)!.id,
          roles: officer.roles,
          password: DEMO_PASSWORD,
          isActive: true,
          emailVerifiedAt: DateTime.now(),
        })
      }
      await User.create({
        kind: 'citizen',
        nationalId: demo.citizen.nationalId,
        fullName: demo.citizen.fullName,
        dateOfBirth: DateTime.fromISO(demo.citizen.dateOfBirth),
        phone: demo.citizen.phone,
        email: demo.citizen.email,
        password: DEMO_PASSWORD,
        roles: [],
        isActive: true,
        emailVerifiedAt: DateTime.now(),
      })
      await ensureLegalStatuses()
      await ensureDefaultSlipTemplates()
      await seedSharedCatalogues()
    })
    await seedDemoProcedures(tenant)
    await seedDemoWorkflows(tenant)
    await seedDemoEforms(tenant)
  }
}
