/*
 * Test entry point: a database created fresh for this run (embedded PostgreSQL unless
 * DATABASE_URL is set), the app booted in the test environment, Japa running the suites.
 * The last line printed is `N passed, N failed`, which CI reads.
 */
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { configure, processCLIArgs, run } from '@japa/runner'
import { provideDatabase } from '../app/database/provision.js'
import { applyEnvironmentDefaults } from '../app/environment_defaults.js'
import { freePort } from '../app/database/free_port.js'

process.env.NODE_ENV = 'test'
// Free ports unless given, so that several test runs can share a machine.
process.env.PORT ??= String(await freePort())
process.env.HOST ??= '127.0.0.1'
process.env.SESSION_DRIVER ??= 'memory'
process.env.SMTP_PORT ??= String(await freePort())
applyEnvironmentDefaults('test')

const APP_ROOT = new URL('../', import.meta.url)
const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

const database = await provideDatabase('test')

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.terminating(async () => {
      await database.stop()
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .testRunner()
  .configure(async (app) => {
    const { runnerHooks, ...config } = await import('../tests/bootstrap.js')

    processCLIArgs(process.argv.splice(2))
    configure({
      ...app.rcFile.tests,
      ...config,
      ...{
        setup: runnerHooks.setup,
        teardown: runnerHooks.teardown.concat([() => app.terminate()]),
      },
    })
  })
  .run(() => run())
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
