/*
 * The counter's lists (OS-5.4, OS-5.5, OS-6.1, OS-6.4): dossiers waiting for the counter's
 * decision (filed on the portal, or supplemented), oldest first so nobody waits longest, and
 * dossiers waiting for the applicant's supplement with what was asked. Channels stay visible so
 * online dossiers are told apart from counter and postal ones.
 */
import { Procedure } from '#catalog/index'
import Dossier, { DOSSIER_CHANNELS, type DossierChannel } from '#intake/models/dossier'
import SupplementRequest from '#intake/counter/models/supplement_request'
import { AWAITING_INTAKE, AWAITING_SUPPLEMENT } from '#intake/counter/services/intake_decisions'

export const QUEUE_PAGE_SIZE = 50

export interface QueueFilters {
  channel: DossierChannel | ''
  /** A dossier code, or part of one. */
  code: string
}

export function queueFiltersFrom(qs: Record<string, unknown>): QueueFilters {
  const channel = typeof qs.kenh === 'string' && (DOSSIER_CHANNELS as readonly string[]).includes(qs.kenh) ? (qs.kenh as DossierChannel) : ''
  const code = typeof qs.ma === 'string' ? qs.ma.trim().slice(0, 60) : ''
  return { channel, code }
}

export function pageFrom(qs: Record<string, unknown>) {
  const page = Number(qs.page)
  return Number.isInteger(page) && page > 0 && page < 100000 ? page : 1
}

async function procedureNames(dossiers: Dossier[]) {
  const ids = [...new Set(dossiers.map((dossier) => dossier.procedureId))]
  if (!ids.length) return new Map<number, string>()
  const procedures = await Procedure.query().whereIn('id', ids).select('id', 'name')
  return new Map(procedures.map((procedure) => [Number(procedure.id), procedure.name]))
}

function filtered(statuses: readonly string[], filters: QueueFilters) {
  const query = Dossier.query().whereIn('status_code', [...statuses])
  if (filters.channel) query.where('channel', filters.channel)
  if (filters.code) query.whereILike('code', `%${filters.code.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
  return query
}

/**
 * Never accepted yet: a dossier supplemented for a later step (ST-17) returns to that step
 * through the workflow runtime, not through the counter's decision.
 */
const NEVER_ACCEPTED = `not exists (select 1 from dossier_events accepted where accepted.tenant_id = dossiers.tenant_id
  and accepted.dossier_id = dossiers.id and accepted.to_status = 'duoc_tiep_nhan')`

/** Dossiers waiting for the counter's decision, the longest-waiting first. */
export async function dossiersAwaitingIntake(filters: QueueFilters, page: number) {
  const dossiers = await filtered(AWAITING_INTAKE, filters)
    .whereRaw(NEVER_ACCEPTED)
    .orderBy('received_at', 'asc')
    .orderBy('id', 'asc')
    .paginate(page, QUEUE_PAGE_SIZE)
  return { dossiers, procedures: await procedureNames(dossiers.all()) }
}

/** Dossiers waiting for the applicant's supplement, each with its open request; the oldest request first. */
export async function dossiersAwaitingSupplement(filters: QueueFilters, page: number) {
  const dossiers = await filtered([AWAITING_SUPPLEMENT], filters)
    .orderBy('received_at', 'asc')
    .orderBy('id', 'asc')
    .paginate(page, QUEUE_PAGE_SIZE)
  const ids = dossiers.all().map((dossier) => dossier.id)
  const requests = ids.length
    ? await SupplementRequest.query().whereIn('dossier_id', ids).whereNull('fulfilled_at').orderBy('requested_at', 'desc')
    : []
  const requestOf = new Map<number, SupplementRequest>()
  for (const request of requests) if (!requestOf.has(Number(request.dossierId))) requestOf.set(Number(request.dossierId), request)
  return { dossiers, procedures: await procedureNames(dossiers.all()), requests: requestOf }
}

/** How many dossiers wait in each list, for the menu and the queue's tabs. */
export async function queueCounts() {
  const count = async (statuses: readonly string[], condition: string) => {
    const [row] = await Dossier.query().whereIn('status_code', [...statuses]).whereRaw(condition).count('* as total')
    return Number(row.$extras.total)
  }
  const awaitingIntake = await count(AWAITING_INTAKE, NEVER_ACCEPTED)
  const awaitingSupplement = await count([AWAITING_SUPPLEMENT], 'true')
  return { awaitingIntake, awaitingSupplement }
}
