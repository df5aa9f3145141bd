/*
 * Where oversight reads "now" from (deadlines, due today, this month). Injected so that tests
 * and the digest job control it; the default is the wall clock.
 */
import { DateTime } from 'luxon'
import type { Clock } from '#intake/index'

export type { Clock }

export const systemClock: Clock = () => DateTime.now()
