/*
 * The one write that decides who wins when two officers act on a dossier at once (issue 5 item
 * 7): an update that matches only while the dossier still has the lock version the officer's
 * page was drawn with, bumping it. The update takes the row lock, so the second officer's update
 * waits for the first transaction to end and then matches nothing. It is each action's first
 * write, so a loser has written nothing.
 */
import type { DateTime } from 'luxon'
import { requireTenantScope } from '#tenancy/tenant_context'
import type { Dossier } from '#intake/index'
import { DossierChangedError } from '#processing/services/errors'

export interface DossierChanges {
  statusCode?: string
  statusDetail?: string
  currentStepKey?: string | null
  appointmentAt?: DateTime | null
}

export async function updateDossierGuarded(dossier: Dossier, expectedLockVersion: number, changes: DossierChanges, at: DateTime) {
  const { tenant, client } = requireTenantScope()
  const columns: Record<string, unknown> = { lock_version: expectedLockVersion + 1, updated_at: at.toJSDate() }
  if (changes.statusCode !== undefined) columns.status_code = changes.statusCode
  if (changes.statusDetail !== undefined) columns.status_detail = changes.statusDetail
  if (changes.currentStepKey !== undefined) columns.current_step_key = changes.currentStepKey
  if (changes.appointmentAt !== undefined) columns.appointment_at = changes.appointmentAt?.toJSDate() ?? null
  const updated = await client
    .from('dossiers')
    .where({ tenant_id: tenant.id, id: dossier.id, lock_version: expectedLockVersion })
    .update(columns, ['id'])
  if (updated.length === 0) throw new DossierChangedError(dossier.id)
  await dossier.refresh()
  return dossier
}
