import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * The daily email digest of reminders and counts (OS-22.5) is sent once per tenant and day,
 * whoever starts it (the web server's daily timer in each app process, or the ace command from
 * cron): the run inserts its (tenant, day) row in the same transaction that queues the emails,
 * and a second run finds the row taken and sends nothing.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('digest_runs', (table) => {
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      /** The day in Asia/Ho_Chi_Minh the digest is for. */
      table.date('day').notNullable()
      table.timestamp('sent_at', { useTz: true }).notNullable()
      /** How many officers were sent a digest. */
      table.integer('recipients').notNullable()
      table.primary(['tenant_id', 'day'])
    })
    this.schema.raw('alter table digest_runs add constraint digest_runs_recipients_check check (recipients >= 0)')
    isolateByTenant(this, 'digest_runs')
  }

  async down() {
    this.schema.dropTable('digest_runs')
  }
}
