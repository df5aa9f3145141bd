import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * OS-22.6: the outbox also carries signed HTTP pushes to other internal systems (`webhook`):
 * the recipient is the receiver's URL, body_text the JSON sent.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('alter table outbox_messages drop constraint outbox_messages_channel_check')
    this.schema.raw(
      `alter table outbox_messages add constraint outbox_messages_channel_check check (channel in ('email', 'sms', 'webhook'))`
    )
  }

  async down() {
    this.schema.raw(`delete from outbox_messages where channel = 'webhook'`)
    this.schema.raw('alter table outbox_messages drop constraint outbox_messages_channel_check')
    this.schema.raw(`alter table outbox_messages add constraint outbox_messages_channel_check check (channel in ('email', 'sms'))`)
  }
}
