import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * The processing clock of a dossier (issue 5 item 4), one row per dossier once processing
 * touches it. A supplement request stops the clock: `stopped_at` is set, with what was left of
 * the dossier's time to its appointment date and of the asking step's time. When the supplement
 * arrives the clock runs again, resumed from what was left or restarted from the whole legal
 * deadline as the procedure says (procedures.supplement_clock); the asking step gets its time
 * back when the dossier returns to it (`return_step_key`).
 *
 * Other modules change a dossier's status too (the counter records a supplement, the applicant
 * sends one from the portal): the clock catches up with them from the trail, replaying the
 * events after `trail_sequence`.
 *
 * `overdue_recorded_for` is the appointment date whose passing the deadline sweep has already
 * written on the trail (ST-16), so each missed date is recorded once.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('dossier_clocks', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('dossier_id').notNullable()
      table.timestamp('stopped_at', { useTz: true }).nullable()
      /** Working minutes left to the appointment date when the clock stopped (may be negative). */
      table.integer('dossier_remaining_minutes').nullable()
      /** The step that asked for the supplement, waiting to get the dossier back. */
      table.string('return_step_key', 40).nullable()
      table.integer('return_step_remaining_minutes').nullable()
      table.timestamp('supplement_received_at', { useTz: true }).nullable()
      /** Working minutes the clock has been stopped for, all stops together (statistics). */
      table.integer('stopped_minutes_total').notNullable().defaultTo(0)
      table.timestamp('overdue_recorded_for', { useTz: true }).nullable()
      /** The last trail event the clock has accounted for (see settleClock). */
      table.integer('trail_sequence').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.unique(['tenant_id', 'dossier_id'])
      table.foreign(['tenant_id', 'dossier_id']).references(['tenant_id', 'id']).inTable('dossiers')
    })
    isolateByTenant(this, 'dossier_clocks')
  }

  async down() {
    this.schema.dropTable('dossier_clocks')
  }
}
