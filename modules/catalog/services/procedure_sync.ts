/*
 * OS-1.3, GR-6: keeps the tenant's procedures in step with the National Database on
 * Administrative Procedures, over the protocol of modules/catalog/docs/national_procedure_protocol.md
 * (tested against the stand-in in modules/integration/stand_ins).
 *
 * 1. fetchNationalProcedures(): every page of the agency's procedures, each checked; anything
 *    unexpected (down, slow, garbage, wrong shape) raises a ProcedureSyncError before anything is
 *    computed or stored.
 * 2. diffProcedures(): a pure comparison, by national code, of the national answer with the
 *    tenant's procedures: new ones, changed ones field by field (before → after), withdrawn ones.
 * 3. createProcedureImport(): stores that report as a pending import for an admin to read.
 * 4. applyProcedureImport(): applies all or some of its items in one savepoint, after checking
 *    that every one still fits the catalogue: new ones become drafts in their sector (created by
 *    code when missing), changed ones are updated (local-only attributes such as performing
 *    agencies, channels, steps, workflows and e-forms are kept), withdrawn ones are unpublished
 *    (never deleted).
 *
 * Configuration: NATIONAL_PROCEDURE_URL (base URL, default http://127.0.0.1:4546, where the
 * stand-in listens when run on its own) and NATIONAL_PROCEDURE_TIMEOUT_MS (per request, 10 s).
 */
import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { requireTenantScope } from '#tenancy/tenant_context'
import Procedure, { ADMINISTRATIVE_LEVELS, APPLICANT_TYPES, type AdministrativeLevel, type ApplicantType, type Channel } from '#catalog/models/procedure'
import ProcedureComponent from '#catalog/models/procedure_component'
import ProcedureFee from '#catalog/models/procedure_fee'
import Sector from '#catalog/models/sector'
import ProcedureImport from '#catalog/models/procedure_import'
import { unpublishProcedure } from '#catalog/actions/publish_procedure'

export const DEFAULT_NATIONAL_PROCEDURE_URL = 'http://127.0.0.1:4546'
export const DEFAULT_TIMEOUT_MS = 10_000
export const PAGE_SIZE = 100
/** A guard against a source that announces endless pages. */
export const MAX_PAGES = 500
export const IMPORTS_PER_PAGE = 10

export type ProcedureSyncFailure =
  | 'not_configured'
  | 'unreachable'
  | 'timeout'
  | 'http_error'
  | 'bad_response'
  | 'not_pending'
  | 'nothing_selected'
  | 'stale'

/** Why a fetch or an apply failed; messageKey is under `procedure_sync.errors` in resources/lang. */
export class ProcedureSyncError extends Error {
  constructor(
    public failure: ProcedureSyncFailure,
    public data: Record<string, string | number> = {}
  ) {
    super(`National procedure sync failed: ${failure} ${JSON.stringify(data)}`)
  }

  get messageKey() {
    return `procedure_sync.errors.${this.failure}`
  }
}

/* ------------------------------------------------------------------ the national model */

export interface NationalComponent {
  name: string
  originalCopies: number
  photocopies: number
  required: boolean
}

export interface NationalFee {
  kind: 'fee' | 'charge'
  description: string
  amount: number
}

/** The attributes compared and copied, the same shape for a national and a local procedure. */
export interface ProcedureAttributes {
  name: string
  sectorCode: string
  sectorName: string
  administrativeLevel: AdministrativeLevel
  onlineLevel: 1 | 2 | 3 | 4
  legalDeadlineDays: number
  resultType: string
  conditions: string
  legalBasis: string
  applicantTypes: ApplicantType[]
  components: NationalComponent[]
  fees: NationalFee[]
}

export interface NationalProcedure extends ProcedureAttributes {
  code: string
  sample: boolean
  version: number
  updatedAt: string
  withdrawn: boolean
  withdrawnAt: string | null
}

export interface LocalProcedure extends ProcedureAttributes {
  id: number
  nationalCode: string
  status: 'draft' | 'published'
}

