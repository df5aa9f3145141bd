import env from '#start/env'
import { defineConfig } from '@adonisjs/lucid'
import pg from 'pg'

// Ids are bigint; they stay far below 2^53, and numbers compare and serialise without surprises.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10))

const dbConfig = defineConfig({
  connection: 'postgres',
  prettyPrintDebugQueries: true,
  connections: {
    postgres: {
      client: 'pg',
      connection: { connectionString: env.get('DATABASE_URL') },
      pool: { min: 0, max: 20 },
      schemaGeneration: { enabled: false },
      migrations: {
        naturalSort: true,
        paths: ['database/migrations', 'modules/users/database/migrations', 'modules/catalog/database/migrations', 'modules/intake/database/migrations', 'modules/portal/database/migrations', 'modules/processing/database/migrations', 'modules/integration/database/migrations'],
      },
      seeders: { paths: ['database/seeders'] },
    },
  },
})

export default dbConfig
