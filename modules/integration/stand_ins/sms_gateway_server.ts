/*
 * A local stand-in for the carrier's brandname SMS gateway (PT-5.2, PT-12), which cannot be
 * reached from here. It speaks the protocol of modules/integration/sms/sms_gateway_protocol.md as
 * a carrier does: API key, registered brandname, numbers as 84xxxxxxxxx, GSM 7-bit or UCS-2
 * encoding counted in parts, at most 3 parts. What it accepts is kept in `received` so tests read
 * the SMS a person would have got; `fault` makes it misbehave like a real gateway (see
 * StandInServer).
 *
 * Run it on its own with
 *   node --import=@poppinss/ts-exec modules/integration/stand_ins/sms_gateway_server.ts
 * (port from SMS_GATEWAY_PORT, default 4547, the client's default URL): each message is printed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { StandInServer, json, bearerKeyOf, jsonObjectOf } from '#integration/stand_ins/stand_in_server'

export const DEFAULT_SMS_GATEWAY_PORT = 4547
export const MAX_SEGMENTS = 3

/** The GSM 03.38 basic alphabet; the extension table's characters count twice. */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
const GSM_EXTENSION = '^{}\\[~]|€\f'

export interface ReceivedSms {
  messageId: string
  /** As sent: 84 followed by 9 digits. */
  phone: string
  brandname: string
  message: string
  encoding: 'gsm7' | 'ucs2'
  segments: number
  receivedAt: Date
}

/** How a carrier counts a text: its encoding and the number of messages it is billed as. */
export function smsSegments(message: string): { encoding: 'gsm7' | 'ucs2'; segments: number } {
  const characters = [...message]
  const gsm = characters.every((character) => GSM_BASIC.includes(character) || GSM_EXTENSION.includes(character))
  if (gsm) {
    const septets = characters.reduce((sum, character) => sum + (GSM_EXTENSION.includes(character) ? 2 : 1), 0)
    return { encoding: 'gsm7', segments: septets <= 160 ? 1 : Math.ceil(septets / 153) }
  }
  // UCS-2 counts UTF-16 code units.
  const units = message.length
  return { encoding: 'ucs2', segments: units <= 70 ? 1 : Math.ceil(units / 67) }
}

interface Waiter {
  phone: string
  resolve: (sms: ReceivedSms) => void
}

/** `0912345678`, `+84912345678` or `84912345678` → `84912345678`. */
function international(phone: string) {
  const digits = phone.replace(/[^\d]/g, '')
  return digits.startsWith('0') ? `84${digits.slice(1)}` : digits
}

export class SmsGatewayStandIn extends StandInServer {
  protected readonly badShape = { status: 'ok' }

  readonly received: ReceivedSms[] = []
  #waiters: Waiter[] = []

  /**
   * `apiKey`: the key a request must carry (any non-empty key when absent);
   * `brandnames`: the registered sender names (any when absent).
   */
  constructor(private options: { apiKey?: string; brandnames?: string[]; onReceived?: (sms: ReceivedSms) => void } = {}) {
    super()
  }

  /** Messages received for a number, in either form (0… or 84…). */
  sentTo(phone: string) {
    const wanted = international(phone)
    return this.received.filter((sms) => sms.phone === wanted)
  }

  /** The first message (already received or still to come) for `phone`. */
  waitFor(phone: string, timeoutMs = 5000): Promise<ReceivedSms> {
    const wanted = international(phone)
    const already = this.received.find((sms) => sms.phone === wanted)
    if (already) return Promise.resolve(already)
    return new Promise((resolve, reject) => {
      const waiter = { phone: wanted, resolve }
      this.#waiters.push(waiter)
      setTimeout(() => {
        this.#waiters = this.#waiters.filter((other) => other !== waiter)
        reject(new Error(`No SMS reached ${phone} within ${timeoutMs} ms`))
      }, timeoutMs)
    })
  }

  protected route(_url: URL, response: ServerResponse) {
    return json(response, 404, { error: { code: 'not_found', message: 'Unknown path' } })
  }

  protected receive(url: URL, request: IncomingMessage, body: string, response: ServerResponse) {
    if (url.pathname !== '/v1/sms/send') return json(response, 404, { error: { code: 'not_found', message: 'Unknown path' } })

    if (bearerKeyOf(request, response, this.options.apiKey) === null) return
    const payload = jsonObjectOf(body, response)
    if (!payload) return
    const { brandname, phone, message } = payload
    if (typeof brandname !== 'string' || typeof phone !== 'string' || typeof message !== 'string') {
      return json(response, 400, { error: { code: 'bad_request', message: 'brandname, phone and message are required strings' } })
    }
    if (brandname.length === 0 || brandname.length > 11 || (this.options.brandnames && !this.options.brandnames.includes(brandname))) {
      return json(response, 403, { error: { code: 'brandname_not_registered', message: `Brandname ${brandname} is not registered` } })
    }
    // Vietnamese mobile ranges: 03x, 05x, 07x, 08x, 09x.
    if (!/^84[35789]\d{8}$/.test(phone)) {
      return json(response, 400, { error: { code: 'invalid_phone', message: 'phone must be 84 followed by a 9-digit mobile number' } })
    }
    if (message.trim() === '') return json(response, 400, { error: { code: 'empty_message', message: 'message is empty' } })
    const { encoding, segments } = smsSegments(message)
    if (segments > MAX_SEGMENTS) {
      return json(response, 400, { error: { code: 'message_too_long', message: `At most ${MAX_SEGMENTS} parts` } })
    }

    const sms: ReceivedSms = { messageId: randomUUID(), phone, brandname, message, encoding, segments, receivedAt: new Date() }
    this.received.push(sms)
    this.options.onReceived?.(sms)
    for (const waiter of this.#waiters.filter((candidate) => candidate.phone === phone)) waiter.resolve(sms)
    this.#waiters = this.#waiters.filter((candidate) => candidate.phone !== phone)
    return json(response, 200, { message_id: sms.messageId, status: 'accepted', segments, encoding })
  }
}

/** Starts a stand-in on `port` (0: any free port). */
export async function startSmsGatewayServer(options: ConstructorParameters<typeof SmsGatewayStandIn>[0] & { port?: number } = {}) {
  const standIn = new SmsGatewayStandIn(options)
  await standIn.listen(options.port ?? 0)
  return standIn
}

function printReceived(sms: ReceivedSms) {
  console.log(`[sms] ${sms.brandname} → ${sms.phone}: ${sms.message}`)
}

/**
 * `npm start` on a developer machine has no carrier: unless SMS_GATEWAY_URL points elsewhere, a
 * stand-in takes the app's SMS on the client's default port and prints each one (like the local
 * mailbox for email). Null when something else already listens there.
 */
export async function startDevelopmentSmsGateway() {
  const configured = process.env.SMS_GATEWAY_URL
  if (configured && configured.replace(/\/+$/, '') !== `http://127.0.0.1:${DEFAULT_SMS_GATEWAY_PORT}`) return null
  try {
    return await startSmsGatewayServer({ port: DEFAULT_SMS_GATEWAY_PORT, onReceived: printReceived })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') return null
    throw error
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.SMS_GATEWAY_PORT ?? DEFAULT_SMS_GATEWAY_PORT)
  startSmsGatewayServer({ port, onReceived: printReceived }).then((standIn) => {
    console.log(`SMS gateway stand-in listening on ${standIn.url}`)
  })
}
