/*
 * The intake module's ace commands, as a loader for the `commands` array of adonisrc.ts:
 *   commands: [..., () => import('#intake/commands/main')]
 */
import { ListLoader } from '@adonisjs/core/ace'
import type { CommandMetaData } from '@adonisjs/core/types/ace'
import VerifyTrail from '#intake/commands/verify_trail'
import PruneOrphanFiles from '#intake/commands/prune_orphan_files'

const loader = new ListLoader([VerifyTrail, PruneOrphanFiles])

export function getMetaData() {
  return loader.getMetaData()
}

export function getCommand(metaData: CommandMetaData) {
  return loader.getCommand(metaData)
}
