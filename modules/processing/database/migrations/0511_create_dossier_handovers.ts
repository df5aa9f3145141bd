import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * A dossier's current step handed to another officer for a while (OS-8.4, OS-8.6, ST-15):
 *
 * - `delegation`: the holder hands the dossier to a colleague who may hold the same step, until
 *   a date; the colleague acts in the holder's place until one of them ends it;
 * - `transfer`: inter-agency (liên thông) processing, the holder sends the dossier to an officer
 *   of another agency, who returns it with their result; nothing else moves it meanwhile.
 *
 * While open, the passage's holder (dossier_steps.assignee_id) is `to_officer_id`; ending it
 * gives the passage back to `from_officer_id`. At most one open handover per passage.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('dossier_handovers', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('dossier_id').notNullable()
      table.bigInteger('dossier_step_id').notNullable()
      table.string('kind', 20).notNullable()
      table.bigInteger('from_officer_id').notNullable()
      table.bigInteger('to_officer_id').notNullable()
      table.text('reason').notNullable()
      /** Delegations only: the last day the colleague holds the dossier. */
      table.date('until').nullable()
      table.timestamp('started_at', { useTz: true }).notNullable()
      table.timestamp('ended_at', { useTz: true }).nullable()
      table.bigInteger('ended_by').nullable()
      /** What the partner agency answers when it returns a transferred dossier. */
      table.text('outcome').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'dossier_id']).references(['tenant_id', 'id']).inTable('dossiers')
      table.foreign(['tenant_id', 'dossier_step_id']).references(['tenant_id', 'id']).inTable('dossier_steps')
      table.foreign(['tenant_id', 'from_officer_id']).references(['tenant_id', 'id']).inTable('users')
      table.foreign(['tenant_id', 'to_officer_id']).references(['tenant_id', 'id']).inTable('users')
      table.foreign(['tenant_id', 'ended_by']).references(['tenant_id', 'id']).inTable('users')
      table.index(['tenant_id', 'dossier_id'])
      table.index(['tenant_id', 'to_officer_id'])
    })
    this.schema.raw(`alter table dossier_handovers add constraint dossier_handovers_kind_check check (kind in ('delegation', 'transfer'))`)
    this.schema.raw(
      `alter table dossier_handovers add constraint dossier_handovers_until_check check ((kind = 'delegation') = (until is not null))`
    )
    this.schema.raw(`alter table dossier_handovers add constraint dossier_handovers_people_check check (from_officer_id <> to_officer_id)`)
    this.schema.raw(
      'create unique index dossier_handovers_one_open on dossier_handovers (tenant_id, dossier_step_id) where ended_at is null'
    )
    isolateByTenant(this, 'dossier_handovers')
  }

  async down() {
    this.schema.dropTable('dossier_handovers')
  }
}