/** The compared fields, in the order the report shows them. */
export const COMPARED_FIELDS = [
  'name',
  'sectorCode',
  'administrativeLevel',
  'onlineLevel',
  'legalDeadlineDays',
  'resultType',
  'conditions',
  'legalBasis',
  'applicantTypes',
  'components',
  'fees',
] as const
export type ComparedField = (typeof COMPARED_FIELDS)[number]

export interface FieldChange {
  field: ComparedField
  before: unknown
  after: unknown
}

export interface AddedItem {
  code: string
  national: NationalProcedure
}

export interface ChangedItem {
  code: string
  procedureId: number
  name: string
  changes: FieldChange[]
  national: NationalProcedure
}

export interface WithdrawnItem {
  code: string
  procedureId: number
  name: string
  withdrawnAt: string | null
}

export interface ProcedureDiff {
  added: AddedItem[]
  changed: ChangedItem[]
  withdrawn: WithdrawnItem[]
}

/* ------------------------------------------------------------------ settings and fetching */

export interface SyncOptions {
  baseUrl?: string
  timeoutMs?: number
  /** Procedures asked for per page (the protocol allows 1 to 200). */
  pageSize?: number
}

/** Settings read at call time, so a changed environment (or a test) takes effect at once. */
export function syncSettings(options: SyncOptions = {}) {
  const baseUrl = (options.baseUrl ?? process.env.NATIONAL_PROCEDURE_URL ?? DEFAULT_NATIONAL_PROCEDURE_URL).trim()
  const timeoutMs = options.timeoutMs ?? (Number(process.env.NATIONAL_PROCEDURE_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS)
  if (!/^https?:\/\/[^/]+/i.test(baseUrl)) throw new ProcedureSyncError('not_configured')
  return { baseUrl: baseUrl.replace(/\/+$/, ''), timeoutMs }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown, max: number, options: { required?: boolean } = {}): string {
  if (value === undefined || value === null) {
    if (options.required) throw bad('missing text')
    return ''
  }
  if (typeof value !== 'string') throw bad('text')
  const cleaned = value.normalize('NFC').trim()
  if ((options.required && !cleaned) || cleaned.length > max) throw bad('text')
  return cleaned
}

function bad(detail: string) {
  return new ProcedureSyncError('bad_response', { detail })
}

function smallCount(value: unknown) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 99) throw bad('copies')
  return value
}

