/*
 * Read service of the administrative units (OS-16): provinces, their communes and wards, and a
 * search by name that ignores case and diacritics ("ha noi", "Hà Nội", "HA NOI" all match),
 * through the immutable_unaccent() expression the trigram index is built on.
 */
import AdministrativeUnit, { type AdministrativeLevel } from '#catalog/models/administrative_unit'

export interface UnitSearch {
  /** Part of the name, with or without diacritics. */
  q?: string
  level?: AdministrativeLevel
  /** Only the communes of this province. */
  provinceCode?: string
}

/** `%term%` for LIKE, with the wildcards a person may type taken literally. */
export function containing(term: string) {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
}

function searchQuery(search: UnitSearch) {
  const query = AdministrativeUnit.query()
  const q = search.q?.trim().normalize('NFC')
  if (q) {
    query.whereRaw('lower(immutable_unaccent(name)) like lower(immutable_unaccent(?))', [containing(q)])
  }
  if (search.level) query.where('level', search.level)
  if (search.provinceCode) query.where('parent_code', search.provinceCode)
  return query.orderBy('level', 'desc').orderBy('code')
}

export const administrativeUnits = {
  /** The 34 province-level units, by statistics-office code. */
  provinces() {
    return AdministrativeUnit.query().where('level', 'province').orderBy('code')
  },

  /** The communes and wards of a province, by code. */
  communesOf(provinceCode: string) {
    return AdministrativeUnit.query().where('level', 'commune').where('parent_code', provinceCode).orderBy('code')
  },

  find(code: string) {
    return AdministrativeUnit.find(code)
  },

  /** Units whose name contains `q` (diacritics and case ignored), at most `limit` of them. */
  search(search: UnitSearch, limit = 50) {
    return searchQuery(search).limit(limit)
  },

  /** The same search, a page at a time (admin screen). */
  paginate(search: UnitSearch, page: number, perPage = 50) {
    return searchQuery(search).paginate(page, perPage)
  },

  async counts() {
    const rows = await AdministrativeUnit.query().select('level').count('* as total').groupBy('level')
    const counts = { province: 0, commune: 0 }
    for (const row of rows) counts[row.level] = Number(row.$extras.total)
    return counts
  },
}
