/* The stand-in National Population Database for a group of tests (OS-5.9); see stand_ins.ts. */
import type { Group } from '@japa/runner/core'
import { startPopulationRegistryServer } from '#integration/stand_ins/population_registry_server'
import { useStandIn } from '#tests/helpers/stand_ins'

export const REGISTRY_KEY = 'khoa-dan-cu'

export function usePopulationRegistry(group: Group, options: { timeoutMs?: number } = {}) {
  const standIn = useStandIn(group, {
    ...options,
    prefix: 'POPULATION_REGISTRY',
    apiKey: REGISTRY_KEY,
    start: () => startPopulationRegistryServer({ apiKey: REGISTRY_KEY }),
  })
  return {
    get registry() {
      return standIn.server
    },
  }
}
