/*
 * What a person reads in the picture code, for browser tests: the answer the server stored in
 * the visitor's session when it drew the picture (tests use the memory session store, which
 * lives in the test process). Browser tests run one at a time, so the newest answer is the one
 * on the page.
 */
import app from '@adonisjs/core/services/app'
import { configProvider } from '@adonisjs/core'
import type { Page } from 'playwright-core'

interface StoredCaptcha {
  answer: string
  issuedAt: number
}

async function sessionsInMemory(): Promise<Map<string, unknown>> {
  const config: any = await configProvider.resolve(app, app.config.get('session'))
  const store = config.stores.memory()
  return store.constructor.sessions
}

function captchaOf(value: unknown): StoredCaptcha | undefined {
  const data = typeof value === 'string' ? JSON.parse(value) : value
  const captcha = (data as any)?.captcha ?? (data as any)?.message?.captcha
  return captcha && typeof captcha.answer === 'string' ? captcha : undefined
}

export async function newestCaptchaAnswer(): Promise<string> {
  let newest: StoredCaptcha | undefined
  for (const value of (await sessionsInMemory()).values()) {
    const captcha = captchaOf(value)
    if (captcha && (!newest || captcha.issuedAt >= newest.issuedAt)) newest = captcha
  }
  if (!newest) throw new Error('No picture code has been drawn')
  return newest.answer
}

/** Waits until the page's picture code has been drawn, then types what it says. */
export async function solveCaptcha(page: Page, label = 'Mã xác nhận') {
  await page.waitForFunction(() => {
    const image = (globalThis as any).document.querySelector('img[src*="ma-xac-nhan"]')
    return image && image.complete && image.naturalWidth > 0
  }).catch(async () => {
    // Without JavaScript waitForFunction cannot run; the load event covers the image then.
    await page.waitForLoadState('load')
  })
  await page.getByLabel(label, { exact: false }).first().fill(await newestCaptchaAnswer())
}
