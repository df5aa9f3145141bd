import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * What a tenant offers (OS-1): sectors, procedure groups and procedures with their dossier
 * components, fees and performing agencies. Procedure names are the legal names (OL-6).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('sectors', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.string('code', 40).notNullable()
      table.string('name', 255).notNullable()
      table.integer('position').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.unique(['tenant_id', 'code'])
    })
    isolateByTenant(this, 'sectors')

    this.schema.createTable('procedure_groups', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable()
      table.bigInteger('sector_id').notNullable()
      table.string('name', 255).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'sector_id']).references(['tenant_id', 'id']).inTable('sectors').onDelete('CASCADE')
    })
    isolateByTenant(this, 'procedure_groups')

    this.schema.createTable('procedures', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('sector_id').notNullable()
      table.bigInteger('procedure_group_id').nullable()
      /** Code in the National Database on Administrative Procedures, e.g. 1.001757. */
      table.string('national_code', 40).nullable()
      /** Demo and test data carry made-up codes; they are marked so nobody mistakes them. */
      table.boolean('is_sample_code').notNullable().defaultTo(false)
      table.text('name').notNullable()
      table.text('steps_description').notNullable().defaultTo('')
      table.specificType('channels', 'text[]').notNullable().defaultTo('{}')
      /** Legal deadline in working days (may be fractional: 0.5 = half a working day). */
      table.decimal('legal_deadline_days', 6, 1).notNullable()
      table.string('result_type', 255).notNullable().defaultTo('')
      table.text('conditions').notNullable().defaultTo('')
      table.text('legal_basis').notNullable().defaultTo('')
      table.smallint('online_level').notNullable().defaultTo(2)
      table.specificType('applicant_types', 'text[]').notNullable().defaultTo('{citizen}')
      table.enum('administrative_level', ['central', 'province', 'commune']).notNullable().defaultTo('province')
      table.boolean('result_by_post').notNullable().defaultTo(false)
      table.boolean('result_online').notNullable().defaultTo(false)
      table.enum('status', ['draft', 'published']).notNullable().defaultTo('draft')
      table.timestamp('published_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'sector_id']).references(['tenant_id', 'id']).inTable('sectors')
      table.foreign(['tenant_id', 'procedure_group_id']).references(['tenant_id', 'id']).inTable('procedure_groups')
    })
    this.schema.raw('alter table procedures add constraint procedures_online_level_check check (online_level between 1 and 4)')
    this.schema.raw('create unique index procedures_tenant_national_code_unique on procedures (tenant_id, national_code) where national_code is not null')
    this.schema.raw('create index procedures_name_search on procedures using gin (lower(immutable_unaccent(name)) gin_trgm_ops)')
    isolateByTenant(this, 'procedures')

    this.schema.createTable('procedure_components', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable()
      table.bigInteger('procedure_id').notNullable()
      table.integer('position').notNullable().defaultTo(0)
      table.text('name').notNullable()
      table.smallint('original_copies').notNullable().defaultTo(1)
      table.smallint('photocopies').notNullable().defaultTo(0)
      table.boolean('is_required').notNullable().defaultTo(true)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'procedure_id']).references(['tenant_id', 'id']).inTable('procedures').onDelete('CASCADE')
    })
    isolateByTenant(this, 'procedure_components')

    this.schema.createTable('procedure_fees', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable()
      table.bigInteger('procedure_id').notNullable()
      table.enum('kind', ['fee', 'charge']).notNullable()
      table.text('description').notNullable()
      /** Amount in đồng; 0 when the procedure is free of this fee. */
      table.bigInteger('amount').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'procedure_id']).references(['tenant_id', 'id']).inTable('procedures').onDelete('CASCADE')
    })
    isolateByTenant(this, 'procedure_fees')

    this.schema.createTable('procedure_agencies', (table) => {
      table.bigInteger('tenant_id').notNullable()
      table.bigInteger('procedure_id').notNullable()
      table.bigInteger('agency_id').notNullable()
      table.primary(['tenant_id', 'procedure_id', 'agency_id'])
      table.foreign(['tenant_id', 'procedure_id']).references(['tenant_id', 'id']).inTable('procedures').onDelete('CASCADE')
      table.foreign(['tenant_id', 'agency_id']).references(['tenant_id', 'id']).inTable('agencies')
    })
    isolateByTenant(this, 'procedure_agencies')
  }

  async down() {
    for (const table of ['procedure_agencies', 'procedure_fees', 'procedure_components', 'procedures', 'procedure_groups', 'sectors']) {
      this.schema.dropTable(table)
    }
  }
}
