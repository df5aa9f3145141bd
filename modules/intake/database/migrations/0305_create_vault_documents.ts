import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * The applicant's document vault (kho dữ liệu, NF-8, OL-4): papers kept in the account for reuse,
 * so a paper handed in once is picked again instead of uploaded again (PT-1.1). A paper an agency
 * has checked is `verified`, by whom and when.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('vault_documents', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('owner_user_id').notNullable()
      table.bigInteger('stored_file_id').notNullable()
      /** A document type code (shared catalogue of document types), or '' when the applicant did not say. */
      table.string('document_type', 60).notNullable().defaultTo('')
      table.text('label').notNullable()
      table.boolean('verified').notNullable().defaultTo(false)
      table.bigInteger('verified_by').nullable()
      table.timestamp('verified_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'owner_user_id']).references(['tenant_id', 'id']).inTable('users').onDelete('CASCADE')
      table.foreign(['tenant_id', 'stored_file_id']).references(['tenant_id', 'id']).inTable('stored_files')
      table.foreign(['tenant_id', 'verified_by']).references(['tenant_id', 'id']).inTable('users')
      table.index(['tenant_id', 'owner_user_id'])
    })
    this.schema.raw(
      `alter table vault_documents add constraint vault_documents_verified_check
         check (verified or (verified_by is null and verified_at is null))`
    )
    isolateByTenant(this, 'vault_documents')
  }

  async down() {
    this.schema.dropTable('vault_documents')
  }
}
