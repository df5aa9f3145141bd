/*
 * A real SMTP server on the loopback interface for development and tests: the app sends through
 * @adonisjs/mail exactly as it would in production, and the mailbox receives, parses and keeps
 * the messages (tests read them back; `npm start` also writes them under storage/mail).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'

export interface ReceivedMail {
  to: string[]
  subject: string
  text: string
  html: string
  raw: Buffer
  parsed: ParsedMail
}

interface Waiter {
  matches: (mail: ReceivedMail) => boolean
  resolve: (mail: ReceivedMail) => void
}

export class LocalMailbox {
  readonly messages: ReceivedMail[] = []
  #waiters: Waiter[] = []
  #server?: SMTPServer

  constructor(private options: { saveTo?: string; onReceived?: (mail: ReceivedMail) => void } = {}) {}

  async start(port: number, host = '127.0.0.1') {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, done) => {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          this.#receive(Buffer.concat(chunks)).then(() => done(), done)
        })
      },
    })
    await new Promise<void>((resolve, reject) => {
      this.#server!.once('error', reject)
      this.#server!.listen(port, host, () => resolve())
    })
  }

  async stop() {
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()))
  }

  /** The first message (already received or still to come) sent to `address`. */
  waitFor(address: string, timeoutMs = 5000): Promise<ReceivedMail> {
    const matches = (mail: ReceivedMail) => mail.to.includes(address.toLowerCase())
    const received = this.messages.find(matches)
    if (received) return Promise.resolve(received)
    return new Promise((resolve, reject) => {
      const waiter = { matches, resolve }
      this.#waiters.push(waiter)
      setTimeout(() => {
        this.#waiters = this.#waiters.filter((other) => other !== waiter)
        reject(new Error(`No email reached ${address} within ${timeoutMs} ms`))
      }, timeoutMs)
    })
  }

  sentTo(address: string) {
    return this.messages.filter((mail) => mail.to.includes(address.toLowerCase()))
  }

  clear() {
    this.messages.length = 0
  }

  async #receive(raw: Buffer) {
    const parsed = await simpleParser(raw)
    const recipients = [parsed.to ?? []].flat().flatMap((group) => group.value.map((entry) => entry.address ?? ''))
    const mail: ReceivedMail = {
      to: recipients.map((address) => address.toLowerCase()),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      raw,
      parsed,
    }
    this.messages.push(mail)
    if (this.options.saveTo) {
      await mkdir(this.options.saveTo, { recursive: true })
      await writeFile(join(this.options.saveTo, `${Date.now()}-${mail.to[0] ?? 'unknown'}.eml`), raw)
    }
    this.options.onReceived?.(mail)
    for (const waiter of this.#waiters.filter((candidate) => candidate.matches(mail))) {
      waiter.resolve(mail)
    }
    this.#waiters = this.#waiters.filter((candidate) => !candidate.matches(mail))
  }
}
