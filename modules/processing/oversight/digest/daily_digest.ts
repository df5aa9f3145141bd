/*
 * OS-22.5: the daily email digest. Every active officer with an email address gets, once a day,
 * their unseen reminders (new work, overdue work) and the non-zero counts of their desk, each
 * with a link to its list; an officer with nothing to report gets nothing. The emails go through
 * the outbox in the tenant's transaction, with the (tenant, day) row of digest_runs that keeps a
 * second run of the same day from sending again.
 */
import edge from 'edge.js'
import i18nManager from '@adonisjs/i18n/services/main'
import { tenantBaseUrl } from '#http/public_url'
import { requireTenantScope } from '#tenancy/tenant_context'
import { User } from '#users/index'
import { queueEmail } from '#integration/index'
import { countUnseenReminders, unseenRemindersOf } from '#processing/index'
import { deskDashboard, type DashboardSection } from '#processing/oversight/dashboards/desk_dashboard'
import { systemClock, type Clock } from '#processing/oversight/clock'
import { formatDate, VIETNAM_ZONE } from '#services/vietnamese_format'

/** Reminders listed in one digest; the rest are counted. */
export const DIGEST_REMINDERS = 30

export interface DigestSummary {
  /** The day (Vietnam's time, yyyy-MM-dd) the digest is for. */
  day: string
  /** False when this tenant's digest of the day had already been sent. */
  sent: boolean
  recipients: number
}

/** The desk's counts worth a line: the non-zero ones of every section, tables left to the desk. */
function countsToReport(sections: DashboardSection[]) {
  return sections
    .map((section) => ({ role: section.role, counts: section.counts.filter((count) => count.count > 0) }))
    .filter((section) => section.counts.length > 0)
}

/** The digest of one officer, or null when there is nothing to tell them. */
async function officerDigest(officer: User, clock: Clock) {
  const unseen = await countUnseenReminders(officer)
  const sections = countsToReport(await deskDashboard(officer, { clock }))
  if (unseen === 0 && sections.length === 0) return null
  const reminders = await unseenRemindersOf(officer, DIGEST_REMINDERS)
  return {
    unseen,
    newWork: reminders.filter((reminder) => reminder.kind === 'new_work'),
    overdue: reminders.filter((reminder) => reminder.kind === 'overdue'),
    sections,
  }
}

/** Sends the current tenant's digest for the clock's day, unless it was sent already. */
export async function sendDailyDigest(options: { clock?: Clock } = {}): Promise<DigestSummary> {
  const { tenant, client } = requireTenantScope()
  const now = (options.clock ?? systemClock)()
  const day = now.setZone(VIETNAM_ZONE).toISODate()!
  const claimed = await client
    .insertQuery()
    .table('digest_runs')
    .insert({ tenant_id: tenant.id, day, sent_at: now.toJSDate(), recipients: 0 })
    .onConflict(['tenant_id', 'day'])
    .ignore()
    .returning('day')
  if (claimed.length === 0) return { day, sent: false, recipients: 0 }

  const i18n = i18nManager.locale('vi')
  const t = i18n.t.bind(i18n)
  const baseUrl = tenantBaseUrl(tenant)
  const officers = await User.query().where('kind', 'officer').where('is_active', true).whereNotNull('email').orderBy('id')
  let recipients = 0
  for (const officer of officers) {
    const digest = await officerDigest(officer, () => now)
    if (!digest) continue
    const data = { t, officer, tenant, baseUrl, date: formatDate(now), ...digest }
    await queueEmail({
      to: officer.email!,
      subject: t('oversight.digest.subject', { date: formatDate(now), unseen: digest.unseen }),
      text: await edge.render('processing::oversight/emails/digest_text', data),
      html: await edge.render('processing::oversight/emails/digest_html', data),
    })
    recipients++
  }
  await client.from('digest_runs').where({ tenant_id: tenant.id, day }).update({ recipients })
  return { day, sent: true, recipients }
}
