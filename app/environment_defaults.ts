/*
 * Defaults that let a fresh clone run without a .env file. Anything set in the environment or
 * in .env wins. The APP_KEY is generated once per checkout and kept under storage/, so sessions
 * survive restarts; production must set APP_KEY itself.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseEnv } from 'node:util'

const projectRoot = new URL('../', import.meta.url).pathname

export function applyEnvironmentDefaults(nodeEnv: 'development' | 'test' | 'production') {
  const defaults: Record<string, string> = {
    NODE_ENV: nodeEnv,
    PORT: '3333',
    HOST: '::',
    LOG_LEVEL: nodeEnv === 'test' ? 'warn' : 'info',
    SESSION_DRIVER: 'database',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: '2525',
    MAIL_FROM_ADDRESS: 'no-reply@dichvucong.localhost',
    MAIL_FROM_NAME: 'Cổng Dịch vụ công',
  }
  const fromDotEnv = dotEnvValues()
  for (const [name, value] of Object.entries(defaults)) {
    if (!process.env[name] && !fromDotEnv[name]) process.env[name] = value
  }
  // The database is chosen before AdonisJS reads .env (app/database/provision.ts).
  if (!process.env.DATABASE_URL && fromDotEnv.DATABASE_URL) {
    process.env.DATABASE_URL = fromDotEnv.DATABASE_URL
  }
  if (!process.env.APP_KEY && !fromDotEnv.APP_KEY && process.env.NODE_ENV !== 'production') {
    process.env.APP_KEY = localAppKey()
  }
}

function dotEnvValues(): Record<string, string | undefined> {
  const file = join(projectRoot, '.env')
  return existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {}
}

function localAppKey(): string {
  const keyFile = join(projectRoot, 'storage', 'app-key')
  if (existsSync(keyFile)) return readFileSync(keyFile, 'utf8').trim()
  mkdirSync(join(projectRoot, 'storage'), { recursive: true })
  const key = randomBytes(32).toString('base64url')
  writeFileSync(keyFile, key, { mode: 0o600 })
  return key
}
