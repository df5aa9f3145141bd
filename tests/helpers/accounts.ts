import type { ApiClient } from '@japa/api-client'
import { randomUUID } from 'node:crypto'
import limiter from '@adonisjs/limiter/services/main'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import User from '#users/models/user'

/** A personal identification number for someone born in `year`, issued in Hà Nội (001). */
export function nationalIdBornIn(year: number, female = false) {
  const centuryDigit = (Math.floor(year / 100) - 19) * 2 + (female ? 1 : 0)
  const serial = String(Math.floor(Math.random() * 1e6)).padStart(6, '0')
  return `001${centuryDigit}${String(year % 100).padStart(2, '0')}${serial}`
}

/** A registration form a citizen would send, correct in every field. */
export function validRegistration(overrides: Record<string, string> = {}) {
  return {
    account_kind: 'citizen',
    full_name: 'Phạm Thị Đăng Ký',
    date_of_birth: '12/05/1990',
    national_id: nationalIdBornIn(1990, true),
    phone: '0912 345 678',
    email: `dangky-${randomUUID().slice(0, 8)}@example.vn`,
    password: 'Matkhau2026',
    password_confirmation: 'Matkhau2026',
    captcha: 'k7m2p',
    ...overrides,
  }
}

/** Session contents that make `answer` the expected captcha, as if the picture had been shown. */
export function captchaSession(answer = 'k7m2p') {
  return { captcha: { answer, issuedAt: Date.now() } }
}

export function countUsers(tenant: Tenant) {
  return withTenant(tenant, async () => {
    const [row] = await User.query().count('* as total')
    return Number(row.$extras.total)
  })
}

export function findUserByEmail(tenant: Tenant, email: string) {
  return withTenant(tenant, () => User.byEmail(email))
}

/** Rate-limit counters are shared by the whole test run; tests that count failures start clean. */
export async function clearRateLimits() {
  await limiter.clear()
}

/** Sends the login form as a browser would (with its CSRF token), without following the redirect. */
export function submitLogin(
  client: ApiClient,
  host: string,
  fields: Record<string, string>,
  session?: Record<string, any>
) {
  const request = client.post('/dang-nhap').header('host', host).form(fields).withCsrfToken().redirects(0)
  return session ? request.withSession(session) : request
}
