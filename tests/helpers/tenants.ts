import { randomUUID } from 'node:crypto'
import Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import Agency from '#users/models/agency'
import Department from '#users/models/department'
import User, { type OfficerRole } from '#users/models/user'

export const TEST_PASSWORD = 'Matkhau@2026'

/** A tenant of its own for one test, on a host name nobody else uses. */
export async function createTenant(overrides: Partial<Pick<Tenant, 'name' | 'kind'>> = {}) {
  const slug = randomUUID().slice(0, 8)
  return Tenant.create({
    code: `T${slug}`.toUpperCase(),
    name: overrides.name ?? `Tỉnh Thử nghiệm ${slug}`,
    kind: overrides.kind ?? 'province',
    hostNames: [`t${slug}.localhost`],
    branding: {},
    contact: {
      agencyName: `Văn phòng UBND tỉnh ${slug}`,
      personResponsible: 'Chánh Văn phòng',
      address: '1 Đường Thử, phường Trung Tâm',
      phone: '0200 000 000',
      email: `lienhe-${slug}@example.vn`,
    },
    settings: {},
  })
}

export function hostOf(tenant: Tenant) {
  return tenant.hostNames[0]
}

export async function createOfficer(tenant: Tenant, roles: OfficerRole[] = ['handler'], email?: string) {
  return withTenant(tenant, async () => {
    const agency = await Agency.firstOrCreate({ code: 'A01' }, { code: 'A01', name: 'Sở Thử nghiệm' })
    const department = await Department.create({ agencyId: agency.id, name: 'Phòng Thử nghiệm' })
    return User.create({
      kind: 'officer',
      email: email ?? `canbo-${randomUUID().slice(0, 8)}@example.vn`,
      fullName: 'Cán Bộ Thử',
      position: 'Chuyên viên',
      agencyId: agency.id,
      departmentId: department.id,
      roles,
      password: TEST_PASSWORD,
      isActive: true,
    })
  })
}

export async function createCitizen(tenant: Tenant, nationalId = randomNationalId()) {
  return withTenant(tenant, () =>
    User.create({
      kind: 'citizen',
      nationalId,
      email: `dan-${nationalId}@example.vn`,
      fullName: 'Công Dân Thử',
      phone: '0912000111',
      password: TEST_PASSWORD,
      roles: [],
      isActive: true,
    })
  )
}

export function randomNationalId() {
  return `0010${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
}
