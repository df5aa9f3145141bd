/*
 * Failed logins (NF-25, SEC): after 3 failures for the same account name the login form asks
 * for a picture code; after 5 the account name is locked for 15 minutes. A per-address budget
 * stops one machine from trying many account names. Counters are shared by all app processes.
 */
import limiter from '@adonisjs/limiter/services/main'

export const FAILURES_BEFORE_CAPTCHA = 3
export const FAILURES_BEFORE_LOCK = 5
const WINDOW = '15 mins'
const ADDRESS_FAILURES_BEFORE_LOCK = 50

const byAccountName = () =>
  limiter.use({ requests: FAILURES_BEFORE_LOCK, duration: WINDOW, blockDuration: WINDOW })
const byAddress = () =>
  limiter.use({ requests: ADDRESS_FAILURES_BEFORE_LOCK, duration: WINDOW, blockDuration: WINDOW })

export interface LoginThrottleState {
  locked: boolean
  retryAfterMinutes: number
  captchaRequired: boolean
}

export class LoginThrottle {
  #accountKey: string
  #addressKey: string

  constructor(tenantId: number, accountName: string, address: string) {
    this.#accountKey = `login:${tenantId}:${accountName.trim().toLowerCase()}`
    this.#addressKey = `login-address:${address}`
  }

  async state(): Promise<LoginThrottleState> {
    const [account, address] = await Promise.all([byAccountName().get(this.#accountKey), byAddress().get(this.#addressKey)])
    const accountBlocked = await byAccountName().isBlocked(this.#accountKey)
    const addressBlocked = await byAddress().isBlocked(this.#addressKey)
    const waitSeconds = Math.max(
      accountBlocked ? await byAccountName().availableIn(this.#accountKey) : 0,
      addressBlocked ? await byAddress().availableIn(this.#addressKey) : 0
    )
    return {
      locked: accountBlocked || addressBlocked,
      retryAfterMinutes: Math.max(1, Math.ceil(waitSeconds / 60)),
      captchaRequired: (account?.consumed ?? 0) >= FAILURES_BEFORE_CAPTCHA || (address?.consumed ?? 0) >= 10,
    }
  }

  async recordFailure() {
    for (const [limit, key] of [
      [byAccountName(), this.#accountKey],
      [byAddress(), this.#addressKey],
    ] as const) {
      try {
        const response = await limit.consume(key)
        if (response.remaining === 0) await limit.block(key, WINDOW)
      } catch {
        // Already over the limit: consume() has blocked the key.
      }
    }
  }

  async recordSuccess() {
    await byAccountName().delete(this.#accountKey)
  }
}

/** Captcha-for-everyone plus a per-address budget on the registration form. */
export function registrationLimiter() {
  return limiter.use({ requests: 20, duration: '1 hour', blockDuration: '1 hour' })
}
