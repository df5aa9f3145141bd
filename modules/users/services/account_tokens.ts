/*
 * One-time links for email verification and password (re)setting. The raw token only ever
 * exists in the email; the table keeps its SHA-256 digest.
 */
import { createHash, randomBytes } from 'node:crypto'
import { DateTime, type DurationLikeObject } from 'luxon'
import AccountToken, { type AccountTokenPurpose } from '#users/models/account_token'
import User from '#users/models/user'

const LIFETIMES: Record<AccountTokenPurpose | 'invitation', DurationLikeObject> = {
  verify_email: { days: 3 },
  reset_password: { hours: 1 },
  invitation: { days: 7 },
}

function digestOf(token: string) {
  return createHash('sha256').update(token).digest('hex')
}

/** Issues a fresh token; earlier unused tokens for the same purpose stop working. */
export async function issueAccountToken(user: User, purpose: AccountTokenPurpose, lifetime = LIFETIMES[purpose]) {
  await AccountToken.query().where({ userId: user.id, purpose }).whereNull('usedAt').update({ usedAt: DateTime.now().toSQL() })
  const token = randomBytes(32).toString('base64url')
  await AccountToken.create({
    userId: user.id,
    purpose,
    digest: digestOf(token),
    expiresAt: DateTime.now().plus(lifetime),
  })
  return token
}

export function invitationLifetime() {
  return LIFETIMES.invitation
}

/** The token's record when it is still usable for that purpose, without spending it. */
export async function findUsableToken(token: string, purpose: AccountTokenPurpose) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null
  const record = await AccountToken.query().where({ digest: digestOf(token), purpose }).first()
  return record?.isUsable ? record : null
}

/** Spends the token and returns its user, or null when it is unknown, used or expired. */
export async function consumeAccountToken(token: string, purpose: AccountTokenPurpose) {
  const record = await findUsableToken(token, purpose)
  if (!record) return null
  record.usedAt = DateTime.now()
  await record.save()
  return User.find(record.userId)
}
