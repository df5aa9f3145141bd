import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * OS-1.3, GR-6: a difference report between the National Database on Administrative Procedures
 * and the tenant's procedures, fetched by an admin and kept pending until it is applied (all or
 * some of its items) or discarded. Reports are never deleted: they are the history of syncs.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('procedure_imports', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.enum('status', ['pending', 'applied', 'discarded']).notNullable().defaultTo('pending')
      /** The agency code asked for (the tenant's code). */
      table.string('agency_code', 40).notNullable()
      table.timestamp('fetched_at', { useTz: true }).notNullable()
      /** { added: [...], changed: [...], withdrawn: [...] }, see services/procedure_sync.ts. */
      table.jsonb('diff').notNullable()
      /** National codes of the items applied (a subset of the report's). */
      table.jsonb('applied_codes').notNullable().defaultTo('[]')
      table.bigInteger('created_by').nullable()
      table.bigInteger('applied_by').nullable()
      table.timestamp('applied_at', { useTz: true }).nullable()
      table.bigInteger('discarded_by').nullable()
      table.timestamp('discarded_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'created_by']).references(['tenant_id', 'id']).inTable('users')
      table.foreign(['tenant_id', 'applied_by']).references(['tenant_id', 'id']).inTable('users')
      table.foreign(['tenant_id', 'discarded_by']).references(['tenant_id', 'id']).inTable('users')
      table.index(['tenant_id', 'status'])
    })
    isolateByTenant(this, 'procedure_imports')
  }

  async down() {
    this.schema.dropTable('procedure_imports')
  }
}
