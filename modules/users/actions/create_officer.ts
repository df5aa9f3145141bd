import { randomBytes } from 'node:crypto'
import type { Infer } from '@vinejs/vine/types'
import User from '#users/models/user'
import Department from '#users/models/department'
import type { officerValidator } from '#users/validators/officer_validator'

export type OfficerDetails = Infer<typeof officerValidator>

/**
 * OS-17.1: an admin adds an officer. The account is active but its password is a random
 * secret nobody knows: the officer chooses one through the invitation (see inviteOfficer).
 * The agency is the department's. Runs in the request's tenant transaction.
 */
export async function createOfficer(details: OfficerDetails) {
  const department = await Department.findOrFail(details.department_id)
  return User.create({
    kind: 'officer',
    fullName: details.full_name,
    email: details.email,
    phone: details.phone ?? null,
    position: details.position,
    agencyId: department.agencyId,
    departmentId: department.id,
    roles: details.roles,
    password: randomBytes(32).toString('base64url'),
    isActive: true,
  })
}
