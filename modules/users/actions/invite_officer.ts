import type { HttpContext } from '@adonisjs/core/http'
import type User from '#users/models/user'
import { invitationLifetime, issueAccountToken } from '#users/services/account_tokens'
import { sendAccountMail } from '#users/services/account_mail'

/**
 * OS-17.1: emails the officer a link to set their password, valid for 7 days; an earlier
 * invitation stops working. Answers whether the mail went out (the caller says so to the admin).
 */
export async function inviteOfficer(ctx: HttpContext, officer: User) {
  const token = await issueAccountToken(officer, 'reset_password', invitationLifetime())
  return sendAccountMail(ctx, 'officer_invitation', officer, token)
}
