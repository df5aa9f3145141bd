/*
 * NF-25: a picture code against automated submissions. The answer lives in the visitor's session
 * for ten minutes and is spent by the first check, right or wrong.
 */
import svgCaptcha from 'svg-captcha'
import type { Session } from '@adonisjs/session'

const SESSION_KEY = 'captcha'
const LIFETIME_MS = 10 * 60 * 1000

interface StoredCaptcha {
  answer: string
  issuedAt: number
}

/** A new picture for this session; the previous answer stops working. */
export function issueCaptcha(session: Session) {
  const captcha = svgCaptcha.create({
    size: 5,
    ignoreChars: '0oO1iIlL',
    noise: 2,
    color: false,
    background: '#ffffff',
    width: 150,
    height: 50,
  })
  session.put(SESSION_KEY, { answer: captcha.text, issuedAt: Date.now() } satisfies StoredCaptcha)
  return captcha.data
}

/** The expected answer, removed from the session so it cannot be tried twice. */
export function takeCaptchaAnswer(session: Session): string | undefined {
  const stored = session.pull(SESSION_KEY) as StoredCaptcha | undefined
  if (!stored || Date.now() - stored.issuedAt > LIFETIME_MS) return undefined
  return stored.answer
}
