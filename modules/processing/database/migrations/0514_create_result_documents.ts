import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * The result document of a dossier (OS-8.7, OS-9, OS-10): the draft the handler attaches or
 * generates from the procedure's result template, signed off through the approval rounds, then
 * handed over; for level-4 services delivered to the applicant's account (`delivered_at`).
 * The latest row of a dossier is its current result document; earlier ones are kept.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('result_documents', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('dossier_id').notNullable()
      table.bigInteger('stored_file_id').notNullable()
      table.string('source', 20).notNullable()
      table.text('title').notNullable()
      table.bigInteger('created_by').notNullable()
      table.timestamp('delivered_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'dossier_id']).references(['tenant_id', 'id']).inTable('dossiers')
      table.foreign(['tenant_id', 'stored_file_id']).references(['tenant_id', 'id']).inTable('stored_files')
      table.foreign(['tenant_id', 'created_by']).references(['tenant_id', 'id']).inTable('users')
      table.index(['tenant_id', 'dossier_id'])
    })
    this.schema.raw(`alter table result_documents add constraint result_documents_source_check check (source in ('upload', 'template'))`)
    isolateByTenant(this, 'result_documents')
  }

  async down() {
    this.schema.dropTable('result_documents')
  }
}