/** Checks one procedure of an answer; anything unexpected is bad_response. */
export function parseNationalProcedure(raw: unknown): NationalProcedure {
  if (!isObject(raw)) throw bad('procedure')
  const code = text(raw.code, 40, { required: true })
  if (!/^[0-9A-Za-z.\-]+$/.test(code)) throw bad(`code ${code}`)
  if (!isObject(raw.sector)) throw bad('sector')
  const level = raw.administrativeLevel
  if (!(ADMINISTRATIVE_LEVELS as readonly unknown[]).includes(level)) throw bad('administrativeLevel')
  const onlineLevel = raw.onlineLevel
  if (onlineLevel !== 1 && onlineLevel !== 2 && onlineLevel !== 3 && onlineLevel !== 4) throw bad('onlineLevel')
  const deadline = raw.legalDeadlineDays
  if (typeof deadline !== 'number' || !Number.isFinite(deadline) || deadline < 0 || deadline > 9999) throw bad('deadline')
  if (Math.round(deadline * 10) !== deadline * 10) throw bad('deadline')
  if (!Array.isArray(raw.legalBasis)) throw bad('legalBasis')
  const legalBasis = raw.legalBasis.map((line) => text(line, 2000, { required: true })).join('\n')
  const applicantTypes = raw.applicantTypes ?? ['citizen']
  if (
    !Array.isArray(applicantTypes) ||
    !applicantTypes.length ||
    applicantTypes.some((kind) => !(APPLICANT_TYPES as readonly unknown[]).includes(kind))
  ) {
    throw bad('applicantTypes')
  }
  if (!Array.isArray(raw.components)) throw bad('components')
  const components = raw.components.map((component) => {
    if (!isObject(component) || typeof component.required !== 'boolean') throw bad('component')
    return {
      name: text(component.name, 2000, { required: true }),
      originalCopies: smallCount(component.originalCopies),
      photocopies: smallCount(component.photocopies),
      required: component.required,
    }
  })
  const rawFees = raw.fees ?? []
  if (!Array.isArray(rawFees)) throw bad('fees')
  const fees = rawFees.map((fee): NationalFee => {
    if (!isObject(fee) || (fee.kind !== 'fee' && fee.kind !== 'charge')) throw bad('fee')
    if (typeof fee.amount !== 'number' || !Number.isSafeInteger(fee.amount) || fee.amount < 0) throw bad('fee amount')
    return { kind: fee.kind, description: text(fee.description, 2000, { required: true }), amount: fee.amount }
  })
  if (typeof raw.version !== 'number' || !Number.isSafeInteger(raw.version) || raw.version < 0) throw bad('version')
  if (typeof raw.updatedAt !== 'string' || Number.isNaN(Date.parse(raw.updatedAt))) throw bad('updatedAt')
  if (typeof raw.withdrawn !== 'boolean') throw bad('withdrawn')
  const withdrawnAt = raw.withdrawnAt ?? null
  if (withdrawnAt !== null && (typeof withdrawnAt !== 'string' || Number.isNaN(Date.parse(withdrawnAt)))) throw bad('withdrawnAt')
  if (raw.sample !== undefined && typeof raw.sample !== 'boolean') throw bad('sample')
  return {
    code,
    name: text(raw.name, 2000, { required: true }),
    sectorCode: text(raw.sector.code, 40, { required: true }),
    sectorName: text(raw.sector.name, 255, { required: true }),
    administrativeLevel: level as AdministrativeLevel,
    onlineLevel,
    legalDeadlineDays: deadline,
    resultType: text(raw.resultType, 255),
    conditions: text(raw.conditions, 10_000),
    legalBasis,
    applicantTypes: [...new Set(applicantTypes as ApplicantType[])].sort(),
    components,
    fees,
    sample: raw.sample === true,
    version: raw.version,
    updatedAt: raw.updatedAt,
    withdrawn: raw.withdrawn,
    withdrawnAt: withdrawnAt as string | null,
  }
}

export interface ProceduresPage {
  page: number
  pageCount: number
  procedures: NationalProcedure[]
}

/** Checks one answer of GET /procedures. */
export function parseProceduresPage(body: unknown, page: number): ProceduresPage {
  if (!isObject(body) || !Array.isArray(body.procedures)) throw bad('shape')
  if (body.page !== page) throw bad('page')
  const pageCount = body.pageCount
  if (typeof pageCount !== 'number' || !Number.isSafeInteger(pageCount) || pageCount < 1 || pageCount > MAX_PAGES) {
    throw bad('pageCount')
  }
  return { page, pageCount, procedures: body.procedures.map(parseNationalProcedure) }
}

async function getJson(url: string, timeoutMs: number): Promise<unknown> {
  const timedOut = () => new ProcedureSyncError('timeout', { seconds: timeoutMs / 1000 })
  let response: Response
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) })
  } catch (error) {
    const name = (error as Error)?.name
    if (name === 'TimeoutError' || name === 'AbortError') throw timedOut()
    throw new ProcedureSyncError('unreachable')
  }
  let body: string
  try {
    body = await response.text()
  } catch (error) {
    const name = (error as Error)?.name
    if (name === 'TimeoutError' || name === 'AbortError') throw timedOut()
    throw new ProcedureSyncError('unreachable')
  }
  if (!response.ok) throw new ProcedureSyncError('http_error', { status: response.status })
  try {
    return JSON.parse(body)
  } catch {
    throw bad('not JSON')
  }
}

