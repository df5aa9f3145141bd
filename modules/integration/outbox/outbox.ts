/*
 * Queueing and delivering outbox messages. Queueing happens inside the caller's tenant
 * transaction; once that transaction commits, delivery is attempted at once, and a timer retries
 * what failed (backing off) until it is delivered or the attempts run out. Delivery is
 * at-least-once: a message sent just before a crash may be sent again.
 */
import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import Tenant from '#tenancy/tenant'
import { outsideTenantScope, requireTenantScope, withTenant } from '#tenancy/tenant_context'
import OutboxMessage, { type OutboxChannel } from '#integration/outbox/outbox_message'
import { sendSms } from '#integration/sms/sms_gateway'
import { sendWebhook } from '#integration/reminder_push/webhook_sender'

export interface QueuedEmail {
  to: string
  subject: string
  text: string
  html?: string | null
}

export interface QueuedSms {
  to: string
  text: string
}

/** A JSON document POSTed to another internal system (OS-22.6); `label` names it for operators. */
export interface QueuedWebhook {
  url: string
  label: string
  body: string
}

/** Sends one message or throws. */
type Sender = (message: OutboxMessage) => Promise<void>

const MAX_ATTEMPTS = 8
const BATCH_SIZE = 25
const RETRY_INTERVAL_MS = 30_000

async function sendEmail(message: OutboxMessage) {
  await mail.send((email) => {
    email.to(message.recipient).subject(message.subject).text(message.bodyText)
    if (message.bodyHtml) email.html(message.bodyHtml)
  })
}

const SENDERS: Record<OutboxChannel, Sender> = {
  email: sendEmail,
  sms: (message) => sendSms({ to: message.recipient, text: message.bodyText }),
  webhook: sendWebhook,
}

async function queue(channel: OutboxChannel, recipient: string, subject: string, text: string, html: string | null) {
  const scope = requireTenantScope()
  const message = await OutboxMessage.create({
    channel,
    recipient: recipient.trim(),
    subject,
    bodyText: text,
    bodyHtml: html,
    attempts: 0,
    nextAttemptAt: DateTime.now(),
  })
  scope.client.after('commit', () =>
    outsideTenantScope(() => {
      deliverTenantMessages(scope.tenant).catch((error) => logger.error({ err: error }, 'Outbox delivery failed'))
    })
  )
  ensureRetryTimer()
  return message
}

export function queueEmail(email: QueuedEmail) {
  return queue('email', email.to, email.subject, email.text, email.html ?? null)
}

export function queueSms(sms: QueuedSms) {
  return queue('sms', sms.to, '', sms.text, null)
}

export function queueWebhook(webhook: QueuedWebhook) {
  return queue('webhook', webhook.url, webhook.label, webhook.body, null)
}

function backoff(attempts: number) {
  return DateTime.now().plus({ minutes: Math.min(2 ** (attempts - 1), 360) })
}

/** Delivers the tenant's due messages; rows being delivered elsewhere are skipped, not waited for. */
export async function deliverTenantMessages(tenant: Tenant) {
  return withTenant(tenant, async () => {
    const due = await OutboxMessage.query()
      .whereNull('delivered_at')
      .whereNull('failed_at')
      .where('next_attempt_at', '<=', DateTime.now().toSQL()!)
      .orderBy('id')
      .limit(BATCH_SIZE)
      .forUpdate()
      .skipLocked()
    let delivered = 0
    for (const message of due) {
      message.attempts += 1
      try {
        await SENDERS[message.channel](message)
        message.deliveredAt = DateTime.now()
        message.lastError = null
        delivered += 1
      } catch (error) {
        message.lastError = error instanceof Error ? error.message : String(error)
        if (message.attempts >= MAX_ATTEMPTS) message.failedAt = DateTime.now()
        else message.nextAttemptAt = backoff(message.attempts)
        logger.warn({ err: error, outboxMessageId: message.id, attempts: message.attempts }, 'Outbox message not delivered')
      }
      await message.save()
    }
    return delivered
  })
}

/** One pass over every tenant; used by the retry timer and `node ace outbox:deliver`. */
export async function deliverDueMessages() {
  let delivered = 0
  for (const tenant of await Tenant.all()) delivered += await deliverTenantMessages(tenant)
  return delivered
}

let retryTimer: NodeJS.Timeout | null = null

function ensureRetryTimer() {
  if (retryTimer) return
  retryTimer = outsideTenantScope(() =>
    setInterval(() => {
      deliverDueMessages().catch((error) => logger.error({ err: error }, 'Outbox retry pass failed'))
    }, RETRY_INTERVAL_MS)
  )
  retryTimer.unref()
}

/** Started with the web server so messages left from a previous run are retried too. */
export function startOutboxDelivery() {
  ensureRetryTimer()
}
