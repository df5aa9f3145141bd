/*
 * PT-12.1: what anyone holding a dossier code may learn about it: the status, never personal data.
 * Only the public columns are read, so the applicant's name, identity number, phone, email and
 * address never leave the database on this path. The query runs in the request's tenant scope
 * (row-level security and the tenant-scoped adapter), so another tenant's code is simply not found,
 * by the same single query as an unknown code.
 */
import limiter from '@adonisjs/limiter/services/main'
import type { DateTime } from 'luxon'
import { Dossier, dossierStatusLabels } from '#intake/index'
import { Procedure } from '#catalog/index'

export const CODE_MAX_LENGTH = 60

export interface PublicDossierStatus {
  code: string
  procedureName: string
  receivedAt: DateTime
  statusLabel: string
  appointmentAt: DateTime | null
}

/** 30 lookups per 10 minutes per address, on top of the captcha (anti-scraping). */
export function lookupLimiter() {
  return limiter.use({ requests: 30, duration: '10 mins', blockDuration: '10 mins' })
}

/** The dossier with exactly this code in the current tenant, reduced to its public part. */
export async function findPublicDossierStatus(code: string): Promise<PublicDossierStatus | null> {
  const dossier = await Dossier.query()
    .select('id', 'code', 'procedure_id', 'status_code', 'received_at', 'appointment_at')
    .where('code', code)
    .first()
  if (!dossier) return null
  const procedure = await Procedure.query().select('id', 'name').where('id', dossier.procedureId).first()
  return {
    code: dossier.code,
    procedureName: procedure?.name ?? '',
    receivedAt: dossier.receivedAt,
    statusLabel: (await dossierStatusLabels()).get(dossier.statusCode) ?? dossier.statusCode,
    appointmentAt: dossier.appointmentAt ?? null,
  }
}
