/*
 * Loads the administrative units (34 provinces, 3,314 communes and wards since 1 July 2025) from
 * database/data/administrative-units-2025.json (MIT, see LICENSE-administrative-units.txt next
 * to it) into the platform-wide administrative_units table. Idempotent: units are upserted by
 * code, so a corrected file can be loaded again by a later migration.
 */
import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

export const ADMINISTRATIVE_UNITS_FILE = 'database/data/administrative-units-2025.json'
/** Decision 19/2025/QĐ-TTg: the two-tier units are in force from this date. */
export const TWO_TIER_VALID_FROM = '2025-07-01'

interface UnitFile {
  provinces: { code: string; name: string }[]
  communes: { code: string; name: string; provinceCode: string }[]
}

export interface AdministrativeUnitRow {
  code: string
  name: string
  level: 'province' | 'commune'
  parent_code: string | null
  valid_from: string
}

/** The rows of the data file, provinces first (communes refer to them). */
export function administrativeUnitRows(data: UnitFile, validFrom = TWO_TIER_VALID_FROM): AdministrativeUnitRow[] {
  const provinces = new Set(data.provinces.map((province) => province.code))
  const rows: AdministrativeUnitRow[] = data.provinces.map((province) => ({
    code: province.code,
    name: province.name.normalize('NFC'),
    level: 'province',
    parent_code: null,
    valid_from: validFrom,
  }))
  for (const commune of data.communes) {
    if (!provinces.has(commune.provinceCode)) {
      throw new Error(`commune ${commune.code} names an unknown province ${commune.provinceCode}`)
    }
    rows.push({
      code: commune.code,
      name: commune.name.normalize('NFC'),
      level: 'commune',
      parent_code: commune.provinceCode,
      valid_from: validFrom,
    })
  }
  return rows
}

export async function loadAdministrativeUnits(client: QueryClientContract, file = ADMINISTRATIVE_UNITS_FILE) {
  const data = JSON.parse(await readFile(app.makePath(file), 'utf8')) as UnitFile
  const rows = administrativeUnitRows(data)
  const now = new Date()
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500).map((row) => ({ ...row, created_at: now, updated_at: now }))
    await client
      .knexQuery()
      .table('administrative_units')
      .insert(chunk)
      .onConflict('code')
      .merge(['name', 'level', 'parent_code', 'valid_from', 'updated_at'])
  }
  return rows.length
}
