import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * The return of results at the counter (OS-10, OS-11):
 *
 * - outcome `returned`: handed over `in_person` (to the applicant, a proxy or an authorised
 *   person, with their name and ID number), sent by `post` (to the recipient of the postal form,
 *   OS-11.2) or delivered `electronic`ally to the applicant's account (level-4 services); with
 *   the fee receipt when a fee was collected;
 * - outcome `not_returned`: the result is ready but was not handed over because the originals
 *   to check against are missing (OS-10.6); the dossier waits at the counter.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('result_returns', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('dossier_id').notNullable()
      table.string('outcome', 20).notNullable()
      table.string('method', 20).nullable()
      table.string('collector_kind', 20).nullable()
      table.text('collector_name').nullable()
      table.string('collector_id_number', 20).nullable()
      /** Post: { fullName, phone, provinceCode, provinceName, communeCode, communeName, detail }. */
      table.jsonb('recipient').nullable()
      table.string('postal_tracking_number', 40).nullable()
      table.string('fee_receipt_number', 60).nullable()
      table.bigInteger('fee_amount').nullable()
      table.text('note').nullable()
      table.bigInteger('recorded_by').notNullable()
      table.timestamp('recorded_at', { useTz: true }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'dossier_id']).references(['tenant_id', 'id']).inTable('dossiers')
      table.foreign(['tenant_id', 'recorded_by']).references(['tenant_id', 'id']).inTable('users')
      table.index(['tenant_id', 'dossier_id'])
    })
    this.schema.raw(
      `alter table result_returns add constraint result_returns_shape_check check (
         (outcome = 'not_returned' and method is null and length(trim(note)) > 0)
         or (outcome = 'returned' and method = 'in_person' and collector_kind in ('applicant', 'proxy', 'authorised')
             and length(trim(collector_name)) > 0 and length(trim(collector_id_number)) > 0)
         or (outcome = 'returned' and method = 'post' and recipient is not null)
         or (outcome = 'returned' and method = 'electronic'))`
    )
    this.schema.raw(
      `create unique index result_returns_once on result_returns (tenant_id, dossier_id) where outcome = 'returned'`
    )
    isolateByTenant(this, 'result_returns')
  }

  async down() {
    this.schema.dropTable('result_returns')
  }
}
