import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * The trail of every dossier (OS-18.1): one row per action, append-only and hash-chained.
 * `hash` is SHA-256 over a canonical JSON of the row's fields and `previous_hash` (the hash of the
 * dossier's previous event), so an edited, removed or reordered row breaks the chain; the
 * dossier row keeps the chain's head (trail_length, trail_head_hash) so a removed last event is
 * noticed too. The triggers refuse UPDATE, DELETE and TRUNCATE for the app role; a superuser can
 * still get around them, which is what `node ace trail:verify` is for.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('dossier_events', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('dossier_id').notNullable()
      /** 1, 2, 3, … within the dossier. */
      table.integer('sequence').notNullable()
      table.timestamp('occurred_at', { useTz: true }).notNullable()
      table.bigInteger('actor_id').nullable()
      /** The actor's name as it was (or the system's name for automatic events). */
      table.text('actor_name').nullable()
      table.string('step_key', 40).nullable()
      /** What happened, a stable snake_case code (receive, submit, assign, request_supplement, …). */
      table.string('action', 60).notNullable()
      table.string('from_status', 40).nullable()
      table.string('to_status', 40).nullable()
      table.text('comment').nullable()
      /** Files attached to the action: [{ name, sha256, … }]. */
      table.jsonb('attachments').notNullable().defaultTo('[]')
      /** Shown to the applicant on the portal, or internal to the officers. */
      table.boolean('public').notNullable().defaultTo(false)
      table.specificType('previous_hash', 'char(64)').nullable()
      table.specificType('hash', 'char(64)').notNullable()
      table.unique(['tenant_id', 'id'])
      table.unique(['tenant_id', 'dossier_id', 'sequence'])
      table.foreign(['tenant_id', 'dossier_id']).references(['tenant_id', 'id']).inTable('dossiers')
      table.foreign(['tenant_id', 'actor_id']).references(['tenant_id', 'id']).inTable('users')
    })
    this.schema.raw('alter table dossier_events add constraint dossier_events_sequence_check check (sequence >= 1)')
    this.schema.raw(
      'alter table dossier_events add constraint dossier_events_chain_check check ((sequence = 1) = (previous_hash is null))'
    )
    this.schema.raw(`alter table dossier_events add constraint dossier_events_action_check check (action ~ '^[a-z0-9_]+$')`)
    isolateByTenant(this, 'dossier_events')

    this.schema.raw(`
      create or replace function dossier_events_append_only() returns trigger
      language plpgsql as $$
      begin
        -- A tenant being deleted takes its trail with it (the cascade runs after the tenant row
        -- is gone); any other change to a recorded event is refused.
        if tg_op = 'DELETE' and not exists (select 1 from tenants where id = old.tenant_id) then
          return old;
        end if;
        raise exception 'dossier_events is append-only: % of event % (dossier %, sequence %) refused',
          tg_op, old.id, old.dossier_id, old.sequence using errcode = 'P0001';
      end
      $$
    `)
    this.schema.raw(`
      create trigger dossier_events_append_only before update or delete on dossier_events
      for each row execute function dossier_events_append_only()
    `)
    this.schema.raw(`
      create or replace function dossier_events_no_truncate() returns trigger
      language plpgsql as $$
      begin
        raise exception 'dossier_events is append-only: TRUNCATE refused' using errcode = 'P0001';
      end
      $$
    `)
    this.schema.raw(`
      create trigger dossier_events_no_truncate before truncate on dossier_events
      for each statement execute function dossier_events_no_truncate()
    `)
  }

  async down() {
    this.schema.dropTable('dossier_events')
    this.schema.raw('drop function if exists dossier_events_append_only()')
    this.schema.raw('drop function if exists dossier_events_no_truncate()')
  }
}
