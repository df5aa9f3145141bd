import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { spec } from '@japa/runner/reporters'
import { summaryLine } from '#tests/helpers/summary_line_reporter'
import { createNodeServer } from '#http/node_server'

export const plugins: Config['plugins'] = [
  assert(),
  apiClient(),
  pluginAdonisJS(app),
  sessionApiClient(app),
  shieldApiClient(),
  authApiClient(app),
]

export const reporters: Config['reporters'] = {
  activated: ['spec', 'summary-line'],
  list: [spec(), summaryLine()],
}

export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [
    async () => {
      const { migrateDatabase } = await import('#start/prepare_database')
      await migrateDatabase()
    },
  ],
  teardown: [],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (['browser', 'functional'].includes(suite.name)) {
    // The same Node server as bin/server.ts (compression included), so that what the browser
    // suite measures over the wire is what production sends.
    suite.setup(() => testUtils.httpServer().start(createNodeServer))
  }
  if (suite.name === 'browser') {
    // One Chromium for the whole suite, closed when the suite ends.
    suite.setup(async () => {
      const { launchBrowser, closeBrowser } = await import('#tests/helpers/browser')
      await launchBrowser()
      return closeBrowser
    })
  }
}
