import type { Infer } from '@vinejs/vine/types'
import User from '#users/models/user'
import type { registrationValidator } from '#users/validators/account_validators'

/**
 * A new citizen or organisation account, pending until its email address is verified (or an
 * admin activates it, OS-17.3).
 */
export async function registerApplicant(details: Infer<typeof registrationValidator>) {
  const isOrganisation = details.account_kind === 'organisation'
  return User.create({
    kind: details.account_kind,
    fullName: details.full_name,
    dateOfBirth: details.date_of_birth,
    nationalId: details.national_id,
    organisationName: isOrganisation ? (details.organisation_name ?? null) : null,
    taxCode: isOrganisation ? (details.tax_code ?? null) : null,
    phone: details.phone,
    email: details.email,
    password: details.password,
    roles: [],
    isActive: false,
  })
}
