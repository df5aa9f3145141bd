import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('tenants', (table) => {
      table.bigIncrements('id')
      table.string('code', 20).notNullable().unique()
      table.string('name', 255).notNullable()
      table.enum('kind', ['ministry', 'province']).notNullable()
      table.specificType('host_names', 'text[]').notNullable()
      table.jsonb('branding').notNullable().defaultTo('{}')
      table.jsonb('contact').notNullable()
      table.jsonb('settings').notNullable().defaultTo('{}')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw('create index tenants_host_names_idx on tenants using gin (host_names)')
  }

  async down() {
    this.schema.dropTable('tenants')
  }
}
