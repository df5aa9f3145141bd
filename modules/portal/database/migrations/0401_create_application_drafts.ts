import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * PT-1.3: what an applicant has typed into a procedure's e-form and not submitted yet, saved as
 * they go (autosave, or the "Lưu nháp" button), one draft per applicant and procedure.
 *
 * - `values`: the e-form's inputs as typed (strings, addresses, group rows), checked on submit;
 * - `files`: the file chosen for each slot (a dossier component, or an e-form file field):
 *   `{ "component:12": { "fileId": 5 }, "field:photo": { "fileId": 9, "vaultDocumentId": 3 } }`;
 *   the stored files belong to the applicant (stored_files.owner_user_id);
 * - `postal`: the PT-15 choice and the sender's and recipient's details as typed;
 * - `submit_token`: sent with the form; a submission records it on the dossier, so the same
 *   application submitted twice makes one dossier. A submitted draft is deleted.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('application_drafts', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('applicant_id').notNullable()
      table.bigInteger('procedure_id').notNullable()
      /** The e-form version the values were typed into. */
      table.bigInteger('eform_id').nullable()
      table.jsonb('values').notNullable().defaultTo('{}')
      table.jsonb('files').notNullable().defaultTo('{}')
      table.jsonb('postal').nullable()
      table.uuid('submit_token').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.unique(['tenant_id', 'applicant_id', 'procedure_id'])
      table.foreign(['tenant_id', 'applicant_id']).references(['tenant_id', 'id']).inTable('users').onDelete('CASCADE')
      table.foreign(['tenant_id', 'procedure_id']).references(['tenant_id', 'id']).inTable('procedures').onDelete('CASCADE')
      table.foreign(['tenant_id', 'eform_id']).references(['tenant_id', 'id']).inTable('eforms')
    })
    isolateByTenant(this, 'application_drafts')
  }

  async down() {
    this.schema.dropTable('application_drafts')
  }
}
