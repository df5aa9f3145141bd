import { indexEntities } from '@adonisjs/core'
import { defineConfig } from '@adonisjs/core/app'

export default defineConfig({
  experimental: {},

  commands: [
    () => import('@adonisjs/core/commands'),
    () => import('@adonisjs/lucid/commands'),
    () => import('@adonisjs/session/commands'),
    () => import('#intake/commands/main'),
    () => import('#integration/commands/main'),
    () => import('#processing/commands/main'),
    () => import('#processing/oversight/commands/main'),
    () => import('#catalog/commands/generate_procedures'),
  ],

  providers: [
    () => import('@adonisjs/core/providers/app_provider'),
    () => import('@adonisjs/core/providers/hash_provider'),
    { file: () => import('@adonisjs/core/providers/repl_provider'), environment: ['repl', 'test'] },
    () => import('@adonisjs/core/providers/vinejs_provider'),
    () => import('@adonisjs/core/providers/edge_provider'),
    () => import('@adonisjs/session/session_provider'),
    () => import('@adonisjs/shield/shield_provider'),
    () => import('@adonisjs/static/static_provider'),
    () => import('@adonisjs/lucid/database_provider'),
    () => import('@adonisjs/auth/auth_provider'),
    () => import('@adonisjs/i18n/i18n_provider'),
    () => import('@adonisjs/limiter/limiter_provider'),
    () => import('@adonisjs/mail/mail_provider'),
    () => import('@adonisjs/bouncer/bouncer_provider'),
    () => import('@adonisjs/drive/drive_provider'),
  ],

  preloads: [
    () => import('#start/routes'),
    () => import('#start/kernel'),
    () => import('#start/view'),
    { file: () => import('#start/outbox'), environment: ['web'] },
    { file: () => import('#start/deadline_sweeps'), environment: ['web'] },
    { file: () => import('#start/digests'), environment: ['web'] },
  ],

  tests: {
    suites: [
      { name: 'unit', files: ['tests/unit/**/*.spec.ts', 'modules/*/tests/unit/**/*.spec.ts'], timeout: 10000 },
      {
        name: 'functional',
        files: ['tests/functional/**/*.spec.ts', 'modules/*/tests/functional/**/*.spec.ts'],
        timeout: 30000,
      },
      {
        name: 'browser',
        files: ['tests/browser/**/*.spec.ts', 'modules/*/tests/browser/**/*.spec.ts'],
        timeout: 120000,
      },
    ],
    forceExit: true,
  },

  metaFiles: [
    { pattern: 'resources/views/**/*.edge', reloadServer: false },
    { pattern: 'modules/*/views/**/*.edge', reloadServer: false },
    { pattern: 'resources/lang/**/*.json', reloadServer: false },
    { pattern: 'public/**', reloadServer: false },
  ],

  hooks: {
    init: [indexEntities()],
  },
})
