/*
 * Agencies with their identifier codes (Decision 20/2020/QĐ-TTg) are a shared catalogue too
 * (OS-16). They are kept by the users module (table agencies); the catalogue screens only read
 * them, so there is one list of agencies, not two.
 */
import Agency from '#users/models/agency'
import { containing } from '#catalog/services/administrative_units'

export async function agencyCount() {
  const [row] = await Agency.query().count('* as total')
  return Number(row.$extras.total)
}

export function searchAgencies(q: string, page: number, perPage = 20) {
  const query = Agency.query()
  if (q) {
    const pattern = containing(q.normalize('NFC'))
    query.where((matching) => {
      matching
        .whereRaw('lower(immutable_unaccent(agencies.name)) like lower(immutable_unaccent(?))', [pattern])
        .orWhereRaw('lower(agencies.code) like lower(?)', [pattern])
    })
  }
  return query
    .orderBy('code')
    .paginate(page, perPage)
    .then((paginator) => paginator.baseUrl('/quan-tri/danh-muc/co-quan').queryString(q ? { q } : {}))
}
