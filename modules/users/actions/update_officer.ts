import type User from '#users/models/user'
import Department from '#users/models/department'
import type { OfficerDetails } from '#users/actions/create_officer'

/** OS-17.1: an admin corrects an officer's details, department or roles. */
export async function updateOfficer(officer: User, details: OfficerDetails) {
  const department = await Department.findOrFail(details.department_id)
  officer.merge({
    fullName: details.full_name,
    email: details.email,
    phone: details.phone ?? null,
    position: details.position,
    agencyId: department.agencyId,
    departmentId: department.id,
    roles: details.roles,
  })
  await officer.save()
  return officer
}
