/*
 * OS-17.2 and OS-17.3: an admin deactivates or (re)activates an account, officer or applicant.
 * A deactivated account cannot log in, and an open session ends at its next request
 * (silent auth middleware).
 */
import { DateTime } from 'luxon'
import { Exception } from '@adonisjs/core/exceptions'
import type User from '#users/models/user'

/** An admin tried to deactivate their own account, which would lock them out. */
export class SelfDeactivationException extends Exception {
  static status = 422
  static code = 'E_SELF_DEACTIVATION'
}

export async function deactivateAccount(account: User, admin: User) {
  if (account.id === admin.id) throw new SelfDeactivationException('An admin cannot deactivate their own account')
  account.isActive = false
  account.deactivatedAt ??= DateTime.now()
  await account.save()
  return account
}

export async function activateAccount(account: User) {
  account.isActive = true
  account.deactivatedAt = null
  await account.save()
  return account
}
