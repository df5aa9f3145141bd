import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * Dossiers (hồ sơ) as they enter the one-stop system, and the per-unit, per-day counters the
 * dossier code issuer draws from (OS-5.3, PT-4.1).
 *
 * A dossier row exists from the moment it enters the one-stop system (portal submission, counter
 * or postal intake), which is also when its code is issued, so `code` is never null. Drafts still
 * being filled on the portal are not dossiers yet.
 *
 * Not foreign keys, on purpose:
 * - `workflow_id`: the workflows table (catalog, 0204) is still being built; a composite foreign
 *   key (tenant_id, workflow_id) → workflows is added by a later migration.
 * - `eform_id`: same for e-forms (catalog, 0205).
 * - `status_code`: the stable Appendix I codes (catalog statuses, e.g. moi_dang_ky), like the
 *   workflow transitions; the statuses catalogue is maintained separately.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('dossiers', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      /** Dossier code, Circular 01/2018/TT-VPCP Art. 19 (or the tenant's 2025 variant). */
      table.string('code', 60).notNullable()
      table.bigInteger('procedure_id').notNullable()
      /** The workflow version the dossier runs on; no foreign key yet (see above). */
      table.bigInteger('workflow_id').nullable()
      table.string('channel', 10).notNullable()
      /** The unit that received the dossier; its identifier code heads the dossier code. */
      table.bigInteger('receiving_agency_id').notNullable()
      /** The applicant's account, for dossiers filed online; counter dossiers may have none. */
      table.bigInteger('applicant_id').nullable()
      /** Applicant data as filed: it stays as it was even when the account changes later. */
      table.text('applicant_full_name').notNullable()
      table.string('applicant_national_id', 20).nullable()
      table.text('applicant_organisation_name').nullable()
      table.string('applicant_tax_code', 20).nullable()
      table.string('applicant_phone', 30).nullable()
      table.string('applicant_email', 255).nullable()
      table.text('applicant_address').nullable()
      /** Stable Appendix I status code (catalog statuses), e.g. moi_dang_ky, duoc_tiep_nhan. */
      table.string('status_code', 40).notNullable()
      /** The detail the ST table asks to show with the status (reason, handler, deadline, …). */
      table.text('status_detail').notNullable().defaultTo('')
      table.timestamp('received_at', { useTz: true }).notNullable()
      table.timestamp('appointment_at', { useTz: true }).nullable()
      table.string('current_step_key', 40).nullable()
      /** Optimistic locking: every guarded change bumps it and checks the value it read. */
      table.integer('lock_version').notNullable().defaultTo(1)
      table.bigInteger('eform_id').nullable()
      table.integer('eform_version').nullable()
      table.jsonb('form_values').notNullable().defaultTo('{}')
      /** Head of the trail's hash chain (dossier_events), kept by the trail service only. */
      table.integer('trail_length').notNullable().defaultTo(0)
      table.specificType('trail_head_hash', 'char(64)').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.unique(['tenant_id', 'code'])
      table.foreign(['tenant_id', 'procedure_id']).references(['tenant_id', 'id']).inTable('procedures')
      table.foreign(['tenant_id', 'receiving_agency_id']).references(['tenant_id', 'id']).inTable('agencies')
      table.foreign(['tenant_id', 'applicant_id']).references(['tenant_id', 'id']).inTable('users')
      table.index(['tenant_id', 'status_code'])
      table.index(['tenant_id', 'procedure_id'])
      table.index(['tenant_id', 'applicant_id'])
      table.index(['tenant_id', 'received_at'])
    })
    this.schema.raw(
      `alter table dossiers add constraint dossiers_channel_check check (channel in ('counter', 'online', 'postal'))`
    )
    this.schema.raw(`alter table dossiers add constraint dossiers_status_code_check check (status_code ~ '^[a-z0-9_]+$')`)
    this.schema.raw('alter table dossiers add constraint dossiers_lock_version_check check (lock_version >= 1)')
    this.schema.raw(
      'alter table dossiers add constraint dossiers_eform_check check ((eform_id is null) = (eform_version is null))'
    )
    this.schema.raw(
      'alter table dossiers add constraint dossiers_trail_check check ((trail_length = 0) = (trail_head_hash is null))'
    )
    isolateByTenant(this, 'dossiers')

    /**
     * The last sequence issued per receiving unit and day (the day in Asia/Ho_Chi_Minh). The
     * issuer increments it with insert … on conflict do update inside the intake's transaction:
     * the row stays locked until that transaction ends, so concurrent intakes of one unit queue
     * behind each other, and a rolled-back intake rolls its increment back too (no gap).
     */
    this.schema.createTable('dossier_code_counters', (table) => {
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.string('unit_code', 40).notNullable()
      table.date('day').notNullable()
      table.integer('last_sequence').notNullable()
      table.primary(['tenant_id', 'unit_code', 'day'])
    })
    this.schema.raw(
      'alter table dossier_code_counters add constraint dossier_code_counters_sequence_check check (last_sequence >= 1)'
    )
    isolateByTenant(this, 'dossier_code_counters')
  }

  async down() {
    this.schema.dropTable('dossier_code_counters')
    this.schema.dropTable('dossiers')
  }
}
