import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * Approval rounds (OS-9): each decision taken at an approval step of the dossier's workflow.
 * `round` is the step's place among the workflow's approval steps (1: the department head's
 * check, 2: the leader's signature, …), so the rounds read in order. `decision`: approved (the
 * dossier moved on), sent_back (to the department or the handler, with directions), refused
 * (processing stopped, with directions). `result_document_id`: the document as it stood.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('approval_decisions', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('dossier_id').notNullable()
      table.bigInteger('dossier_step_id').nullable()
      table.string('step_key', 40).notNullable()
      table.text('step_name').notNullable()
      table.integer('round').notNullable()
      table.string('decision', 20).notNullable()
      table.text('directions').nullable()
      table.bigInteger('decided_by').notNullable()
      table.timestamp('decided_at', { useTz: true }).notNullable()
      table.bigInteger('result_document_id').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'dossier_id']).references(['tenant_id', 'id']).inTable('dossiers')
      table.foreign(['tenant_id', 'dossier_step_id']).references(['tenant_id', 'id']).inTable('dossier_steps')
      table.foreign(['tenant_id', 'decided_by']).references(['tenant_id', 'id']).inTable('users')
      table.foreign(['tenant_id', 'result_document_id']).references(['tenant_id', 'id']).inTable('result_documents')
      table.index(['tenant_id', 'dossier_id'])
      table.index(['tenant_id', 'decided_by', 'decision'])
    })
    this.schema.raw(
      `alter table approval_decisions add constraint approval_decisions_decision_check check (decision in ('approved', 'sent_back', 'refused'))`
    )
    this.schema.raw(
      `alter table approval_decisions add constraint approval_decisions_directions_check
         check (decision = 'approved' or length(trim(directions)) > 0)`
    )
    isolateByTenant(this, 'approval_decisions')
  }

  async down() {
    this.schema.dropTable('approval_decisions')
  }
}
