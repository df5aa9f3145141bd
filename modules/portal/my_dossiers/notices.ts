/*
 * PT-5.1b, PT-5.2a, OL-9: on the portal, at login and on My dossiers, the applicant is shown
 * what happened to their dossiers since they last looked: the public trail events others did
 * ("Hồ sơ … đã được tiếp nhận"). Shown once, then marked seen (users.notifications_seen_at); the
 * header counts the ones not seen yet.
 */
import type { I18n } from '@adonisjs/i18n'
import type { DateTime } from 'luxon'
import { Dossier, applicantNoticesSince, countApplicantNoticesSince, dossierStatusLabels } from '#intake/index'
import type { User } from '#users/index'
import { currentTenantScope } from '#tenancy/tenant_context'

/** At most this many are shown at once (the newest); older unseen ones are marked seen with them. */
const SHOWN_AT_ONCE = 30

export interface Notice {
  dossierId: number
  code: string
  at: DateTime
  message: string
  comment: string | null
}

/** How many notices the applicant has not been shown yet (0 for officers, and outside a tenant's request). */
export function newNoticeCount(user: User | undefined | null): Promise<number> {
  if (!user?.isApplicant || !currentTenantScope()) return Promise.resolve(0)
  return countApplicantNoticesSince(user.id, user.notificationsSeenAt)
}

/** The notices not shown yet, newest first; from now on they count as seen. */
export async function takeNewNotices(user: User, i18n: I18n): Promise<Notice[]> {
  if (!user.isApplicant) return []
  const events = await applicantNoticesSince(user.id, user.notificationsSeenAt)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(SHOWN_AT_ONCE)
  if (!events.length) return []

  const dossiers = await Dossier.query().select('id', 'code').whereIn('id', [...new Set(events.map((event) => event.dossierId))])
  const codes = new Map(dossiers.map((dossier) => [dossier.id, dossier.code]))
  const labels = await dossierStatusLabels()

  user.notificationsSeenAt = events[0].occurredAt
  await user.save()

  return events.map((event) => {
    const code = codes.get(event.dossierId) ?? ''
    const specific = `my_dossiers.notices.to.${event.toStatus}`
    const message =
      event.toStatus && event.toStatus !== event.fromStatus
        ? i18n.hasMessage(specific)
          ? i18n.t(specific, { code })
          : i18n.t('my_dossiers.notices.status', { code, status: labels.get(event.toStatus) ?? event.toStatus })
        : i18n.t('my_dossiers.notices.update', { code })
    return { dossierId: event.dossierId, code, at: event.occurredAt, message, comment: event.comment }
  })
}
