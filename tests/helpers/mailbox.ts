import { LocalMailbox } from '#app_mail/local_mailbox'

let mailbox: LocalMailbox | undefined

/** The SMTP server the app sends to during tests (SMTP_PORT, set by bin/test.ts). */
export async function testMailbox() {
  if (!mailbox) {
    mailbox = new LocalMailbox()
    await mailbox.start(Number(process.env.SMTP_PORT))
  }
  return mailbox
}

/** The first link in a received email's text that starts with `prefix`. */
export function linkIn(text: string, prefix: string) {
  const link = (text.match(/https?:\/\/\S+/g) ?? []).find((candidate) => new URL(candidate).pathname.startsWith(prefix))
  if (!link) throw new Error(`No link to ${prefix} in:\n${text}`)
  return new URL(link)
}
