/*
 * Stable, readable addresses of the portal's service pages (NF-2: findable by search engines):
 * `/dich-vu-cong/<id>-<slug>`, the slug being the legal name without diacritics. The id decides
 * which service it is; a stale or wrong slug only earns a 301 to the right one.
 */
import { withoutDiacritics } from '#services/without_diacritics'

/** "Cấp giấy phép xây dựng (cấp lại)" → "cap-giay-phep-xay-dung-cap-lai", at most about 80 characters. */
export function slugOf(name: string): string {
  const plain = withoutDiacritics(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (plain.length <= 80) return plain
  const cut = plain.slice(0, 81)
  const lastDash = cut.lastIndexOf('-')
  return (lastDash > 40 ? cut.slice(0, lastDash) : cut.slice(0, 80)).replace(/-+$/, '')
}

/** The service page of a procedure. */
export function servicePath(procedure: { id: number; name: string }): string {
  const slug = slugOf(procedure.name)
  return `/dich-vu-cong/${procedure.id}${slug ? `-${slug}` : ''}`
}

/** Where the list of a sector's services lives. */
export function sectorPath(sector: { code: string }): string {
  return `/dich-vu-cong/linh-vuc/${encodeURIComponent(sector.code)}`
}

/** Where a level 3–4 service will take its online applications (the e-form comes in the next slice). */
export function applyPath(procedure: { id: number }): string {
  return `/dich-vu-cong/${procedure.id}/nop-ho-so`
}

/** The `:ref` route parameter: the id and the slug that came with it ('' when none). */
export function parseServiceRef(ref: string): { id: number; slug: string } | null {
  const match = /^(\d{1,15})(?:-([a-z0-9-]*))?$/.exec(ref)
  if (!match) return null
  const id = Number(match[1])
  if (!Number.isSafeInteger(id) || id <= 0) return null
  return { id, slug: match[2] ?? '' }
}

/** The route matcher of `:ref`, so that `/dich-vu-cong/linh-vuc/...` and other words never reach it. */
export const SERVICE_REF_PATTERN = /^\d{1,15}(-[a-z0-9-]*)?$/
