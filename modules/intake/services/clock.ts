import { DateTime } from 'luxon'

/**
 * Where intake services read the time from. Injected so tests (and replays) control it; the
 * default is the wall clock. Belongs in the shared kernel once one exists there.
 */
export type Clock = () => DateTime

export const systemClock: Clock = () => DateTime.now()
