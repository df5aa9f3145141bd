import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What a procedure's clock does when a requested supplement arrives (issue 5 item 4): 'resume'
 * carries on with the time that was left (the default), 'restart' counts the whole legal
 * deadline again from the day the supplement arrived.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('procedures', (table) => {
      table.string('supplement_clock', 10).notNullable().defaultTo('resume')
    })
    this.schema.raw(
      `alter table procedures add constraint procedures_supplement_clock_check check (supplement_clock in ('resume', 'restart'))`
    )
  }

  async down() {
    this.schema.alterTable('procedures', (table) => {
      table.dropColumn('supplement_clock')
    })
  }
}
