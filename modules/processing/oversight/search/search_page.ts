/*
 * What the search page shows around its result list: the form's options, the criteria in words
 * (for the export's heading), the sortable column headers and the export links, each keeping the
 * criteria of the page it sits on.
 */
import type { I18n } from '@adonisjs/i18n'
import {
  DEFAULT_SORT,
  DEFAULT_WITHIN_DAYS,
  SEARCH_PATH,
  searchUrl,
  type CriteriaErrors,
  type SearchCriteria,
} from '#processing/oversight/search/criteria'
import type { SearchChoices } from '#processing/oversight/search/search_choices'

export const SORTABLE_COLUMNS = ['code', 'applicant', 'received', 'appointment', 'status'] as const

export interface SortHeader {
  href: string
  /** aria-sort of the column: the one the list is sorted by says which way. */
  ariaSort: 'ascending' | 'descending' | undefined
}

/** Each sortable column's link: the same criteria sorted by it, the other way when it already is. */
export function sortHeaders(criteria: SearchCriteria): Record<string, SortHeader> {
  const current = criteria.sort || DEFAULT_SORT
  return Object.fromEntries(
    SORTABLE_COLUMNS.map((column) => {
      const ariaSort = current === column ? 'ascending' : current === `-${column}` ? 'descending' : undefined
      const next = current === column ? `-${column}` : column
      return [column, { href: searchUrl({ ...criteria, sort: next }), ariaSort }]
    })
  )
}

export function exportLinks(criteria: SearchCriteria) {
  return {
    xlsx: searchUrl(criteria, `${SEARCH_PATH}.xlsx`),
    csv: searchUrl(criteria, `${SEARCH_PATH}.csv`),
  }
}

function labelOf(choices: { value: string; label: string }[], value: string) {
  return choices.find((choice) => choice.value === value)?.label ?? value
}

/** The criteria in use as "label: value" lines, in the order of the form. */
export function describeCriteria(criteria: SearchCriteria, choices: SearchChoices, i18n: I18n) {
  const lines: { label: string; value: string }[] = []
  const add = (field: string, value: string) => {
    if (value) lines.push({ label: i18n.t(`oversight.search.fields.${field}`), value })
  }
  add('code', criteria.code)
  add('applicant', criteria.applicant)
  add('organisation', criteria.organisation)
  add('received_from', criteria.received_from)
  add('received_to', criteria.received_to)
  add('sector', criteria.sector && labelOf(choices.sectors, criteria.sector))
  add('procedure', criteria.procedure && labelOf(choices.procedures, criteria.procedure))
  add('unit', criteria.unit && labelOf([...choices.agencies, ...choices.departments], criteria.unit))
  add('officer', criteria.officer && labelOf(choices.officers, criteria.officer))
  add('involvement', criteria.officer && i18n.t(`oversight.involvements.${criteria.involvement || 'holding'}`))
  add('status', criteria.status && labelOf(choices.statuses, criteria.status))
  add('stage', criteria.stage && i18n.t(`oversight.stages.${criteria.stage}`))
  add('channel', criteria.channel && i18n.t(`oversight.channels.${criteria.channel}`))
  add('step', criteria.step && i18n.t(`oversight.steps.${criteria.step}`))
  add('role', criteria.role && i18n.t(`oversight.roles.${criteria.role}`))
  add(
    'deadline',
    criteria.deadline &&
      (criteria.deadline === 'due_within'
        ? i18n.t('oversight.deadlines.due_within_days', { days: criteria.within || String(DEFAULT_WITHIN_DAYS) })
        : i18n.t(`oversight.deadlines.${criteria.deadline}`))
  )
  return lines
}

/** Field → translated message, for the form. */
export function errorMessages(errors: CriteriaErrors, i18n: I18n): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, i18n.t(key!)]))
}
