/*
 * OS-17.1 and OS-17.3: the searchable lists of the admin screens. Filters come from the query
 * string (so a filtered page is a shareable URL), are cleaned here, and go back into the
 * paginator's links. Every query runs in the current tenant's scope.
 */
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import User, { OFFICER_ROLES, type OfficerRole } from '#users/models/user'
import Agency from '#users/models/agency'
import Department from '#users/models/department'

export const PER_PAGE = 20

export const OFFICER_STATUSES = ['active', 'inactive'] as const
export const APPLICANT_STATUSES = ['pending', 'active', 'deactivated'] as const
export type ApplicantStatus = (typeof APPLICANT_STATUSES)[number]

export interface OfficerFilters {
  q: string
  department: string
  role: string
  status: string
}

export interface ApplicantFilters {
  q: string
  status: string
}

type UserQuery = ModelQueryBuilderContract<typeof User>

function text(value: unknown, max = 100) {
  return typeof value === 'string' ? value.trim().slice(0, max) : ''
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | '' {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : ''
}

export function pageOf(qs: Record<string, unknown>) {
  const page = Number(qs.page)
  return Number.isInteger(page) && page > 0 ? page : 1
}

export function officerFiltersFrom(qs: Record<string, unknown>): OfficerFilters {
  const department = text(qs.department, 20)
  return {
    q: text(qs.q),
    department: /^\d+$/.test(department) ? department : '',
    role: oneOf(qs.role, OFFICER_ROLES),
    status: oneOf(qs.status, OFFICER_STATUSES),
  }
}

export function applicantFiltersFrom(qs: Record<string, unknown>): ApplicantFilters {
  return { q: text(qs.q), status: oneOf(qs.status, APPLICANT_STATUSES) }
}

/** The filters worth keeping in a URL: the empty ones would only clutter it. */
export function queryStringOf(filters: OfficerFilters | ApplicantFilters) {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''))
}

/** `%term%` for LIKE, with the wildcards a person may type taken literally. */
function containing(term: string) {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
}

/** Case- and accent-insensitive "contains" on any of `columns` (PostgreSQL's unaccent). */
function whereAnyContains(query: UserQuery, columns: string[], term: string) {
  const pattern = containing(term)
  query.where((matching) => {
    for (const column of columns) {
      matching.orWhereRaw(`unaccent(coalesce(users.${column}, '')) ilike unaccent(?)`, [pattern])
    }
  })
}

export function searchOfficers(filters: OfficerFilters, page: number) {
  const query = User.query().where('kind', 'officer').preload('department')
  if (filters.q) whereAnyContains(query, ['full_name', 'email'], filters.q)
  if (filters.department) query.where('department_id', Number(filters.department))
  if (filters.role) query.whereRaw('? = any(roles)', [filters.role as OfficerRole])
  if (filters.status) query.where('is_active', filters.status === 'active')
  return query
    .orderBy('full_name', 'asc')
    .orderBy('id', 'asc')
    .paginate(page, PER_PAGE)
    .then((paginator) => paginator.baseUrl('/quan-tri/can-bo').queryString(queryStringOf(filters)))
}

function applicantQuery(filters: ApplicantFilters) {
  const query = User.query().whereIn('kind', ['citizen', 'organisation'])
  if (filters.q) {
    whereAnyContains(query, ['full_name', 'organisation_name', 'national_id', 'email', 'phone'], filters.q)
  }
  if (filters.status === 'active') query.where('is_active', true)
  if (filters.status === 'pending') query.where('is_active', false).whereNull('deactivated_at')
  if (filters.status === 'deactivated') query.where('is_active', false).whereNotNull('deactivated_at')
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc')
}

export function searchApplicants(filters: ApplicantFilters, page: number) {
  return applicantQuery(filters)
    .paginate(page, PER_PAGE)
    .then((paginator) => paginator.baseUrl('/quan-tri/cong-dan').queryString(queryStringOf(filters)))
}

/** Every applicant matching the filters, for the CSV export. */
export function applicantsForExport(filters: ApplicantFilters) {
  return applicantQuery(filters)
}

export function applicantStatusOf(user: User): ApplicantStatus {
  if (user.isActive) return 'active'
  return user.isPending ? 'pending' : 'deactivated'
}

/** The tenant's departments as select options, each labelled with its agency. */
export async function departmentChoices() {
  const departments = await Department.query().orderBy('name')
  const agencies = await Agency.query()
  const agencyNames = new Map(agencies.map((agency) => [agency.id, agency.name]))
  return departments.map((department) => ({
    value: department.id,
    label: `${department.name} – ${agencyNames.get(department.agencyId) ?? ''}`,
  }))
}

/** The officer with this id in the current tenant, or a 404. */
export function findOfficer(id: number) {
  return User.query().where('kind', 'officer').where('id', id).firstOrFail()
}

/** The citizen or organisation account with this id in the current tenant, or a 404. */
export function findApplicant(id: number) {
  return User.query().whereIn('kind', ['citizen', 'organisation']).where('id', id).firstOrFail()
}
