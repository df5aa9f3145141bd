/*
 * PT-15.2 c: the counter's own address, the end of every postal leg the apply form quotes. The
 * admin keeps it in tenants.settings.counterAddress = { province, commune } (codes of the 2025
 * administrative units), next to the tenant's other settings; the portal's postage quote reads
 * that key, and without it derives the address from the tenant's name and contact address.
 */
import { administrativeUnits } from '#catalog/index'
import { requireTenantScope } from '#tenancy/tenant_context'
import { mergeTenantSettings, removeTenantSetting } from '#tenancy/tenant_settings'

const SETTINGS_KEY = 'counterAddress'

/** Unit codes: a province, and one of its communes or wards. */
export interface CounterAddress {
  province: string
  commune: string
}

/** The address the quote uses now, and where it comes from. */
export type CounterAddressInUse =
  | { source: 'stored' | 'derived'; provinceCode: string; communeCode: string | null }
  /** Neither stored nor derivable: the apply form gives no quote. */
  | { source: 'none' }

export class CounterAddressError extends Error {}

/** Whether `code` is a province of the 2025 units. */
export async function isProvince(code: string) {
  const unit = await administrativeUnits.find(code)
  return unit?.level === 'province'
}

/** Whether `commune` is a commune or ward of `province`. */
export async function isCommuneOf(province: string, commune: string) {
  const unit = await administrativeUnits.find(commune)
  return unit?.level === 'commune' && unit.parentCode === province
}

/** The stored address, read from the row (a change by another process is seen at once). */
export async function storedCounterAddress(): Promise<CounterAddress | null> {
  const { tenant, client } = requireTenantScope()
  const row = await client.from('tenants').where('id', tenant.id).select('settings').first()
  const value = row?.settings?.[SETTINGS_KEY]
  if (typeof value?.province !== 'string' || !value.province) return null
  return { province: value.province, commune: typeof value.commune === 'string' ? value.commune : '' }
}

/** Stores the address; other keys of tenants.settings are kept. */
export async function storeCounterAddress(address: CounterAddress) {
  if (!(await isCommuneOf(address.province, address.commune))) {
    throw new CounterAddressError(`Commune ${address.commune} is not in province ${address.province}`)
  }
  await mergeTenantSettings({ [SETTINGS_KEY]: { province: address.province, commune: address.commune } })
}

/** Removes the stored address, so the one derived from the tenant's name and address applies again. */
export async function clearCounterAddress() {
  await removeTenantSetting(SETTINGS_KEY)
}

const lower = (text: string) => text.normalize('NFC').toLowerCase()

/**
 * The address the portal's quote (modules/portal/apply/postage.ts, counterAddress()) uses: the
 * stored one, else the province named by the tenant (a province tenant) or in its contact
 * address, with the commune that address names (the longest name it contains).
 */
export async function counterAddressInUse(): Promise<CounterAddressInUse> {
  const stored = await storedCounterAddress()
  if (stored) return { source: 'stored', provinceCode: stored.province, communeCode: stored.commune || null }
  const { tenant } = requireTenantScope()
  const address = lower(tenant.contact?.address ?? '')
  const provinces = await administrativeUnits.provinces()
  const province =
    provinces.find((unit) => unit.name === tenant.name) ?? provinces.find((unit) => address.includes(lower(unit.name)))
  if (!province) return { source: 'none' }
  const commune = (await administrativeUnits.communesOf(province.code))
    .filter((unit) => address.includes(lower(unit.name)))
    .sort((a, b) => b.name.length - a.name.length)[0]
  return { source: 'derived', provinceCode: province.code, communeCode: commune?.code ?? null }
}
