import type { ApiResponse } from '@japa/api-client'
import type { Assert } from '@japa/assert'

/** The messages flashed for one field of a refused form (the session's inputErrorsBag). */
export function fieldErrors(response: ApiResponse, field: string): string[] {
  return (response.flashMessages() as any)?.inputErrorsBag?.[field] ?? []
}

export function assertFieldError(assert: Assert, response: ApiResponse, field: string, message?: string) {
  const messages = fieldErrors(response, field)
  if (message === undefined) assert.isAbove(messages.length, 0, `expected an error on ${field}`)
  else assert.include(messages, message, `messages on ${field}: ${JSON.stringify(messages)}`)
}

/** The message flashed for the whole form under `key` (the session's errorsBag). */
export function formError(response: ApiResponse, key: string): string {
  return (response.flashMessages() as any)?.errorsBag?.[key] ?? ''
}
