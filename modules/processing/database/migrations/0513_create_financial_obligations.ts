import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * Financial obligations (ST-18, OS-10.3): the handler asks the applicant to pay a fee, charge or
 * tax (amount in đồng and what it is for, by a date); the payment is recorded from the receipt.
 * While it is unpaid the dossier is "Yêu cầu thực hiện nghĩa vụ tài chính" and its clock is
 * stopped: the time the applicant takes to pay does not count against the appointment date or
 * the step's time, which `dossier_remaining_minutes` and `step_remaining_minutes` keep.
 * At most one unpaid obligation per dossier.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('financial_obligations', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('dossier_id').notNullable()
      table.bigInteger('dossier_step_id').notNullable()
      table.bigInteger('amount').notNullable()
      table.text('content').notNullable()
      table.date('due_date').nullable()
      table.bigInteger('requested_by').notNullable()
      table.timestamp('requested_at', { useTz: true }).notNullable()
      table.integer('dossier_remaining_minutes').nullable()
      table.integer('step_remaining_minutes').nullable()
      table.string('receipt_number', 60).nullable()
      table.bigInteger('paid_amount').nullable()
      table.date('paid_on').nullable()
      table.bigInteger('recorded_by').nullable()
      table.timestamp('recorded_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'dossier_id']).references(['tenant_id', 'id']).inTable('dossiers')
      table.foreign(['tenant_id', 'dossier_step_id']).references(['tenant_id', 'id']).inTable('dossier_steps')
      table.foreign(['tenant_id', 'requested_by']).references(['tenant_id', 'id']).inTable('users')
      table.foreign(['tenant_id', 'recorded_by']).references(['tenant_id', 'id']).inTable('users')
      table.index(['tenant_id', 'dossier_id'])
    })
    this.schema.raw(`alter table financial_obligations add constraint financial_obligations_amount_check check (amount > 0)`)
    this.schema.raw(
      `alter table financial_obligations add constraint financial_obligations_paid_check
         check ((recorded_at is null and receipt_number is null and paid_amount is null and paid_on is null and recorded_by is null)
             or (recorded_at is not null and length(trim(receipt_number)) > 0 and paid_amount > 0 and paid_on is not null and recorded_by is not null))`
    )
    this.schema.raw(
      'create unique index financial_obligations_one_unpaid on financial_obligations (tenant_id, dossier_id) where recorded_at is null'
    )
    isolateByTenant(this, 'financial_obligations')
  }

  async down() {
    this.schema.dropTable('financial_obligations')
  }
}
