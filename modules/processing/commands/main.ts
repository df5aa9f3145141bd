/*
 * The processing module's ace commands, as a loader for the `commands` array of adonisrc.ts:
 *   commands: [..., () => import('#processing/commands/main')]
 */
import { ListLoader } from '@adonisjs/core/ace'
import type { CommandMetaData } from '@adonisjs/core/types/ace'
import SweepDeadlines from '#processing/commands/sweep_deadlines'

const loader = new ListLoader([SweepDeadlines])

export function getMetaData() {
  return loader.getMetaData()
}

export function getCommand(metaData: CommandMetaData) {
  return loader.getCommand(metaData)
}
