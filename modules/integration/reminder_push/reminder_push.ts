/*
 * OS-22.6: reminders pushed into another internal system (the province's e-office, a document
 * management system, …). When the tenant has a push address, every new reminder becomes one
 * outbox message in the transaction that recorded it, so a rolled-back action pushes nothing;
 * the outbox delivers it signed after commit and retries a receiver that is down. The payload is
 * described in reminder_push_protocol.md beside this file.
 */
import { DateTime } from 'luxon'
import { tenantBaseUrl } from '#http/public_url'
import { requireTenantScope } from '#tenancy/tenant_context'
import { queueWebhook } from '#integration/outbox/outbox'
import OutboxMessage from '#integration/outbox/outbox_message'
import { reminderPushSetting } from '#integration/reminder_push/reminder_push_settings'

const VIETNAM_ZONE = 'Asia/Ho_Chi_Minh'

export interface ReminderPayload {
  type: 'reminder'
  id: number
  kind: string
  tenant: string
  dossier_code: string
  procedure: string
  officer: { id: number; full_name: string; email: string | null }
  step: string | null
  due_at: string | null
  created_at: string
  link: string
}

function isoTime(value: Date | null) {
  return value ? DateTime.fromJSDate(value).setZone(VIETNAM_ZONE).toISO() : null
}

/** The reminders with what a receiver needs to show them, in the order they were recorded. */
async function remindersToPush(reminderIds: number[]): Promise<ReminderPayload[]> {
  const { tenant, client } = requireTenantScope()
  const rows = await client
    .from('reminders')
    .join('dossiers', (join) => join.on('dossiers.id', 'reminders.dossier_id').andOn('dossiers.tenant_id', 'reminders.tenant_id'))
    .join('procedures', (join) => join.on('procedures.id', 'dossiers.procedure_id').andOn('procedures.tenant_id', 'dossiers.tenant_id'))
    .join('users', (join) => join.on('users.id', 'reminders.officer_id').andOn('users.tenant_id', 'reminders.tenant_id'))
    .leftJoin('dossier_steps', (join) =>
      join.on('dossier_steps.id', 'reminders.dossier_step_id').andOn('dossier_steps.tenant_id', 'reminders.tenant_id')
    )
    .where('reminders.tenant_id', tenant.id)
    .whereIn('reminders.id', reminderIds)
    .orderBy('reminders.id')
    .select(
      'reminders.id',
      'reminders.kind',
      'reminders.created_at',
      'reminders.dossier_id',
      'dossiers.code as dossier_code',
      'dossiers.appointment_at',
      'procedures.name as procedure_name',
      'users.id as officer_id',
      'users.full_name as officer_full_name',
      'users.email as officer_email',
      'dossier_steps.step_name',
      'dossier_steps.due_at as step_due_at'
    )
  const baseUrl = tenantBaseUrl(tenant)
  return rows.map((row) => ({
    type: 'reminder',
    id: row.id,
    kind: row.kind,
    tenant: tenant.code,
    dossier_code: row.dossier_code,
    procedure: row.procedure_name,
    officer: { id: row.officer_id, full_name: row.officer_full_name, email: row.officer_email },
    step: row.step_name,
    // The step's due time; the dossier's appointment date when no step (or no step limit) applies.
    due_at: isoTime(row.step_due_at ?? row.appointment_at),
    created_at: isoTime(row.created_at)!,
    link: `${baseUrl}/mot-cua/ho-so/${row.dossier_id}`,
  }))
}

/** Queues one push per reminder when the current tenant pushes its reminders; answers how many. */
export async function pushReminders(reminderIds: number[]) {
  if (reminderIds.length === 0) return 0
  const { url } = await reminderPushSetting()
  if (!url) return 0
  const payloads = await remindersToPush(reminderIds)
  for (const payload of payloads) {
    await queueWebhook({ url, label: `reminder:${payload.kind}`, body: JSON.stringify(payload) })
  }
  return payloads.length
}

/** The admin's "Gửi thử": one small signed message, delivered like a reminder. False when the push is off. */
export async function queueTestPush(at: DateTime) {
  const { tenant } = requireTenantScope()
  const { url } = await reminderPushSetting()
  if (!url) return false
  const body = { type: 'test', tenant: tenant.code, created_at: at.setZone(VIETNAM_ZONE).toISO() }
  await queueWebhook({ url, label: 'test', body: JSON.stringify(body) })
  return true
}

const KNOWN_LABELS = new Set(['reminder:new_work', 'reminder:overdue', 'test'])

/** The tenant's latest pushes, newest first, for the admin to see whether they arrive. */
export async function recentPushes(limit = 10) {
  const messages = await OutboxMessage.query().where('channel', 'webhook').orderBy('id', 'desc').limit(limit)
  return messages.map((message) => ({
    id: message.id,
    labelKey: KNOWN_LABELS.has(message.subject) ? message.subject.replace(':', '_') : 'other',
    attempts: message.attempts,
    state: message.deliveredAt ? 'delivered' : message.failedAt ? 'failed' : 'pending',
    lastError: message.lastError,
    createdAt: message.createdAt,
  }))
}
