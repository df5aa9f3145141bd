import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * The outbox: every message that leaves the process (email, SMS) is written here in the same
 * transaction as the change that caused it, then delivered after commit with retries, so a
 * change is never lost because a gateway was down, and a rolled-back change sends nothing.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('outbox_messages', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.string('channel', 10).notNullable()
      table.string('recipient', 255).notNullable()
      table.text('subject').notNullable().defaultTo('')
      table.text('body_text').notNullable()
      table.text('body_html').nullable()
      table.integer('attempts').notNullable().defaultTo(0)
      table.timestamp('next_attempt_at', { useTz: true }).notNullable()
      table.timestamp('delivered_at', { useTz: true }).nullable()
      /** Set when the retries are exhausted; the message stays for an operator to see. */
      table.timestamp('failed_at', { useTz: true }).nullable()
      table.text('last_error').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
    })
    this.schema.raw(`alter table outbox_messages add constraint outbox_messages_channel_check check (channel in ('email', 'sms'))`)
    this.schema.raw(
      `create index outbox_messages_due on outbox_messages (tenant_id, next_attempt_at) where delivered_at is null and failed_at is null`
    )
    isolateByTenant(this, 'outbox_messages')
  }

  async down() {
    this.schema.dropTable('outbox_messages')
  }
}
