import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'
import { loadAdministrativeUnits } from '#catalog/services/administrative_unit_data'

/**
 * Shared catalogues (OS-16, GR-6). Administrative units are the same for every tenant: one
 * platform-wide table (no tenant_id, no row-level security), loaded here from
 * database/data/administrative-units-2025.json. Document types and internal catalogues are the
 * tenant's own: shared_catalogues and their entries. Agencies live in the users module.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('administrative_units', (table) => {
      /** Statistics-office code: 2 digits for a province, 5 for a commune or ward. */
      table.string('code', 10).primary()
      table.string('name', 255).notNullable()
      table.enum('level', ['province', 'commune']).notNullable()
      table.string('parent_code', 10).nullable().references('administrative_units.code')
      /** The date the unit exists from in this form (1 July 2025 for the two-tier reform). */
      table.date('valid_from').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['parent_code'])
    })
    this.schema.raw(
      'create index administrative_units_name_search on administrative_units using gin (lower(immutable_unaccent(name)) gin_trgm_ops)'
    )

    this.schema.createTable('shared_catalogues', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      /** The catalogue's code, also its code at the national source when source = national. */
      table.string('code', 100).notNullable()
      table.string('name', 255).notNullable()
      table.enum('kind', ['document_types', 'internal', 'other']).notNullable()
      table.enum('source', ['local', 'national']).notNullable().defaultTo('local')
      table.text('description').notNullable().defaultTo('')
      /** Highest version received from the national source; the next sync asks for newer ones. */
      table.bigInteger('sync_version').notNullable().defaultTo(0)
      table.timestamp('last_synced_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.unique(['tenant_id', 'code'])
    })
    isolateByTenant(this, 'shared_catalogues')

    this.schema.createTable('shared_catalogue_entries', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable()
      table.bigInteger('catalogue_id').notNullable()
      table.string('code', 100).notNullable()
      table.string('name', 500).notNullable()
      /** Entries are never deleted (dossiers may cite them): a removed entry is deactivated. */
      table.boolean('is_active').notNullable().defaultTo(true)
      /** Version of the entry at the national source, for synced catalogues. */
      table.bigInteger('source_version').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.unique(['tenant_id', 'catalogue_id', 'code'])
      table
        .foreign(['tenant_id', 'catalogue_id'])
        .references(['tenant_id', 'id'])
        .inTable('shared_catalogues')
        .onDelete('CASCADE')
    })
    this.schema.raw(
      'create index shared_catalogue_entries_name_search on shared_catalogue_entries using gin (lower(immutable_unaccent(name)) gin_trgm_ops)'
    )
    isolateByTenant(this, 'shared_catalogue_entries')

    this.defer(async (client) => {
      await loadAdministrativeUnits(client)
    })
  }

  async down() {
    this.schema.dropTable('shared_catalogue_entries')
    this.schema.dropTable('shared_catalogues')
    this.schema.dropTable('administrative_units')
  }
}
