import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * What an applicant keeps in their account besides the identity they registered with:
 * - `address`: the contact address the e-forms are prefilled with (PT-1.1);
 * - `notify_by_email`, `notify_by_sms`: the channels they want dossier notices on (PT-5.2);
 * - `notifications_seen_at`: the public trail events of their dossiers up to this moment have
 *   been shown to them on the portal (PT-5.2a), later ones are new.
 *
 * `user_sessions`: every logged-in session, with the device and address it was last used from,
 * so that an account holder sees where they are logged in and can end a session elsewhere
 * (NF-23). The session stores cannot list this (the cookie store keeps nothing on the server, and
 * none records the device), so the app keeps it. Only a SHA-256 digest of the session id is
 * kept: the table cannot be used to take a session over.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      table.string('address', 255).nullable()
      table.boolean('notify_by_email').notNullable().defaultTo(true)
      table.boolean('notify_by_sms').notNullable().defaultTo(false)
      table.timestamp('notifications_seen_at', { useTz: true }).nullable()
    })

    this.schema.createTable('user_sessions', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('user_id').notNullable()
      table.specificType('session_digest', 'char(64)').notNullable()
      table.string('user_agent', 500).notNullable().defaultTo('')
      table.string('ip_address', 45).notNullable().defaultTo('')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('last_seen_at', { useTz: true }).notNullable()
      /** Set when the session ended: logged out here, or ended from another session. */
      table.timestamp('ended_at', { useTz: true }).nullable()
      table.unique(['tenant_id', 'id'])
      table.unique(['tenant_id', 'session_digest'])
      table.foreign(['tenant_id', 'user_id']).references(['tenant_id', 'id']).inTable('users').onDelete('CASCADE')
      table.index(['tenant_id', 'user_id', 'last_seen_at'])
    })
    isolateByTenant(this, 'user_sessions')
  }

  async down() {
    this.schema.dropTable('user_sessions')
    this.schema.alterTable('users', (table) => {
      table.dropColumn('address')
      table.dropColumn('notify_by_email')
      table.dropColumn('notify_by_sms')
      table.dropColumn('notifications_seen_at')
    })
  }
}
