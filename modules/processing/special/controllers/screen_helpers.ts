/*
 * What a special screen's template needs of a refused form: the problem line at the top, and for
 * each field of the form that was sent its message and what the officer typed.
 */
import { fieldError, typedValue, type ScreenState } from '#processing/special/controllers/special_http'

export function screenHelpers(state: ScreenState) {
  return {
    problem: state.problem ?? null,
    /** The message of field `name` of form `form`, or null. */
    errorIn: (form: string, name: string) => fieldError(state, form, name),
    /** What was typed in field `name` of form `form`, else `fallback`. */
    typedIn: (form: string, name: string, fallback: unknown = '') => typedValue(state, form, name, fallback),
  }
}