/**
 * Every procedure of `agencyCode` (withdrawn ones included), all pages, checked. When a code
 * arrives twice (the data changed between pages), the higher version wins.
 */
export async function fetchNationalProcedures(
  agencyCode: string,
  options: SyncOptions & { changedSince?: DateTime } = {}
): Promise<NationalProcedure[]> {
  const { baseUrl, timeoutMs } = syncSettings(options)
  const latest = new Map<string, NationalProcedure>()
  let pageCount = 1
  for (let page = 1; page <= pageCount; page++) {
    const query = new URLSearchParams({ agency: agencyCode, page: String(page), pageSize: String(options.pageSize ?? PAGE_SIZE) })
    if (options.changedSince) query.set('changedSince', options.changedSince.toUTC().toISO()!)
    const parsed = parseProceduresPage(await getJson(`${baseUrl}/procedures?${query}`, timeoutMs), page)
    if (page > 1 && parsed.pageCount !== pageCount) throw bad('page count changed')
    pageCount = parsed.pageCount
    for (const procedure of parsed.procedures) {
      const previous = latest.get(procedure.code)
      if (!previous || previous.version < procedure.version) latest.set(procedure.code, procedure)
    }
  }
  return [...latest.values()]
}

/* ------------------------------------------------------------------ the difference */

function normalisedFees(fees: NationalFee[]) {
  return [...fees].sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.description.localeCompare(b.description) || a.amount - b.amount
  )
}

function comparable(field: ComparedField, attributes: ProcedureAttributes): unknown {
  switch (field) {
    case 'legalBasis':
    case 'conditions':
    case 'name':
    case 'resultType':
      return attributes[field]
        .normalize('NFC')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join('\n')
    case 'legalDeadlineDays':
      return Number(attributes.legalDeadlineDays)
    case 'applicantTypes':
      return [...attributes.applicantTypes].sort()
    case 'fees':
      return normalisedFees(attributes.fees)
    case 'components':
      return attributes.components.map((c) => ({ ...c, name: c.name.normalize('NFC').trim() }))
    default:
      return attributes[field]
  }
}

