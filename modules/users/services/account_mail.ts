/*
 * The emails an account receives. Sending never breaks the action that triggered it: when the
 * mail server is unreachable the failure is logged and the caller tells the user to ask again.
 */
import mail from '@adonisjs/mail/services/main'
import logger from '@adonisjs/core/services/logger'
import type { HttpContext } from '@adonisjs/core/http'
import { publicUrl } from '#http/public_url'
import type User from '#users/models/user'

export type AccountMailKind = 'verify_email' | 'reset_password' | 'officer_invitation'

const LINK_PATHS: Record<AccountMailKind, string> = {
  verify_email: '/xac-thuc-email/',
  reset_password: '/dat-lai-mat-khau/',
  officer_invitation: '/dat-lai-mat-khau/',
}

export async function sendAccountMail(ctx: HttpContext, kind: AccountMailKind, user: User, token: string) {
  if (!user.email) return false
  const data = {
    kind,
    user,
    tenant: ctx.tenant,
    link: publicUrl(ctx, LINK_PATHS[kind] + token),
    t: ctx.i18n.t.bind(ctx.i18n),
  }
  try {
    await mail.send((message) => {
      message
        .to(user.email!, user.fullName)
        .subject(ctx.i18n.t(`accounts.mail.${kind}.subject`, { tenant: ctx.tenant.name }))
        .htmlView('users::emails/account_mail_html', data)
        .textView('users::emails/account_mail_text', data)
    })
    return true
  } catch (error) {
    logger.error({ err: error, kind, userId: user.id }, 'Account email could not be sent')
    return false
  }
}
