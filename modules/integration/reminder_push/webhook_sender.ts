/*
 * OS-22.6: the outbox's sender for the `webhook` channel. It POSTs the message's JSON to its URL,
 * signed with the tenant's reminder-push secret read now (the message never holds it), and
 * throws on anything but a 2xx answer within the timeout, so the outbox retries with its backoff.
 * The protocol is in reminder_push_protocol.md beside this file.
 *
 * REMINDER_PUSH_TIMEOUT_MS (default 10 s) is read at call time, like the SMS gateway's settings.
 */
import { createHmac } from 'node:crypto'
import type OutboxMessage from '#integration/outbox/outbox_message'
import { reminderPushSecret } from '#integration/reminder_push/reminder_push_settings'

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000

export class WebhookError extends Error {
  constructor(
    public failure: 'no_secret' | 'unreachable' | 'timeout' | 'rejected',
    detail = ''
  ) {
    super(`Push not delivered: ${failure}${detail ? ` (${detail})` : ''}`)
  }
}

/** `sha256=` and the hex HMAC-SHA256 of the exact body: what the receiver recomputes. */
export function webhookSignature(body: string, secret: string) {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}

export async function sendWebhook(message: OutboxMessage): Promise<void> {
  const secret = await reminderPushSecret()
  if (!secret) throw new WebhookError('no_secret')
  const timeoutMs = Number(process.env.REMINDER_PUSH_TIMEOUT_MS) || DEFAULT_WEBHOOK_TIMEOUT_MS
  let response: Response
  try {
    response = await fetch(message.recipient, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature': webhookSignature(message.bodyText, secret),
        'x-delivery-id': String(message.id),
      },
      body: message.bodyText,
      // A redirect would turn the POST into a GET elsewhere: it counts as a refusal.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (error) {
    const name = (error as Error).name
    throw new WebhookError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unreachable', message.recipient)
  }
  // The answer's body means nothing to us; release the connection.
  await response.body?.cancel()
  if (response.status < 200 || response.status > 299) throw new WebhookError('rejected', `HTTP ${response.status}`)
}