function sameValue(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** What the report shows for a field, before or after. */
function shown(field: ComparedField, attributes: ProcedureAttributes): unknown {
  if (field === 'sectorCode') return { code: attributes.sectorCode, name: attributes.sectorName }
  return comparable(field, attributes)
}

/**
 * Compares the national answer with the tenant's procedures (matched by national code):
 * - added: not withdrawn nationally and unknown here;
 * - changed: known here and different in at least one compared field;
 * - withdrawn: withdrawn nationally and still published here (a draft is already off the portal).
 * Withdrawn procedures the tenant never had are ignored.
 */
export function diffProcedures(national: NationalProcedure[], local: LocalProcedure[]): ProcedureDiff {
  const localByCode = new Map(local.map((procedure) => [procedure.nationalCode.trim(), procedure]))
  const diff: ProcedureDiff = { added: [], changed: [], withdrawn: [] }
  for (const procedure of [...national].sort((a, b) => a.code.localeCompare(b.code))) {
    const mine = localByCode.get(procedure.code)
    if (procedure.withdrawn) {
      if (mine && mine.status === 'published') {
        diff.withdrawn.push({ code: procedure.code, procedureId: mine.id, name: mine.name, withdrawnAt: procedure.withdrawnAt })
      }
      continue
    }
    if (!mine) {
      diff.added.push({ code: procedure.code, national: procedure })
      continue
    }
    const changes: FieldChange[] = []
    for (const field of COMPARED_FIELDS) {
      if (!sameValue(comparable(field, mine), comparable(field, procedure))) {
        changes.push({ field, before: shown(field, mine), after: shown(field, procedure) })
      }
    }
    if (changes.length) {
      diff.changed.push({ code: procedure.code, procedureId: mine.id, name: mine.name, changes, national: procedure })
    }
  }
  return diff
}

export function isEmptyDiff(diff: ProcedureDiff) {
  return !diff.added.length && !diff.changed.length && !diff.withdrawn.length
}

/** The tenant's procedures that carry a national code, in the compared shape. */
export async function localProcedures(client?: TransactionClientContract): Promise<LocalProcedure[]> {
  const procedures = await Procedure.query(client ? { client } : {})
    .whereNotNull('national_code')
    .preload('sector')
    .preload('components')
    .preload('fees')
    .orderBy('id')
  return procedures.map((procedure) => ({
    id: procedure.id,
    nationalCode: procedure.nationalCode!,
    status: procedure.status,
    name: procedure.name,
    sectorCode: procedure.sector.code,
    sectorName: procedure.sector.name,
    administrativeLevel: procedure.administrativeLevel,
    onlineLevel: procedure.onlineLevel,
    legalDeadlineDays: Number(procedure.legalDeadlineDays),
    resultType: procedure.resultType,
    conditions: procedure.conditions,
    legalBasis: procedure.legalBasis,
    applicantTypes: procedure.applicantTypes,
    components: procedure.components.map((component) => ({
      name: component.name,
      originalCopies: component.originalCopies,
      photocopies: component.photocopies,
      required: component.isRequired,
    })),
    fees: procedure.fees.map((fee) => ({ kind: fee.kind, description: fee.description, amount: Number(fee.amount) })),
  }))
}

/* ------------------------------------------------------------------ reports */

export function findProcedureImport(id: number) {
  return ProcedureImport.findOrFail(id)
}

export function listProcedureImports(page: number) {
  return ProcedureImport.query().orderBy('fetched_at', 'desc').orderBy('id', 'desc').paginate(page, IMPORTS_PER_PAGE)
}

export function latestPendingImport() {
  return ProcedureImport.query().where('status', 'pending').orderBy('id', 'desc').first()
}

/**
 * Fetches the national procedures of the tenant's agency and, when they differ from the
 * tenant's, stores the report as a pending import (older pending reports are discarded: this
 * one supersedes them). Returns null when nothing differs. Nothing is stored on failure.
 */
export async function createProcedureImport(userId: number, options: SyncOptions = {}) {
  const { tenant } = requireTenantScope()
  const national = await fetchNationalProcedures(tenant.code, options)
  const diff = diffProcedures(national, await localProcedures())
  const now = DateTime.now()
  await ProcedureImport.query()
    .where('status', 'pending')
    .update({ status: 'discarded', discarded_by: userId, discarded_at: now.toSQL(), updated_at: now.toSQL() })
  if (isEmptyDiff(diff)) return null
  return ProcedureImport.create({
    status: 'pending',
    agencyCode: tenant.code,
    fetchedAt: now,
    diff,
    appliedCodes: [],
    createdBy: userId,
  })
}

export async function discardProcedureImport(report: ProcedureImport, userId: number) {
  if (!report.isPending) throw new ProcedureSyncError('not_pending')
  report.merge({ status: 'discarded', discardedBy: userId, discardedAt: DateTime.now() })
  await report.save()
  return report
}

export interface ApplyReport {
  added: number
  changed: number
  withdrawn: number
}

/** Channels a new procedure starts with (a local attribute the admin refines). */
function channelsFor(onlineLevel: number): Channel[] {
  return onlineLevel >= 3 ? ['in_person', 'online'] : ['in_person']
}

function nationalAttributes(national: NationalProcedure, sectorId: number) {
  return {
    name: national.name,
    sectorId,
    administrativeLevel: national.administrativeLevel,
    onlineLevel: national.onlineLevel,
    legalDeadlineDays: national.legalDeadlineDays,
    resultType: national.resultType,
    conditions: national.conditions,
    legalBasis: national.legalBasis,
    applicantTypes: national.applicantTypes,
  }
}

async function sectorFor(client: TransactionClientContract, national: NationalProcedure, cache: Map<string, Sector>) {
  const known = cache.get(national.sectorCode)
  if (known) return known
  let sector = await Sector.query({ client }).where('code', national.sectorCode).first()
  if (!sector) {
    const last = await Sector.query({ client }).max('position as top').first()
    sector = await Sector.create(
      { code: national.sectorCode, name: national.sectorName, position: Number(last?.$extras.top ?? 0) + 1 },
      { client }
    )
  }
  cache.set(national.sectorCode, sector)
  return sector
}

/** Components keep their ids when their name stays (form templates may point at them). */
async function syncComponents(client: TransactionClientContract, procedure: Procedure, wanted: NationalComponent[]) {
  const existing = await ProcedureComponent.query({ client }).where('procedure_id', procedure.id).orderBy('position')
  const unused = [...existing]
  for (const [position, row] of wanted.entries()) {
    const attributes = {
      procedureId: procedure.id,
      position,
      name: row.name,
      originalCopies: row.originalCopies,
      photocopies: row.photocopies,
      isRequired: row.required,
    }
    const index = unused.findIndex((component) => component.name.normalize('NFC').trim() === row.name)
    if (index >= 0) {
      const [component] = unused.splice(index, 1)
      await component.merge(attributes).save()
    } else {
      await ProcedureComponent.create(attributes, { client })
    }
  }
  if (unused.length) {
    await ProcedureComponent.query({ client })
      .whereIn(
        'id',
        unused.map((component) => component.id)
      )
      .delete()
  }
}

async function syncFees(client: TransactionClientContract, procedure: Procedure, wanted: NationalFee[]) {
  const existing = await ProcedureFee.query({ client }).where('procedure_id', procedure.id).orderBy('id')
  const unused = [...existing]
  for (const row of wanted) {
    const attributes = { procedureId: procedure.id, kind: row.kind, description: row.description, amount: row.amount }
    const index = unused.findIndex((fee) => fee.kind === row.kind && fee.description.normalize('NFC').trim() === row.description)
    if (index >= 0) {
      const [fee] = unused.splice(index, 1)
      await fee.merge(attributes).save()
    } else {
      await ProcedureFee.create(attributes, { client })
    }
  }
  if (unused.length) {
    await ProcedureFee.query({ client })
      .whereIn(
        'id',
        unused.map((fee) => fee.id)
      )
      .delete()
  }
}

/**
 * Applies the items of `report` whose national codes are in `codes` (all of them when `codes`
 * is 'all'), in one savepoint: every item is checked against the catalogue as it is now before
 * anything is written, and a failure halfway rolls everything back. The report becomes applied.
 */
export async function applyProcedureImport(report: ProcedureImport, codes: string[] | 'all', userId: number): Promise<ApplyReport> {
  if (!report.isPending) throw new ProcedureSyncError('not_pending')
  const diff = report.diff
  const chosen = codes === 'all' ? null : new Set(codes)
  const pick = <T extends { code: string }>(items: T[]) => (chosen ? items.filter((item) => chosen.has(item.code)) : items)
  const added = pick(diff.added)
  const changed = pick(diff.changed)
  const withdrawn = pick(diff.withdrawn)
  if (!added.length && !changed.length && !withdrawn.length) throw new ProcedureSyncError('nothing_selected')

  const { client: requestClient } = requireTenantScope()
  return requestClient.transaction(async (client) => {
    // Check everything first: the catalogue may have changed since the report was fetched.
    for (const item of added) {
      const taken = await Procedure.query({ client }).where('national_code', item.code).first()
      if (taken) throw new ProcedureSyncError('stale', { code: item.code })
    }
    const targets = new Map<string, Procedure>()
    for (const item of [...changed, ...withdrawn]) {
      const procedure = await Procedure.query({ client }).where('id', item.procedureId).where('national_code', item.code).first()
      if (!procedure) throw new ProcedureSyncError('stale', { code: item.code })
      targets.set(item.code, procedure)
    }

    const sectors = new Map<string, Sector>()
    for (const item of added) {
      const sector = await sectorFor(client, item.national, sectors)
      const procedure = await Procedure.create(
        {
          ...nationalAttributes(item.national, sector.id),
          nationalCode: item.code,
          isSampleCode: item.national.sample,
          procedureGroupId: null,
          stepsDescription: '',
          channels: channelsFor(item.national.onlineLevel),
          resultByPost: false,
          resultOnline: false,
          status: 'draft',
        },
        { client }
      )
      await syncComponents(client, procedure, item.national.components)
      await syncFees(client, procedure, item.national.fees)
    }
    for (const item of changed) {
      const procedure = targets.get(item.code)!
      const sector = await sectorFor(client, item.national, sectors)
      // A group belongs to a sector: moving to another sector leaves the group behind.
      if (sector.id !== procedure.sectorId) procedure.procedureGroupId = null
      procedure.merge(nationalAttributes(item.national, sector.id))
      await procedure.save()
      await syncComponents(client, procedure, item.national.components)
      await syncFees(client, procedure, item.national.fees)
    }
    for (const item of withdrawn) await unpublishProcedure(targets.get(item.code)!)

    report.useTransaction(client)
    report.merge({
      status: 'applied',
      appliedBy: userId,
      appliedAt: DateTime.now(),
      appliedCodes: [...added, ...changed, ...withdrawn].map((item) => item.code),
    })
    await report.save()
    return { added: added.length, changed: changed.length, withdrawn: withdrawn.length }
  })
}

/* ------------------------------------------------------------------ showing a report */

type Translate = (key: string, data?: Record<string, unknown>) => string

function deadlineText(days: number, t: Translate) {
  return t('procedures.deadline_days', { days: String(days).replace('.', ',') })
}

/** The lines the report shows for a value of `field` (before or after). */
export function displayLines(field: ComparedField, value: unknown, t: Translate, money: (amount: number) => string): string[] {
  const lines = (() => {
    switch (field) {
      case 'sectorCode': {
        const sector = value as { code: string; name: string }
        return [t('procedure_sync.values.sector', sector)]
      }
      case 'administrativeLevel':
        return [t(`procedures.administrative_levels.${value}`)]
      case 'onlineLevel':
        return [t(`procedures.online_levels.${value}`)]
      case 'legalDeadlineDays':
        return [deadlineText(Number(value), t)]
      case 'applicantTypes':
        return (value as string[]).map((kind) => t(`procedures.applicant_types.${kind}`))
      case 'components':
        return (value as NationalComponent[]).map((component) =>
          t(component.required ? 'procedure_sync.values.component' : 'procedure_sync.values.component_optional', {
            name: component.name,
            original: component.originalCopies,
            copies: component.photocopies,
          })
        )
      case 'fees':
        return (value as NationalFee[]).map((fee) =>
          t('procedure_sync.values.fee', {
            kind: t(`procedures.fee_kinds.${fee.kind}`),
            description: fee.description,
            amount: money(fee.amount),
          })
        )
      default:
        return String(value ?? '')
          .split('\n')
          .filter(Boolean)
    }
  })()
  return lines.length ? lines : [t('procedure_sync.values.empty')]
}

/** The report in the shape its page shows: every change as labelled before/after lines. */
export function presentDiff(diff: ProcedureDiff, t: Translate, money: (amount: number) => string) {
  return {
    added: diff.added.map((item) => ({
      code: item.code,
      name: item.national.name,
      sample: item.national.sample,
      sector: t('procedure_sync.values.sector', { code: item.national.sectorCode, name: item.national.sectorName }),
      deadline: deadlineText(item.national.legalDeadlineDays, t),
      level: t('procedures.online_level_short', { level: item.national.onlineLevel }),
    })),
    changed: diff.changed.map((item) => ({
      code: item.code,
      procedureId: item.procedureId,
      name: item.name,
      changes: item.changes.map((change) => ({
        field: change.field,
        label: t(`procedure_sync.fields.${change.field}`),
        before: displayLines(change.field, change.before, t, money),
        after: displayLines(change.field, change.after, t, money),
      })),
    })),
    withdrawn: diff.withdrawn,
  }
}
