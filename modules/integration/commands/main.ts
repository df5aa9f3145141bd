/*
 * The integration module's ace commands, as a loader for the `commands` array of adonisrc.ts.
 */
import { ListLoader } from '@adonisjs/core/ace'
import type { CommandMetaData } from '@adonisjs/core/types/ace'
import DeliverOutbox from '#integration/commands/deliver_outbox'

const loader = new ListLoader([DeliverOutbox])

export function getMetaData() {
  return loader.getMetaData()
}

export function getCommand(metaData: CommandMetaData) {
  return loader.getCommand(metaData)
}
