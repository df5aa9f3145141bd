import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * Files people hand in (NF-10, OS-2.2), stored once and referred to from dossiers, drafts and the
 * document vault.
 *
 * - `stored_files`: one uploaded file: its original name, the type read from its bytes (never
 *   trusted from its name), size, SHA-256 and the key of its bytes on the Drive disk. An upload
 *   made on the portal belongs to the applicant's account (`owner_user_id`) until it joins a
 *   dossier; one scanned at the counter has no owner.
 * - `dossier_files`: a stored file as part of a dossier: which dossier component it answers,
 *   or whether it is a supplement, a scan, a result, …
 *
 * `dossiers.postal_service` holds the applicant's PT-15 choice (submit by post, result by post,
 * both) with the sender's and the recipient's details, null when the public postal service is
 * not used. `dossiers.submission_token` is the portal application's one-time token: unique, so
 * the same application submitted twice (back button, double click) makes one dossier.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('stored_files', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      /** The name on the applicant's or officer's machine, shown and used when downloading. */
      table.string('original_name', 255).notNullable()
      /** The accepted type by its usual extension (pdf, docx, …) and its media type, both read from the content. */
      table.string('file_type', 10).notNullable()
      table.string('media_type', 120).notNullable()
      table.bigInteger('size_bytes').notNullable()
      table.specificType('sha256', 'char(64)').notNullable()
      /** Key of the bytes on the private `files` Drive disk. */
      table.string('storage_key', 255).notNullable()
      table.bigInteger('uploaded_by').nullable()
      /** The applicant's account the file belongs to (portal uploads, vault); null for officers' scans. */
      table.bigInteger('owner_user_id').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.unique(['storage_key'])
      table.foreign(['tenant_id', 'uploaded_by']).references(['tenant_id', 'id']).inTable('users')
      table.foreign(['tenant_id', 'owner_user_id']).references(['tenant_id', 'id']).inTable('users')
      table.index(['tenant_id', 'owner_user_id'])
    })
    this.schema.raw('alter table stored_files add constraint stored_files_size_check check (size_bytes >= 0)')
    this.schema.raw(`alter table stored_files add constraint stored_files_type_check check (file_type ~ '^[a-z0-9]+$')`)
    isolateByTenant(this, 'stored_files')

    this.schema.createTable('dossier_files', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('dossier_id').notNullable()
      table.bigInteger('stored_file_id').notNullable()
      table.string('kind', 20).notNullable()
      /** The dossier component (thành phần hồ sơ) the file answers, when it answers one. */
      table.bigInteger('procedure_component_id').nullable()
      /** What the file is, in words (the component's name or the e-form field's label by default). */
      table.text('label').notNullable().defaultTo('')
      table.bigInteger('added_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'dossier_id']).references(['tenant_id', 'id']).inTable('dossiers')
      table.foreign(['tenant_id', 'stored_file_id']).references(['tenant_id', 'id']).inTable('stored_files')
      table.foreign(['tenant_id', 'added_by']).references(['tenant_id', 'id']).inTable('users')
      table.index(['tenant_id', 'dossier_id'])
      table.index(['tenant_id', 'stored_file_id'])
    })
    this.schema.raw(
      `alter table dossier_files add constraint dossier_files_kind_check
         check (kind in ('component', 'supplement', 'scan', 'result', 'other'))`
    )
    // A component the admin later removes from the procedure leaves the file in the dossier,
    // still named by its label. SET NULL on the one column only: tenant_id is part of the key.
    this.schema.raw(
      `alter table dossier_files add constraint dossier_files_component_foreign
         foreign key (tenant_id, procedure_component_id) references procedure_components (tenant_id, id)
         on delete set null (procedure_component_id)`
    )
    isolateByTenant(this, 'dossier_files')

    this.schema.alterTable('dossiers', (table) => {
      table.jsonb('postal_service').nullable()
      table.uuid('submission_token').nullable()
      table.unique(['tenant_id', 'submission_token'])
    })
  }

  async down() {
    this.schema.alterTable('dossiers', (table) => {
      table.dropUnique(['tenant_id', 'submission_token'])
      table.dropColumn('submission_token')
      table.dropColumn('postal_service')
    })
    this.schema.dropTable('dossier_files')
    this.schema.dropTable('stored_files')
  }
}
