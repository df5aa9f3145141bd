/*
 * The current password, asked before a password or email change: someone at an unlocked
 * computer cannot take the account over. Wrong answers are counted per account (5 per 15
 * minutes), so the check cannot be used to guess the password.
 */
import limiter from '@adonisjs/limiter/services/main'
import type { User } from '#users/index'

export type PasswordCheck = 'right' | 'wrong' | 'too_many'

function wrongAnswers() {
  return limiter.use({ requests: 5, duration: '15 mins', blockDuration: '15 mins' })
}

export async function checkCurrentPassword(user: User, given: string | undefined): Promise<PasswordCheck> {
  const key = `current-password:${user.id}`
  const attempts = wrongAnswers()
  if ((await attempts.remaining(key)) <= 0) return 'too_many'
  if (given && (await user.verifyPassword(given))) {
    await attempts.delete(key)
    return 'right'
  }
  await attempts.increment(key)
  return 'wrong'
}
