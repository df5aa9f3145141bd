import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * The steps a dossier passes through, as they happen (issue 5 items 4 and 5): one row each time
 * the dossier enters a step of its workflow version, with who holds it and when it is due.
 *
 * - `due_at` comes from the step's limit in working minutes on the tenant's working calendar;
 *   it is null while the clock is stopped (waiting for the applicant's supplement) and for steps
 *   without a limit. `allowed_minutes` is what the step was given: the full limit, or what was
 *   left of it when a supplement request stopped the clock and the procedure resumes it.
 * - At most one row per dossier is open (`finished_at` null): the dossier's current step.
 * - `overdue_at` is set by the deadline sweep when it first finds the row past its due time.
 * - `step_key` and `step_name` are copied from the workflow step so the history reads the same
 *   after the procedure's workflow gets a new version.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('dossier_steps', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('dossier_id').notNullable()
      table.bigInteger('workflow_step_id').notNullable()
      table.string('step_key', 40).notNullable()
      table.text('step_name').notNullable()
      table.bigInteger('department_id').nullable()
      /** The officer holding the step (a handler assigned by the department head, …). */
      table.bigInteger('assignee_id').nullable()
      table.timestamp('started_at', { useTz: true }).notNullable()
      table.integer('allowed_minutes').nullable()
      table.timestamp('due_at', { useTz: true }).nullable()
      /** Waiting for the applicant: the clock does not run, there is no due time. */
      table.boolean('clock_stopped').notNullable().defaultTo(false)
      table.timestamp('finished_at', { useTz: true }).nullable()
      table.bigInteger('finished_by').nullable()
      /** The workflow transition that ended the step, and the status it led to. */
      table.bigInteger('transition_id').nullable()
      table.string('finished_status', 40).nullable()
      table.timestamp('overdue_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'dossier_id']).references(['tenant_id', 'id']).inTable('dossiers')
      table.foreign(['tenant_id', 'workflow_step_id']).references(['tenant_id', 'id']).inTable('workflow_steps')
      table.foreign(['tenant_id', 'department_id']).references(['tenant_id', 'id']).inTable('departments')
      table.foreign(['tenant_id', 'assignee_id']).references(['tenant_id', 'id']).inTable('users')
      table.foreign(['tenant_id', 'finished_by']).references(['tenant_id', 'id']).inTable('users')
      table.foreign(['tenant_id', 'transition_id']).references(['tenant_id', 'id']).inTable('workflow_transitions')
      table.index(['tenant_id', 'dossier_id'])
      table.index(['tenant_id', 'assignee_id'])
      table.index(['tenant_id', 'finished_by'])
    })
    this.schema.raw(
      'create unique index dossier_steps_one_open on dossier_steps (tenant_id, dossier_id) where finished_at is null'
    )
    this.schema.raw(
      'create index dossier_steps_open_due on dossier_steps (tenant_id, due_at) where finished_at is null and overdue_at is null'
    )
    this.schema.raw(
      'alter table dossier_steps add constraint dossier_steps_allowed_check check (allowed_minutes is null or allowed_minutes >= 0)'
    )
    this.schema.raw(
      'alter table dossier_steps add constraint dossier_steps_finish_check check (finished_at is null or finished_at >= started_at)'
    )
    isolateByTenant(this, 'dossier_steps')
  }

  async down() {
    this.schema.dropTable('dossier_steps')
  }
}
