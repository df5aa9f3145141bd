/*
 * The trail of a dossier (OS-18.1): every action, time-stamped, append-only and hash-chained.
 *
 * Each event's hash is SHA-256 over the canonical JSON (keys sorted, no spaces) of its fields and
 * the previous event's hash; the dossier row carries the chain's head (trail_length,
 * trail_head_hash). appendEvent() takes a row lock on the dossier, so two actions on one dossier
 * get consecutive sequences and chain onto each other, never onto the same predecessor.
 * The database refuses UPDATE, DELETE and TRUNCATE on dossier_events; verifyTrail() catches what
 * someone with more rights than the app (a superuser) may still have done.
 */
import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import { Exception } from '@adonisjs/core/exceptions'
import { requireTenantScope } from '#tenancy/tenant_context'
import type Dossier from '#intake/models/dossier'
import DossierEvent, { type JsonValue, type TrailAttachment } from '#intake/models/dossier_event'
import { systemClock, type Clock } from '#intake/services/clock'

export interface TrailActor {
  id: number
  fullName: string
}

export interface TrailEventInput {
  /** Stable snake_case code of what happened: receive, submit, assign, request_supplement, … */
  action: string
  /** The officer or applicant who acted; null or absent for the system. */
  actor?: TrailActor | null
  /** Name to record when there is no actor account (e.g. "Hệ thống"); defaults to the actor's name. */
  actorName?: string | null
  stepKey?: string | null
  fromStatus?: string | null
  toStatus?: string | null
  comment?: string | null
  attachments?: TrailAttachment[]
  /** Shown to the applicant (true) or internal to the officers (false, the default). */
  public?: boolean
  /** Defaults to the clock's now. */
  occurredAt?: DateTime
}

/** The fields a hash covers, in the form they are stored and read back. */
export interface ChainedFields {
  tenantId: number
  dossierId: number
  sequence: number
  /** ISO 8601 in UTC with milliseconds. */
  occurredAt: string
  actorId: number | null
  actorName: string | null
  stepKey: string | null
  action: string
  fromStatus: string | null
  toStatus: string | null
  comment: string | null
  attachments: JsonValue
  public: boolean
  previousHash: string | null
}

export class TrailNotFoundException extends Exception {
  static status = 404
  static code = 'E_DOSSIER_NOT_FOUND'
}

/** JSON with object keys sorted at every level and no insignificant whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
}

export function hashEvent(fields: ChainedFields): string {
  return createHash('sha256').update(canonicalJson(fields), 'utf8').digest('hex')
}

function toIso(moment: Date | DateTime | string): string {
  if (moment instanceof DateTime) return moment.toUTC().toISO()!
  return new Date(moment).toISOString()
}

function text(value: string | null | undefined): string | null {
  return value === undefined || value === null ? null : value.normalize('NFC')
}

/**
 * Appends one event to the dossier's trail, in the current tenant's transaction. The dossier's
 * row is locked until that transaction ends.
 */
export async function appendEvent(
  dossier: Dossier | number,
  event: TrailEventInput,
  options: { clock?: Clock } = {}
): Promise<DossierEvent> {
  const { tenant, client } = requireTenantScope()
  const dossierId = typeof dossier === 'number' ? dossier : dossier.id
  const head = await client
    .from('dossiers')
    .where({ tenant_id: tenant.id, id: dossierId })
    .forUpdate()
    .select('trail_length', 'trail_head_hash')
    .first()
  if (!head) throw new TrailNotFoundException(`Dossier ${dossierId} does not exist`)

  const occurredAt = (event.occurredAt ?? (options.clock ?? systemClock)()).toUTC()
  const fields: ChainedFields = {
    tenantId: tenant.id,
    dossierId,
    sequence: Number(head.trail_length) + 1,
    occurredAt: toIso(occurredAt),
    actorId: event.actor?.id ?? null,
    actorName: text(event.actorName ?? event.actor?.fullName),
    stepKey: event.stepKey ?? null,
    action: event.action,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    comment: text(event.comment),
    // As it will read back from jsonb: undefined dropped, dates as strings, …
    attachments: JSON.parse(JSON.stringify(event.attachments ?? [])),
    public: event.public ?? false,
    previousHash: head.trail_head_hash ?? null,
  }
  const hash = hashEvent(fields)

  const [row] = await client
    .insertQuery()
    .table('dossier_events')
    .insert({
      tenant_id: fields.tenantId,
      dossier_id: fields.dossierId,
      sequence: fields.sequence,
      occurred_at: occurredAt.toJSDate(),
      actor_id: fields.actorId,
      actor_name: fields.actorName,
      step_key: fields.stepKey,
      action: fields.action,
      from_status: fields.fromStatus,
      to_status: fields.toStatus,
      comment: fields.comment,
      attachments: JSON.stringify(fields.attachments),
      public: fields.public,
      previous_hash: fields.previousHash,
      hash,
    })
    .returning('*')
  await client
    .from('dossiers')
    .where({ tenant_id: tenant.id, id: dossierId })
    .update({ trail_length: fields.sequence, trail_head_hash: hash })

  if (typeof dossier !== 'number') {
    // Keep the caller's instance in step without marking the columns dirty.
    for (const [key, value] of [
      ['trailLength', fields.sequence],
      ['trailHeadHash', hash],
    ] as const) {
      dossier.$attributes[key] = value
      dossier.$original[key] = value
    }
  }
  const model = DossierEvent.$createFromAdapterResult(row, {}, { client })
  return model!
}

