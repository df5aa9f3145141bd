/*
 * Run at server start: pending migrations, then (outside production) the demo tenants when the
 * database has none, so `npm start` on a fresh clone shows a working portal.
 */
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { MigrationRunner } from '@adonisjs/lucid/migration'
import logger from '@adonisjs/core/services/logger'

export async function migrateDatabase() {
  const migrator = new MigrationRunner(db, app, { direction: 'up' })
  await migrator.run()
  if (migrator.error) throw migrator.error
  return Object.keys(migrator.migratedFiles).length
}

export async function prepareDatabase() {
  const applied = await migrateDatabase()
  if (applied > 0) logger.info(`applied ${applied} migration(s)`)
  if (app.inProduction || process.env.SEED_DEMO === 'false') return
  const [{ count }] = await db.from('tenants').count('* as count')
  if (Number(count) === 0) {
    const { seedDemoData } = await import('#database/demo/seed_demo_data')
    await seedDemoData()
  }
  const { printDemoGuide } = await import('#database/demo/demo_guide')
  printDemoGuide()
}
