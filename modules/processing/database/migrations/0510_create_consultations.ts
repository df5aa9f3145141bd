import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * Consultation (OS-8.6, ST-14): the handler holding a dossier asks another department (of its
 * own agency or of another agency) for an opinion by a due date; an officer of that department
 * answers with a text and files. The dossier stays with the handler meanwhile.
 *
 * - `consultations`: one request to one department; `answered_at` set once, by the answer.
 *   `dossier_step_id` is the passage the handler held when asking.
 * - `consultation_files`: the files that came with the answer (they are also dossier files).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('consultations', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('dossier_id').notNullable()
      table.bigInteger('dossier_step_id').nullable()
      table.bigInteger('department_id').notNullable()
      table.text('question').notNullable()
      table.timestamp('due_at', { useTz: true }).notNullable()
      table.bigInteger('requested_by').notNullable()
      table.timestamp('requested_at', { useTz: true }).notNullable()
      table.text('answer').nullable()
      table.bigInteger('answered_by').nullable()
      table.timestamp('answered_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'dossier_id']).references(['tenant_id', 'id']).inTable('dossiers')
      table.foreign(['tenant_id', 'dossier_step_id']).references(['tenant_id', 'id']).inTable('dossier_steps')
      table.foreign(['tenant_id', 'department_id']).references(['tenant_id', 'id']).inTable('departments')
      table.foreign(['tenant_id', 'requested_by']).references(['tenant_id', 'id']).inTable('users')
      table.foreign(['tenant_id', 'answered_by']).references(['tenant_id', 'id']).inTable('users')
      table.index(['tenant_id', 'dossier_id'])
      table.index(['tenant_id', 'department_id', 'answered_at'])
    })
    this.schema.raw(`alter table consultations add constraint consultations_question_check check (length(trim(question)) > 0)`)
    this.schema.raw(
      `alter table consultations add constraint consultations_answer_check
         check ((answered_at is null and answered_by is null and answer is null)
             or (answered_at is not null and answered_by is not null and length(trim(answer)) > 0))`
    )
    isolateByTenant(this, 'consultations')

    this.schema.createTable('consultation_files', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('consultation_id').notNullable()
      table.bigInteger('stored_file_id').notNullable()
      table.unique(['tenant_id', 'id'])
      table.unique(['tenant_id', 'consultation_id', 'stored_file_id'])
      table.foreign(['tenant_id', 'consultation_id']).references(['tenant_id', 'id']).inTable('consultations')
      table.foreign(['tenant_id', 'stored_file_id']).references(['tenant_id', 'id']).inTable('stored_files')
    })
    isolateByTenant(this, 'consultation_files')
  }

  async down() {
    this.schema.dropTable('consultation_files')
    this.schema.dropTable('consultations')
  }
}
