/*
 * Ace entry point. Commands that touch the database get the embedded PostgreSQL when no
 * DATABASE_URL is configured, exactly like the HTTP server.
 */
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { provideDatabase } from '../app/database/provision.js'
import { applyEnvironmentDefaults } from '../app/environment_defaults.js'

const APP_ROOT = new URL('../', import.meta.url)
const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

applyEnvironmentDefaults(process.env.NODE_ENV === 'test' ? 'test' : 'development')

const databaseFreeCommands = new Set(['list', 'help', 'configure', 'codegen', 'generate:key', 'inspect:rcfile', 'env:add'])
const command = process.argv[2]
const needsDatabase = command !== undefined && !databaseFreeCommands.has(command) && !command.startsWith('make:')
const database = needsDatabase ? await provideDatabase('app') : undefined

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.terminating(async () => {
      await database?.stop()
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .ace()
  .handle(process.argv.splice(2))
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
