/*
 * The SMS gateway client (PT-5.2, PT-12): one text to one Vietnamese mobile number through the
 * carrier's brandname API (modules/integration/sms/sms_gateway_protocol.md). It sends or throws
 * an SmsGatewayError; retrying is the outbox's job, which calls this for every queued SMS.
 *
 * Configuration, read at call time so a changed environment (or a test) takes effect at once:
 * SMS_GATEWAY_URL (default http://127.0.0.1:4547, where the stand-in listens when run on its own),
 * SMS_GATEWAY_API_KEY, SMS_GATEWAY_BRANDNAME (default DICHVUCONG), SMS_GATEWAY_TIMEOUT_MS (10 s).
 */
export const DEFAULT_SMS_GATEWAY_URL = 'http://127.0.0.1:4547'
export const DEFAULT_BRANDNAME = 'DICHVUCONG'
export const DEFAULT_TIMEOUT_MS = 10_000

export interface Sms {
  /** A Vietnamese mobile number as people write it: 0912 345 678, +84912345678, … */
  to: string
  text: string
}

export type SmsFailure = 'not_configured' | 'invalid_recipient' | 'unreachable' | 'timeout' | 'rejected' | 'bad_response'

export class SmsGatewayError extends Error {
  constructor(
    public failure: SmsFailure,
    detail = ''
  ) {
    super(`SMS not sent: ${failure}${detail ? ` (${detail})` : ''}`)
  }
}

export function smsGatewaySettings() {
  const baseUrl = (process.env.SMS_GATEWAY_URL || DEFAULT_SMS_GATEWAY_URL).trim()
  if (!/^https?:\/\/[^/]+/i.test(baseUrl)) throw new SmsGatewayError('not_configured', 'SMS_GATEWAY_URL')
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    // The stand-in takes any key; a real gateway refuses a request without the tenant's key.
    apiKey: process.env.SMS_GATEWAY_API_KEY || 'development',
    brandname: process.env.SMS_GATEWAY_BRANDNAME || DEFAULT_BRANDNAME,
    timeoutMs: Number(process.env.SMS_GATEWAY_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS,
  }
}

/** `0912 345 678` or `+84 912 345 678` → `84912345678`; null for anything that is not a mobile number. */
export function internationalMobileNumber(phone: string): string | null {
  const digits = phone.replace(/[\s.()-]/g, '').replace(/^\+84/, '0').replace(/^84(?=\d{9}$)/, '0')
  return /^0[35789]\d{8}$/.test(digits) ? `84${digits.slice(1)}` : null
}

/** Sends one SMS: resolves once the carrier has accepted it, throws SmsGatewayError otherwise. */
export async function sendSms(sms: Sms): Promise<void> {
  const settings = smsGatewaySettings()
  const phone = internationalMobileNumber(sms.to)
  if (!phone) throw new SmsGatewayError('invalid_recipient', sms.to)

  let response: Response
  try {
    response = await fetch(`${settings.baseUrl}/v1/sms/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${settings.apiKey}` },
      body: JSON.stringify({ brandname: settings.brandname, phone, message: sms.text }),
      signal: AbortSignal.timeout(settings.timeoutMs),
    })
  } catch (error) {
    const name = (error as Error).name
    throw new SmsGatewayError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unreachable', settings.baseUrl)
  }

  let body: any
  try {
    body = await response.json()
  } catch {
    throw new SmsGatewayError('bad_response', `HTTP ${response.status}, not JSON`)
  }
  if (!response.ok) {
    throw new SmsGatewayError('rejected', `HTTP ${response.status} ${body?.error?.code ?? ''}`.trim())
  }
  if (typeof body?.message_id !== 'string' || body.message_id === '') {
    throw new SmsGatewayError('bad_response', 'no message_id')
  }
}
