/*
 * OS-1.1: sectors (lĩnh vực) and procedure groups of the tenant, created and renamed by admins.
 * A sector code is unique in the tenant; the database refuses a duplicate, which the form
 * reports on the code field.
 */
import Sector from '#catalog/models/sector'
import ProcedureGroup from '#catalog/models/procedure_group'

export interface SectorDetails {
  code: string
  name: string
  position?: number
}

export async function sectorCodeTaken(code: string, exceptId: number | null = null) {
  const query = Sector.query().whereRaw('lower(code) = ?', [code.toLowerCase()])
  if (exceptId) query.whereNot('id', exceptId)
  return !!(await query.first())
}

export async function createSector(details: SectorDetails) {
  const last = await Sector.query().max('position as top').first()
  const position = details.position ?? Number(last?.$extras.top ?? 0) + 1
  return Sector.create({ code: details.code, name: details.name, position })
}

export async function updateSector(sector: Sector, details: SectorDetails) {
  sector.merge({ code: details.code, name: details.name, position: details.position ?? sector.position })
  await sector.save()
  return sector
}

export function createGroup(sector: Sector, name: string) {
  return ProcedureGroup.create({ sectorId: sector.id, name })
}

export async function updateGroup(group: ProcedureGroup, name: string) {
  group.name = name
  await group.save()
  return group
}
