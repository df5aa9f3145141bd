/*
 * `npm start` on a developer machine has no mail server: unless SMTP_HOST/SMTP_PORT point
 * elsewhere, a local mailbox takes the app's mail on 127.0.0.1:2525, saves it under storage/mail
 * and prints each message's subject and links, so password reset and verification can be tried.
 */
import { LocalMailbox } from '#app_mail/local_mailbox'

export async function startDevelopmentMailbox(storageMailFolder: string) {
  const host = process.env.SMTP_HOST
  const port = Number(process.env.SMTP_PORT)
  if (host !== '127.0.0.1' || port !== 2525) return null

  const mailbox = new LocalMailbox({
    saveTo: storageMailFolder,
    onReceived(mail) {
      const links = mail.text.match(/https?:\/\/\S+/g) ?? []
      console.log(`[thư] Tới ${mail.to.join(', ')}: ${mail.subject}${links.length ? `\n       ${links.join('\n       ')}` : ''}`)
    },
  })
  try {
    await mailbox.start(port, host)
    return mailbox
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') return null
    throw error
  }
}
