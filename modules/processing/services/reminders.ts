/*
 * Reminders on screen (issue 5 items 4 and 10): new work that reached an officer, and work past
 * its due time (written by the deadline sweep). Recording one twice adds nothing.
 */
import type { DateTime } from 'luxon'
import { requireTenantScope } from '#tenancy/tenant_context'
import type { User } from '#users/index'
import { pushReminders } from '#integration/index'
import Reminder, { type ReminderKind } from '#processing/models/reminder'

/** Records a reminder of `kind` for each officer (once per officer, dossier step and kind); answers how many were new. */
export async function remind(
  officerIds: number[],
  reminder: { dossierId: number; dossierStepId: number | null; kind: ReminderKind; at: DateTime }
) {
  const ids = [...new Set(officerIds.map(Number))]
  if (ids.length === 0) return 0
  const { tenant, client } = requireTenantScope()
  const rows = await client
    .insertQuery()
    .table('reminders')
    .insert(
      ids.map((officerId) => ({
        tenant_id: tenant.id,
        officer_id: officerId,
        dossier_id: reminder.dossierId,
        dossier_step_id: reminder.dossierStepId,
        kind: reminder.kind,
        created_at: reminder.at.toJSDate(),
      }))
    )
    .onConflict()
    .ignore()
    .returning('id')
  // OS-22.6: new reminders also go to the tenant's other internal system, when it has one.
  await pushReminders(rows.map((row: { id: number }) => row.id))
  return rows.length
}

export interface ReminderLine {
  id: number
  kind: ReminderKind
  createdAt: DateTime
  dossierId: number
  dossierCode: string
  procedureName: string
}

/** The officer's reminders not marked seen yet, newest first. */
export async function unseenRemindersOf(officer: User, limit = 50): Promise<ReminderLine[]> {
  const reminders = await Reminder.query()
    .where('reminders.officer_id', officer.id)
    .whereNull('reminders.seen_at')
    .join('dossiers', (join) => join.on('dossiers.id', 'reminders.dossier_id').andOn('dossiers.tenant_id', 'reminders.tenant_id'))
    .join('procedures', (join) => join.on('procedures.id', 'dossiers.procedure_id').andOn('procedures.tenant_id', 'dossiers.tenant_id'))
    .select('reminders.*', 'dossiers.code as dossier_code', 'procedures.name as procedure_name')
    .orderBy('reminders.created_at', 'desc')
    .orderBy('reminders.id', 'desc')
    .limit(limit)
  return reminders.map((reminder) => ({
    id: reminder.id,
    kind: reminder.kind,
    createdAt: reminder.createdAt,
    dossierId: reminder.dossierId,
    dossierCode: reminder.$extras.dossier_code,
    procedureName: reminder.$extras.procedure_name,
  }))
}

export async function countUnseenReminders(officer: User) {
  const [row] = await Reminder.query().where('officer_id', officer.id).whereNull('seen_at').count('* as total')
  return Number(row.$extras.total)
}

/** Marks the officer's own reminder seen; another officer's (or another tenant's) is not found. */
export async function markReminderSeen(officer: User, reminderId: number, at: DateTime) {
  const reminder = await Reminder.query().where('id', reminderId).where('officer_id', officer.id).firstOrFail()
  if (!reminder.seenAt) {
    reminder.seenAt = at
    await reminder.save()
  }
  return reminder
}

/** Marks all the officer's reminders seen. */
export async function markAllRemindersSeen(officer: User, at: DateTime) {
  await Reminder.query().where('officer_id', officer.id).whereNull('seen_at').update({ seen_at: at.toJSDate() })
}
