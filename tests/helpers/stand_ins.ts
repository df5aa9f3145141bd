/*
 * A stand-in for an outside system (postal company, population registry, …) for a group of
 * tests: started on a free port for the group, the app pointed at it before each test through
 * `<PREFIX>_URL`, `_API_KEY` and `_TIMEOUT_MS`, its fault cleared and the environment put back
 * after each test.
 */
import type { Group } from '@japa/runner/core'
import type { StandInFault } from '#integration/stand_ins/stand_in_server'

interface RunningStandIn {
  url: string
  fault: StandInFault
  close(): Promise<void>
}

export interface StandInOptions<S> {
  start: () => Promise<S>
  /** The app's environment prefix, e.g. POSTAL_SERVICE. */
  prefix: string
  /** The key the system wants and the app sends. */
  apiKey?: string
  /** How long the app waits for an answer. */
  timeoutMs?: number
}

export function useStandIn<S extends RunningStandIn>(group: Group, options: StandInOptions<S>) {
  const names = ['URL', 'API_KEY', 'TIMEOUT_MS'].map((suffix) => `${options.prefix}_${suffix}`)
  const [urlName, keyName, timeoutName] = names
  let server: S | undefined
  group.setup(async () => {
    server = await options.start()
    return () => server!.close()
  })
  group.each.setup(() => {
    const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]))
    process.env[urlName] = server!.url
    if (options.apiKey) process.env[keyName] = options.apiKey
    else delete process.env[keyName]
    if (options.timeoutMs) process.env[timeoutName] = String(options.timeoutMs)
    else delete process.env[timeoutName]
    server!.fault = 'none'
    return () => {
      server!.fault = 'none'
      for (const name of names) {
        if (saved[name] === undefined) delete process.env[name]
        else process.env[name] = saved[name]
      }
    }
  })
  return {
    /** The group's stand-in (once the group has started). */
    get server() {
      if (!server) throw new Error(`the ${options.prefix} stand-in starts with the group`)
      return server
    },
  }
}
