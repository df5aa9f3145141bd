/*
 * OS-22.6: where the current tenant pushes its reminders, kept in tenants.settings.reminderPush
 * = { url, secret } next to the tenant's other settings. The signing secret is stored encrypted
 * with the app key, so the tenant row (loaded on every request) never carries it in clear; it is
 * decrypted only to sign a delivery. Settings are read from the row, not from the request's
 * tenant object, so a change made by another process is seen at once.
 */
import encryption from '@adonisjs/core/services/encryption'
import { requireTenantScope } from '#tenancy/tenant_context'
import { mergeTenantSettings } from '#tenancy/tenant_settings'

const SETTINGS_KEY = 'reminderPush'
const SECRET_PURPOSE = 'reminder-push-secret'

interface StoredReminderPush {
  url: string | null
  /** The secret, encrypted. */
  secret: string | null
}

/** What the admin screen and the queueing side may know: the address, and whether a secret is kept. */
export interface ReminderPushSetting {
  url: string | null
  hasSecret: boolean
}

async function stored(): Promise<StoredReminderPush> {
  const { tenant, client } = requireTenantScope()
  const row = await client.from('tenants').where('id', tenant.id).select('settings').first()
  const value = row?.settings?.[SETTINGS_KEY]
  return {
    url: typeof value?.url === 'string' && value.url !== '' ? value.url : null,
    secret: typeof value?.secret === 'string' && value.secret !== '' ? value.secret : null,
  }
}

export async function reminderPushSetting(): Promise<ReminderPushSetting> {
  const { url, secret } = await stored()
  return { url, hasSecret: secret !== null }
}

/** The secret in clear, for signing one delivery; null when none is kept (or the app key changed). */
export async function reminderPushSecret(): Promise<string | null> {
  const { secret } = await stored()
  return secret ? encryption.decrypt<string>(secret, SECRET_PURPOSE) : null
}

/**
 * Saves the address (null turns the push off) and, when given, a new secret; without one the
 * kept secret stays. Other keys of tenants.settings are kept.
 */
export async function saveReminderPushSetting(change: { url: string | null; secret: string | null }) {
  const kept = await stored()
  const value: StoredReminderPush = {
    url: change.url,
    secret: change.secret ? encryption.encrypt(change.secret, { purpose: SECRET_PURPOSE }) : kept.secret,
  }
  await mergeTenantSettings({ [SETTINGS_KEY]: value })
}
