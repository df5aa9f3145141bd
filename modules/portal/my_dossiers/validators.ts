import vine from '@vinejs/vine'

/** The list's filter from the query string: a status code and the page; anything else is ignored. */
export function myDossiersFilter(qs: Record<string, unknown>) {
  const status = typeof qs.status === 'string' && /^[a-z0-9_]{1,40}$/.test(qs.status) ? qs.status : undefined
  const page = Number(qs.page)
  return { status, page: Number.isSafeInteger(page) && page >= 1 ? page : 1 }
}

/** Every action on a dossier names the version the applicant saw (optimistic locking). */
const lockVersion = () => vine.number().withoutDecimals().min(1)

export const withdrawalValidator = vine.create(
  vine.object({
    lock_version: lockVersion(),
    reason: vine.string().trim().maxLength(500).optional(),
  })
)

export const restorationValidator = vine.create(vine.object({ lock_version: lockVersion() }))

export const supplementValidator = vine.create(
  vine.object({
    lock_version: lockVersion(),
    note: vine.string().trim().maxLength(2000).optional(),
  })
)

export const changeValidator = vine.create(vine.object({ lock_version: lockVersion() }))
