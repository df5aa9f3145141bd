import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * Deadline extensions (OS-8.4): the appointment date a dossier had and the one it was moved to,
 * with the reason the apology slip (form 04) gives the applicant.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('deadline_extensions', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('dossier_id').notNullable()
      table.timestamp('previous_appointment_at', { useTz: true }).notNullable()
      table.timestamp('new_appointment_at', { useTz: true }).notNullable()
      table.text('reason').notNullable()
      table.bigInteger('extended_by').notNullable()
      table.timestamp('extended_at', { useTz: true }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'dossier_id']).references(['tenant_id', 'id']).inTable('dossiers')
      table.foreign(['tenant_id', 'extended_by']).references(['tenant_id', 'id']).inTable('users')
      table.index(['tenant_id', 'dossier_id'])
    })
    this.schema.raw(
      `alter table deadline_extensions add constraint deadline_extensions_later_check check (new_appointment_at > previous_appointment_at)`
    )
    this.schema.raw(`alter table deadline_extensions add constraint deadline_extensions_reason_check check (length(trim(reason)) > 0)`)
    isolateByTenant(this, 'deadline_extensions')
  }

  async down() {
    this.schema.dropTable('deadline_extensions')
  }
}
