import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * Form templates (OS-2.5, OL-7): downloadable .doc/.docx/.odt/.pdf files of a procedure, kept on
 * the Drive disk and described here. E-forms (PT-1.1, PT-1.2): the interactive form of a
 * procedure as a versioned list of fields; a dossier keeps the version it was filed with, so a
 * version is never changed once written and saving makes a new one.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('form_templates', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('procedure_id').notNullable()
      table.bigInteger('procedure_component_id').nullable()
      table.text('name').notNullable()
      table.text('legal_basis').notNullable().defaultTo('')
      /** Key of the file on the `files` Drive disk. */
      table.string('file_key', 255).notNullable()
      table.string('original_name', 255).notNullable()
      /** MIME type detected from the content, never the one the browser claimed. */
      table.string('mime_type', 127).notNullable()
      table.bigInteger('size_bytes').notNullable()
      table.string('checksum_sha256', 64).notNullable()
      table.bigInteger('uploaded_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'procedure_id']).references(['tenant_id', 'id']).inTable('procedures').onDelete('CASCADE')
      table.index(['tenant_id', 'procedure_id'])
    })
    // SET NULL on the one column only: tenant_id is part of the key and stays.
    this.schema.raw(
      `alter table form_templates add constraint form_templates_component_fk
         foreign key (tenant_id, procedure_component_id) references procedure_components (tenant_id, id)
         on delete set null (procedure_component_id)`
    )
    this.schema.raw(
      `alter table form_templates add constraint form_templates_uploaded_by_fk
         foreign key (tenant_id, uploaded_by) references users (tenant_id, id) on delete set null (uploaded_by)`
    )
    isolateByTenant(this, 'form_templates')

    this.schema.createTable('eforms', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('procedure_id').notNullable()
      table.integer('version').notNullable()
      table.boolean('is_current').notNullable().defaultTo(false)
      /** The ordered fields, as described by modules/catalog/services/eform_definition.ts. */
      table.jsonb('fields').notNullable()
      table.bigInteger('created_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.unique(['tenant_id', 'procedure_id', 'version'])
      table.foreign(['tenant_id', 'procedure_id']).references(['tenant_id', 'id']).inTable('procedures').onDelete('CASCADE')
    })
    this.schema.raw('alter table eforms add constraint eforms_version_positive check (version > 0)')
    this.schema.raw(
      'create unique index eforms_one_current_per_procedure on eforms (tenant_id, procedure_id) where is_current'
    )
    this.schema.raw(
      `alter table eforms add constraint eforms_created_by_fk
         foreign key (tenant_id, created_by) references users (tenant_id, id) on delete set null (created_by)`
    )
    isolateByTenant(this, 'eforms')
  }

  async down() {
    this.schema.dropTable('eforms')
    this.schema.dropTable('form_templates')
  }
}
