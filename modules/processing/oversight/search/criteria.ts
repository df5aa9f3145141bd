/*
 * OS-23: the criteria of the one-stop dossier search, read from the query string so that every
 * filtered list is a shareable URL (and the dashboards link to it). Unknown or malformed choices
 * are dropped silently (they can only come from an edited URL); what an officer types (dates,
 * the number of days) is checked and answered with a message at the field.
 */
import type { DateTime } from 'luxon'
import { parseVietnameseDate } from '#users/index'

export const DEADLINE_FILTERS = ['overdue', 'due_today', 'due_within', 'on_time'] as const
export type DeadlineFilter = (typeof DEADLINE_FILTERS)[number]

/** Where a dossier stands as a whole: still being resolved, or resolved (result ready or returned). */
export const STAGES = ['open', 'done'] as const
export type Stage = (typeof STAGES)[number]

export const CHANNELS = ['counter', 'online', 'postal'] as const

export const STEP_KINDS = ['intake', 'assignment', 'processing', 'consultation', 'approval', 'financial_obligation', 'return'] as const

/** How the officer chosen in `officer` is involved (see holder.ts): the default is holding the dossier now. */
export const INVOLVEMENTS = ['holding', 'to_process', 'supplement_requested', 'supplemented', 'took_part'] as const
export type Involvement = (typeof INVOLVEMENTS)[number]

/** Roles a workflow step may wait for. */
export const STEP_ROLES = ['receptionist', 'handler', 'dept_head', 'approver'] as const

export const SORTS = ['received', '-received', 'appointment', '-appointment', 'code', '-code', 'applicant', '-applicant', 'status', '-status'] as const
export type Sort = (typeof SORTS)[number]
export const DEFAULT_SORT: Sort = '-received'

/** "Due within N days" accepts 1 to this many days. */
export const MAX_WITHIN_DAYS = 365
export const DEFAULT_WITHIN_DAYS = 3

/** The criteria as strings, exactly as they go back into the form and the URLs. */
export interface SearchCriteria {
  code: string
  applicant: string
  organisation: string
  received_from: string
  received_to: string
  sector: string
  procedure: string
  /** `agency:<id>` (the receiving agency) or `department:<id>` (the department holding it now). */
  unit: string
  status: string
  stage: string
  channel: string
  step: string
  /** The role the current step waits for. */
  role: string
  officer: string
  involvement: string
  deadline: string
  within: string
  sort: string
}

/** The criteria turned into values a query can use; absent ones are null. */
export interface SearchFilters {
  code: string | null
  applicant: string | null
  organisation: string | null
  receivedFrom: DateTime | null
  /** Exclusive: the start of the day after the "to" date. */
  receivedBefore: DateTime | null
  sectorId: number | null
  procedureId: number | null
  agencyId: number | null
  departmentId: number | null
  status: string | null
  stage: Stage | null
  channel: string | null
  stepKind: string | null
  stepRole: string | null
  officerId: number | null
  involvement: Involvement
  deadline: DeadlineFilter | null
  withinDays: number
  sort: Sort
}

/** Field → i18n key of the message shown at that field. */
export type CriteriaErrors = Partial<Record<keyof SearchCriteria, string>>

export interface ReadCriteria {
  criteria: SearchCriteria
  filters: SearchFilters
  errors: CriteriaErrors
}

function text(value: unknown, max: number) {
  const single = Array.isArray(value) ? value[0] : value
  return typeof single === 'string' ? single.normalize('NFC').trim().replace(/\s+/g, ' ').slice(0, max) : ''
}

function id(value: string) {
  return /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null
}

function oneOf<T extends string>(choices: readonly T[], value: string): T | null {
  return (choices as readonly string[]).includes(value) ? (value as T) : null
}

function readDay(criteria: SearchCriteria, field: 'received_from' | 'received_to', errors: CriteriaErrors) {
  const value = criteria[field]
  if (!value) return null
  if (!/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(value) && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    errors[field] = 'oversight.search.errors.date_format'
    return null
  }
  const day = parseVietnameseDate(value)?.startOf('day') ?? null
  if (!day) errors[field] = 'oversight.search.errors.date_exists'
  return day
}

/**
 * Reads the search criteria of a query string; never throws. When `errors` is not empty the
 * caller shows the messages and runs no search (a half-applied search would mislead).
 */
