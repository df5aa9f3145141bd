import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * What the counter records when it receives a dossier (OS-5.2, OS-6.1, ST-3):
 *
 * - `dossier_received_components`: the procedure's components as they stood at intake (name,
 *   copies, required), each ticked when the paper was handed in. A snapshot, so the checklist
 *   and the receipt slip still read right after an admin edits the procedure.
 * - `dossier_supplement_requests`: each "Yêu cầu bổ sung giấy tờ": the reason and the list of
 *   papers to add, who asked at which step, and when the supplement arrived (`fulfilled_at`).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('dossier_received_components', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('dossier_id').notNullable()
      table.bigInteger('procedure_component_id').nullable()
      table.integer('position').notNullable()
      table.text('name').notNullable()
      table.integer('original_copies').notNullable().defaultTo(0)
      table.integer('photocopies').notNullable().defaultTo(0)
      table.boolean('is_required').notNullable()
      table.boolean('received').notNullable().defaultTo(false)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.unique(['tenant_id', 'dossier_id', 'position'])
      table.foreign(['tenant_id', 'dossier_id']).references(['tenant_id', 'id']).inTable('dossiers')
    })
    // A component removed from the procedure later stays in the checklist under its name.
    this.schema.raw(
      `alter table dossier_received_components add constraint dossier_received_components_component_foreign
         foreign key (tenant_id, procedure_component_id) references procedure_components (tenant_id, id)
         on delete set null (procedure_component_id)`
    )
    isolateByTenant(this, 'dossier_received_components')

    this.schema.createTable('dossier_supplement_requests', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('dossier_id').notNullable()
      table.text('reason').notNullable()
      /** The papers to add or correct, one text per paper, in the order they were listed. */
      table.jsonb('papers').notNullable().defaultTo('[]')
      table.string('step_key', 40).nullable()
      table.bigInteger('requested_by').nullable()
      table.timestamp('requested_at', { useTz: true }).notNullable()
      table.timestamp('fulfilled_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'dossier_id']).references(['tenant_id', 'id']).inTable('dossiers')
      table.foreign(['tenant_id', 'requested_by']).references(['tenant_id', 'id']).inTable('users')
      table.index(['tenant_id', 'dossier_id'])
    })
    this.schema.raw(
      `alter table dossier_supplement_requests add constraint dossier_supplement_requests_reason_check
         check (length(trim(reason)) > 0)`
    )
    isolateByTenant(this, 'dossier_supplement_requests')
  }

  async down() {
    this.schema.dropTable('dossier_supplement_requests')
    this.schema.dropTable('dossier_received_components')
  }
}
