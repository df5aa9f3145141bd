import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * One-time links sent by email (verify the address, set or reset a password). Only a SHA-256
 * digest of the token is stored, so a leaked table cannot be used to take over accounts.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('account_tokens', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('user_id').notNullable()
      table.enum('purpose', ['verify_email', 'reset_password']).notNullable()
      table.string('digest', 64).notNullable().unique()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'user_id']).references(['tenant_id', 'id']).inTable('users').onDelete('CASCADE')
    })
    isolateByTenant(this, 'account_tokens')
  }

  async down() {
    this.schema.dropTable('account_tokens')
  }
}