export function readCriteria(qs: Record<string, unknown>): ReadCriteria {
  const criteria: SearchCriteria = {
    code: text(qs.code, 60),
    applicant: text(qs.applicant, 100),
    organisation: text(qs.organisation, 150),
    received_from: text(qs.received_from, 10),
    received_to: text(qs.received_to, 10),
    sector: text(qs.sector, 15),
    procedure: text(qs.procedure, 15),
    unit: text(qs.unit, 30),
    status: text(qs.status, 40),
    stage: text(qs.stage, 10),
    channel: text(qs.channel, 10),
    step: text(qs.step, 30),
    role: text(qs.role, 20),
    officer: text(qs.officer, 15),
    involvement: text(qs.involvement, 25),
    deadline: text(qs.deadline, 15),
    within: text(qs.within, 5),
    sort: text(qs.sort, 15),
  }
  const errors: CriteriaErrors = {}

  // Choices only an edited URL could get wrong are dropped, so the form shows what applies.
  if (!id(criteria.sector)) criteria.sector = ''
  if (!id(criteria.procedure)) criteria.procedure = ''
  if (!id(criteria.officer)) criteria.officer = ''
  if (!oneOf(INVOLVEMENTS, criteria.involvement) || criteria.involvement === 'holding') criteria.involvement = ''
  if (!oneOf(STEP_ROLES, criteria.role)) criteria.role = ''
  if (!/^[a-z0-9_]+$/.test(criteria.status)) criteria.status = ''
  if (!oneOf(STAGES, criteria.stage)) criteria.stage = ''
  if (!oneOf(CHANNELS, criteria.channel)) criteria.channel = ''
  if (!oneOf(STEP_KINDS, criteria.step)) criteria.step = ''
  if (!oneOf(DEADLINE_FILTERS, criteria.deadline)) criteria.deadline = ''
  if (!oneOf(SORTS, criteria.sort)) criteria.sort = ''
  const unit = criteria.unit.match(/^(agency|department):([1-9]\d{0,14})$/)
  if (!unit) criteria.unit = ''

  const receivedFrom = readDay(criteria, 'received_from', errors)
  const receivedTo = readDay(criteria, 'received_to', errors)
  if (receivedFrom && receivedTo && receivedTo < receivedFrom) errors.received_to = 'oversight.search.errors.date_order'

  let withinDays = DEFAULT_WITHIN_DAYS
  if (criteria.within) {
    const days = /^\d{1,4}$/.test(criteria.within) ? Number(criteria.within) : Number.NaN
    if (!Number.isInteger(days) || days < 1 || days > MAX_WITHIN_DAYS) errors.within = 'oversight.search.errors.within_range'
    else withinDays = days
  }

  const filters: SearchFilters = {
    code: criteria.code || null,
    applicant: criteria.applicant || null,
    organisation: criteria.organisation || null,
    receivedFrom,
    receivedBefore: receivedTo ? receivedTo.plus({ days: 1 }) : null,
    sectorId: id(criteria.sector),
    procedureId: id(criteria.procedure),
    agencyId: unit?.[1] === 'agency' ? Number(unit[2]) : null,
    departmentId: unit?.[1] === 'department' ? Number(unit[2]) : null,
    status: criteria.status || null,
    stage: oneOf(STAGES, criteria.stage),
    channel: criteria.channel || null,
    stepKind: criteria.step || null,
    stepRole: criteria.role || null,
    officerId: id(criteria.officer),
    involvement: oneOf(INVOLVEMENTS, criteria.involvement) ?? 'holding',
    deadline: oneOf(DEADLINE_FILTERS, criteria.deadline),
    withinDays,
    sort: oneOf(SORTS, criteria.sort) ?? DEFAULT_SORT,
  }
  return { criteria, filters, errors }
}

/** The criteria worth keeping in a URL: the empty ones would only clutter it. */
export function queryStringOf(criteria: Partial<SearchCriteria>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(criteria).filter(([, value]) => typeof value === 'string' && value !== '')
  ) as Record<string, string>
}

export const SEARCH_PATH = '/mot-cua/tra-cuu-ho-so'

/** `/mot-cua/tra-cuu-ho-so?…` for a set of criteria: what every dashboard count links to. */
export function searchUrl(criteria: Partial<SearchCriteria> = {}, path = SEARCH_PATH) {
  const query = new URLSearchParams(queryStringOf(criteria)).toString()
  return query ? `${path}?${query}` : path
}

export function hasCriteria(criteria: SearchCriteria) {
  return Object.entries(criteria).some(([field, value]) => field !== 'sort' && value !== '')
}
