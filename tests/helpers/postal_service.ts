/* The stand-in postal company for a group of tests (PT-15.2 c); see stand_ins.ts. */
import type { Group } from '@japa/runner/core'
import { startPostalServiceServer } from '#integration/stand_ins/postal_service_server'
import { useStandIn } from '#tests/helpers/stand_ins'

/** `apiKey`: the key the company wants and the app sends; `timeoutMs`: how long the app waits. */
export function usePostalService(group: Group, options: { apiKey?: string; timeoutMs?: number } = {}) {
  const standIn = useStandIn(group, { ...options, prefix: 'POSTAL_SERVICE', start: () => startPostalServiceServer({ apiKey: options.apiKey }) })
  return {
    get company() {
      return standIn.server
    },
  }
}
