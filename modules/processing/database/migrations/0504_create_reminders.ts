import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * Reminders shown to officers on screen (issue 5 items 4 and 10): new work that reached them,
 * and work past its due time found by the deadline sweep. One reminder per officer, dossier step
 * and kind, so running the sweep again adds nothing; `seen_at` is set when the officer marks it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('reminders', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('officer_id').notNullable()
      table.bigInteger('dossier_id').notNullable()
      table.bigInteger('dossier_step_id').nullable()
      table.string('kind', 20).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('seen_at', { useTz: true }).nullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'officer_id']).references(['tenant_id', 'id']).inTable('users')
      table.foreign(['tenant_id', 'dossier_id']).references(['tenant_id', 'id']).inTable('dossiers')
      table.foreign(['tenant_id', 'dossier_step_id']).references(['tenant_id', 'id']).inTable('dossier_steps')
    })
    this.schema.raw(`alter table reminders add constraint reminders_kind_check check (kind in ('overdue', 'new_work'))`)
    this.schema.raw(
      'create unique index reminders_once on reminders (tenant_id, officer_id, dossier_id, dossier_step_id, kind) nulls not distinct'
    )
    this.schema.raw('create index reminders_unseen on reminders (tenant_id, officer_id) where seen_at is null')
    isolateByTenant(this, 'reminders')
  }

  async down() {
    this.schema.dropTable('reminders')
  }
}
