import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * Versioned workflows (OS-3): saving a workflow writes a whole new version (its steps and
 * transitions copied) and moves `is_current` to it, so running dossiers keep the version they
 * started with (OS-3.1). A workflow without a procedure is a template of the tenant's library.
 * Transition statuses are the stable Appendix I codes; they are not foreign keys, the statuses
 * catalogue is maintained separately.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('workflows', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      /** Null: a template of the library. */
      table.bigInteger('procedure_id').nullable()
      /** For templates: the library key that groups a template's versions. */
      table.string('template_key', 60).nullable()
      table.string('name', 255).notNullable()
      table.integer('version').notNullable()
      table.boolean('is_current').notNullable().defaultTo(true)
      table.bigInteger('created_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'procedure_id']).references(['tenant_id', 'id']).inTable('procedures').onDelete('CASCADE')
      table.foreign(['tenant_id', 'created_by']).references(['tenant_id', 'id']).inTable('users')
    })
    this.schema.raw(
      'alter table workflows add constraint workflows_owner_check check ((procedure_id is null) <> (template_key is null))'
    )
    this.schema.raw('alter table workflows add constraint workflows_version_check check (version >= 1)')
    this.schema.raw(
      'create unique index workflows_procedure_version_unique on workflows (tenant_id, procedure_id, version) where procedure_id is not null'
    )
    this.schema.raw(
      'create unique index workflows_procedure_current_unique on workflows (tenant_id, procedure_id) where procedure_id is not null and is_current'
    )
    this.schema.raw(
      'create unique index workflows_template_version_unique on workflows (tenant_id, template_key, version) where template_key is not null'
    )
    this.schema.raw(
      'create unique index workflows_template_current_unique on workflows (tenant_id, template_key) where template_key is not null and is_current'
    )
    isolateByTenant(this, 'workflows')

    this.schema.createTable('workflow_steps', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable()
      table.bigInteger('workflow_id').notNullable()
      /** Stable within the workflow (and across its versions), e.g. "tiep_nhan". */
      table.string('key', 40).notNullable()
      table.string('name', 255).notNullable()
      table
        .enum('kind', ['intake', 'assignment', 'processing', 'consultation', 'approval', 'financial_obligation', 'return'])
        .notNullable()
      table.bigInteger('department_id').nullable()
      /** One of OFFICER_ROLES. */
      table.string('role', 40).nullable()
      /** Working minutes the step may take (OS-3.2). */
      table.integer('time_limit_minutes').notNullable()
      /** Intake steps only: the channels whose new dossiers start here ('counter', 'online'; OS-3.4). */
      table.specificType('entry_channels', 'text[]').notNullable().defaultTo('{}')
      table.integer('position').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.unique(['workflow_id', 'key'])
      table.foreign(['tenant_id', 'workflow_id']).references(['tenant_id', 'id']).inTable('workflows').onDelete('CASCADE')
      table.foreign(['tenant_id', 'department_id']).references(['tenant_id', 'id']).inTable('departments')
    })
    this.schema.raw(
      'alter table workflow_steps add constraint workflow_steps_time_limit_check check (time_limit_minutes >= 0)'
    )
    this.schema.raw(
      'alter table workflow_steps add constraint workflow_steps_actor_check check (department_id is not null or role is not null)'
    )
    isolateByTenant(this, 'workflow_steps')

    this.schema.createTable('workflow_transitions', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable()
      table.bigInteger('workflow_id').notNullable()
      table.bigInteger('from_step_id').notNullable()
      /** Null: the transition ends processing. */
      table.bigInteger('to_step_id').nullable()
      /** The action officers see, in Vietnamese ("Chuyển xử lý", "Yêu cầu bổ sung", …). */
      table.string('action', 120).notNullable()
      /** The Appendix I status code the dossier takes ('dang_xu_ly', 'da_tra_ket_qua', …). */
      table.string('status_code', 40).notNullable()
      table.boolean('requires_reason').notNullable().defaultTo(false)
      table.boolean('requires_attachment').notNullable().defaultTo(false)
      table.integer('position').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'workflow_id']).references(['tenant_id', 'id']).inTable('workflows').onDelete('CASCADE')
      table.foreign(['tenant_id', 'from_step_id']).references(['tenant_id', 'id']).inTable('workflow_steps').onDelete('CASCADE')
      table.foreign(['tenant_id', 'to_step_id']).references(['tenant_id', 'id']).inTable('workflow_steps').onDelete('CASCADE')
      table.index(['workflow_id'])
    })
    isolateByTenant(this, 'workflow_transitions')
  }

  async down() {
    this.schema.dropTable('workflow_transitions')
    this.schema.dropTable('workflow_steps')
    this.schema.dropTable('workflows')
  }
}
