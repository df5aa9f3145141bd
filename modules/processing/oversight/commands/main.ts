/*
 * The oversight ace commands, as a loader for the `commands` array of adonisrc.ts.
 */
import { ListLoader } from '@adonisjs/core/ace'
import type { CommandMetaData } from '@adonisjs/core/types/ace'
import SendDigest from '#processing/oversight/commands/send_digest'

const loader = new ListLoader([SendDigest])

export function getMetaData() {
  return loader.getMetaData()
}

export function getCommand(metaData: CommandMetaData) {
  return loader.getCommand(metaData)
}
