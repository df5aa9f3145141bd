/*
 * HTTP server entry point: picks the database (embedded when none is configured), runs pending
 * migrations, then serves HTTP, or HTTPS when TLS_CERT_FILE and TLS_KEY_FILE are given.
 */
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { provideDatabase } from '../app/database/provision.js'
import { applyEnvironmentDefaults } from '../app/environment_defaults.js'
import { createNodeServer } from '../app/http/node_server.js'

const APP_ROOT = new URL('../', import.meta.url)
const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

applyEnvironmentDefaults(process.env.NODE_ENV === 'production' ? 'production' : 'development')
const database = await provideDatabase('app')
const mailbox =
  process.env.NODE_ENV === 'production'
    ? null
    : await (await import('../app/mail/development_mailbox.js')).startDevelopmentMailbox(
        new URL('../storage/mail', import.meta.url).pathname
      )
// Likewise a stand-in carrier takes the app's SMS and prints them (SMS_GATEWAY_URL unset).
const smsGateway =
  process.env.NODE_ENV === 'production'
    ? null
    : await (await import('../modules/integration/stand_ins/sms_gateway_server.js')).startDevelopmentSmsGateway()
// And a stand-in postal company quotes postage on the apply form (POSTAL_SERVICE_URL unset).
const postalService =
  process.env.NODE_ENV === 'production'
    ? null
    : await (await import('../modules/integration/stand_ins/postal_service_server.js')).startDevelopmentPostalService()
// And a stand-in National Population Database answers the counter's lookups (POPULATION_REGISTRY_URL unset).
const populationRegistry =
  process.env.NODE_ENV === 'production'
    ? null
    : await (await import('../modules/integration/stand_ins/population_registry_server.js')).startDevelopmentPopulationRegistry()

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.ready(async () => {
      const { prepareDatabase } = await import('#start/prepare_database')
      await prepareDatabase()
    })
    app.terminating(async () => {
      await mailbox?.stop()
      await smsGateway?.close()
      await postalService?.close()
      await populationRegistry?.close()
      await database.stop()
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listen('SIGINT', () => app.terminate())
  })
  .httpServer()
  .start(createNodeServer)
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
