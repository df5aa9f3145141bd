import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('agencies', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.string('code', 40).notNullable()
      table.string('name', 255).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.unique(['tenant_id', 'code'])
    })
    isolateByTenant(this, 'agencies')

    this.schema.createTable('departments', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable()
      table.bigInteger('agency_id').notNullable()
      table.string('name', 255).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table
        .foreign(['tenant_id', 'agency_id'])
        .references(['tenant_id', 'id'])
        .inTable('agencies')
        .onDelete('CASCADE')
    })
    isolateByTenant(this, 'departments')

    this.schema.createTable('users', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.enum('kind', ['officer', 'citizen', 'organisation']).notNullable()
      table.string('email', 254).nullable()
      table.string('phone', 20).nullable()
      table.string('national_id', 12).nullable()
      table.string('full_name', 255).notNullable()
      table.date('date_of_birth').nullable()
      table.string('organisation_name', 255).nullable()
      table.string('tax_code', 14).nullable()
      table.string('password').notNullable()
      table.bigInteger('agency_id').nullable()
      table.bigInteger('department_id').nullable()
      table.string('position', 255).nullable()
      table.specificType('roles', 'text[]').notNullable().defaultTo('{}')
      table.boolean('is_active').notNullable().defaultTo(true)
      table.timestamp('deactivated_at', { useTz: true }).nullable()
      table.timestamp('email_verified_at', { useTz: true }).nullable()
      table.timestamp('last_login_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'agency_id']).references(['tenant_id', 'id']).inTable('agencies')
      table.foreign(['tenant_id', 'department_id']).references(['tenant_id', 'id']).inTable('departments')
    })
    this.schema.raw('create unique index users_tenant_email_unique on users (tenant_id, lower(email))')
    this.schema.raw(
      'create unique index users_tenant_national_id_unique on users (tenant_id, national_id) where national_id is not null'
    )
    isolateByTenant(this, 'users')
  }

  async down() {
    this.schema.dropTable('users')
    this.schema.dropTable('departments')
    this.schema.dropTable('agencies')
  }
}
