/*
 * NF-23: where an account is logged in. The user sessions middleware records each session's use
 * (device, address, last seen) and ends it here when it logs out; the account holder lists their
 * sessions and ends one from another. An ended session is logged out at its next request,
 * whichever session store holds it (the cookie store cannot be reached from the server).
 */
import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import string from '@adonisjs/core/helpers/string'
import { requireTenantScope } from '#tenancy/tenant_context'
import type User from '#users/models/user'
import UserSession from '#users/models/user_session'

/** A session's last-seen time is written at most this often (one write a minute, not one a request). */
const TOUCH_EVERY_SECONDS = 60

/** Sessions unused for this long are removed when the account opens a new one. */
const FORGET_AFTER_DAYS = 30

export interface SessionDevice {
  userAgent: string
  ipAddress: string
}

export function sessionDigest(sessionId: string) {
  return createHash('sha256').update(sessionId).digest('hex')
}

/** A session unused for longer than the session store keeps it is over (config/session.ts `age`). */
function idleLimitSeconds() {
  const age = app.config.get<string | number>('session.age', '2h')
  return typeof age === 'number' ? age : string.seconds.parse(age)
}

function findBySessionId(sessionId: string) {
  return UserSession.query().where('session_digest', sessionDigest(sessionId)).first()
}

/**
 * Records that `user` is using the session `sessionId` from `device`. Returns false when that
 * session was ended (logged out, or ended from another session): the caller logs it out.
 */
export async function recordSessionUse(user: User, sessionId: string, device: SessionDevice): Promise<boolean> {
  const existing = await findBySessionId(sessionId)
  if (existing) {
    if (existing.endedAt !== null || existing.userId !== user.id) return false
    const stale = existing.lastSeenAt < DateTime.now().minus({ seconds: TOUCH_EVERY_SECONDS })
    if (stale || existing.ipAddress !== device.ipAddress) {
      existing.merge({ lastSeenAt: DateTime.now(), ipAddress: device.ipAddress, userAgent: device.userAgent })
      await existing.save()
    }
    return true
  }

  // A new session: the account's sessions over for a month are forgotten (the list stays short).
  await UserSession.query()
    .where('user_id', user.id)
    .where('last_seen_at', '<', DateTime.now().minus({ days: FORGET_AFTER_DAYS }).toJSDate())
    .delete()
  // Two first requests of one session may race: the second insert is a no-op.
  const { tenant, client } = requireTenantScope()
  const now = new Date()
  await client
    .knexQuery()
    .table('user_sessions')
    .insert({
      tenant_id: tenant.id,
      user_id: user.id,
      session_digest: sessionDigest(sessionId),
      user_agent: device.userAgent.slice(0, 500),
      ip_address: device.ipAddress.slice(0, 45),
      created_at: now,
      last_seen_at: now,
    })
    .onConflict(['tenant_id', 'session_digest'])
    .ignore()
  return true
}

/** The session logged out: it no longer counts among the account's sessions. */
export async function endSession(sessionId: string) {
  await UserSession.query()
    .where('session_digest', sessionDigest(sessionId))
    .whereNull('ended_at')
    .update({ endedAt: DateTime.now().toJSDate() })
}

/** The account's sessions still open, the most recently used first. */
export function openSessionsOf(user: User) {
  return UserSession.query()
    .where('user_id', user.id)
    .whereNull('ended_at')
    .where('last_seen_at', '>', DateTime.now().minus({ seconds: idleLimitSeconds() }).toJSDate())
    .orderBy('last_seen_at', 'desc')
    .orderBy('id', 'desc')
}

export function isSessionOf(record: UserSession, sessionId: string) {
  return record.sessionDigest === sessionDigest(sessionId)
}

/** Ends one of the account's open sessions; false when it has no such open session. */
export async function endSessionOf(user: User, userSessionId: number): Promise<boolean> {
  const ended = await UserSession.query()
    .where('id', userSessionId)
    .where('user_id', user.id)
    .whereNull('ended_at')
    .update({ endedAt: DateTime.now().toJSDate() })
  return Number(Array.isArray(ended) ? ended[0] : ended) > 0
}

/** Ends every session of the account but `sessionId` (after a password change). */
export async function endOtherSessionsOf(user: User, sessionId: string) {
  await UserSession.query()
    .where('user_id', user.id)
    .whereNull('ended_at')
    .whereNot('session_digest', sessionDigest(sessionId))
    .update({ endedAt: DateTime.now().toJSDate() })
}
