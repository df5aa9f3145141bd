import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * The working calendar of a tenant: which weekdays are worked and the office hours of a working
 * day (one row at most; a tenant without one works Monday to Friday, 07:30–11:30 and 13:00–17:00),
 * and the days an admin declares off or worked against the usual pattern (compensatory days off,
 * working Saturdays, the day next to 2 September, the government's Tết arrangement).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('working_calendars', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      /** ISO weekdays: 1 = Monday … 7 = Sunday. */
      table.specificType('working_weekdays', 'smallint[]').notNullable().defaultTo('{1,2,3,4,5}')
      /** Office hours of a working day, in order: [{ "start": "07:30", "end": "11:30" }, …]. */
      table
        .jsonb('working_periods')
        .notNullable()
        .defaultTo(JSON.stringify([{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }]))
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id'])
      table.unique(['tenant_id', 'id'])
    })
    this.schema.raw(
      `alter table working_calendars add constraint working_calendars_weekdays_check
         check (working_weekdays <@ array[1,2,3,4,5,6,7]::smallint[])`
    )
    isolateByTenant(this, 'working_calendars')

    this.schema.createTable('calendar_overrides', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.date('date').notNullable()
      table.enum('kind', ['day_off', 'working_day']).notNullable()
      table.string('note', 255).notNullable().defaultTo('')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.unique(['tenant_id', 'date'])
    })
    isolateByTenant(this, 'calendar_overrides')
  }

  async down() {
    this.schema.dropTable('calendar_overrides')
    this.schema.dropTable('working_calendars')
  }
}