export type TrailBreakReason = 'sequence' | 'previous_hash' | 'hash' | 'head'

/** The first place a dossier's chain does not hold. */
export interface TrailBreak {
  dossierId: number
  dossierCode: string
  /** The event at fault (absent when the head on the dossier row is what does not match). */
  eventId?: number
  sequence: number
  reason: TrailBreakReason
  message: string
}

export interface TrailCheck {
  dossierId: number
  dossierCode: string
  events: number
  broken: TrailBreak | null
}

interface HeadRow {
  id: number
  code: string
  trail_length: number
  trail_head_hash: string | null
}

function fieldsOf(row: Record<string, any>): ChainedFields {
  return {
    tenantId: Number(row.tenant_id),
    dossierId: Number(row.dossier_id),
    sequence: Number(row.sequence),
    occurredAt: toIso(row.occurred_at),
    actorId: row.actor_id === null ? null : Number(row.actor_id),
    actorName: row.actor_name,
    stepKey: row.step_key,
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    comment: row.comment,
    attachments: row.attachments,
    public: row.public,
    previousHash: row.previous_hash,
  }
}

function checkChain(head: HeadRow, rows: Record<string, any>[]): TrailCheck {
  const result = (broken: TrailBreak | null): TrailCheck => ({
    dossierId: head.id,
    dossierCode: head.code,
    events: rows.length,
    broken,
  })
  const at = (row: Record<string, any>, reason: TrailBreakReason, message: string): TrailBreak => ({
    dossierId: head.id,
    dossierCode: head.code,
    eventId: Number(row.id),
    sequence: Number(row.sequence),
    reason,
    message: `Dossier ${head.code}, event ${row.id} (#${row.sequence}, ${row.action}): ${message}`,
  })

  let previousHash: string | null = null
  for (const [index, row] of rows.entries()) {
    if (Number(row.sequence) !== index + 1) {
      return result(at(row, 'sequence', `expected sequence ${index + 1}; an event before it is missing`))
    }
    if ((row.previous_hash ?? null) !== previousHash) {
      return result(at(row, 'previous_hash', 'does not chain onto the event before it'))
    }
    if (hashEvent(fieldsOf(row)) !== row.hash) {
      return result(at(row, 'hash', 'its content does not match its hash (the row was changed)'))
    }
    previousHash = row.hash
  }
  if (Number(head.trail_length) !== rows.length || (head.trail_head_hash ?? null) !== previousHash) {
    return result({
      dossierId: head.id,
      dossierCode: head.code,
      sequence: Number(head.trail_length),
      reason: 'head',
      message:
        `Dossier ${head.code}: the dossier records ${head.trail_length} event(s) ending in ` +
        `${head.trail_head_hash ?? 'nothing'}, the trail holds ${rows.length} ending in ${previousHash ?? 'nothing'}`,
    })
  }
  return result(null)
}

/** Checks one dossier's chain (current tenant); `broken` is its first broken link, or null. */
export async function verifyTrail(dossierId: number): Promise<TrailCheck> {
  const { tenant, client } = requireTenantScope()
  const head: HeadRow | null = await client
    .from('dossiers')
    .where({ tenant_id: tenant.id, id: dossierId })
    .select('id', 'code', 'trail_length', 'trail_head_hash')
    .first()
  if (!head) throw new TrailNotFoundException(`Dossier ${dossierId} does not exist`)
  const rows = await client
    .from('dossier_events')
    .where({ tenant_id: tenant.id, dossier_id: dossierId })
    .orderBy('sequence')
  return checkChain(head, rows)
}

export interface TrailsCheck {
  dossiers: number
  events: number
  /** The first broken link of each dossier whose chain does not hold, by dossier id. */
  broken: TrailBreak[]
}

/** Checks every dossier of the current tenant, a batch of dossiers at a time. */
export async function verifyAllTrails(options: { batchSize?: number } = {}): Promise<TrailsCheck> {
  const { tenant, client } = requireTenantScope()
  const batchSize = options.batchSize ?? 500
  const summary: TrailsCheck = { dossiers: 0, events: 0, broken: [] }
  let after = 0
  for (;;) {
    const heads: HeadRow[] = await client
      .from('dossiers')
      .where('tenant_id', tenant.id)
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .select('id', 'code', 'trail_length', 'trail_head_hash')
    if (heads.length === 0) break
    const rows = await client
      .from('dossier_events')
      .where('tenant_id', tenant.id)
      .whereIn(
        'dossier_id',
        heads.map((head) => head.id)
      )
      .orderBy([{ column: 'dossier_id' }, { column: 'sequence' }])
    const byDossier = new Map<number, Record<string, any>[]>()
    for (const row of rows) {
      const list = byDossier.get(Number(row.dossier_id)) ?? []
      list.push(row)
      byDossier.set(Number(row.dossier_id), list)
    }
    for (const head of heads) {
      const check = checkChain(head, byDossier.get(Number(head.id)) ?? [])
      summary.dossiers += 1
      summary.events += check.events
      if (check.broken) summary.broken.push(check.broken)
    }
    after = Number(heads[heads.length - 1].id)
  }
  return summary
}
