import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * OL-12, PT-9.1: the applicant's satisfaction rating of a dossier once its result is out, one per
 * dossier. `overall` is required; the three OL-12 details and the four indicators of the
 * electronic rating form of Circular 01/2018/TT-VPCP (Art. 13 items 1, 3, 4 and 7, 0–2 points
 * each) are optional. `procedure_id` is copied from the dossier so the service page's figures
 * (OL-11đ) count a procedure's ratings from one index.
 *
 * The partial index on dossier_events serves the service page's figures: the dossiers that
 * reached "Đã xử lý xong" or "Đã trả kết quả" in a period (modules/portal/figures).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('satisfaction_ratings', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.bigInteger('dossier_id').notNullable()
      table.bigInteger('procedure_id').notNullable()
      table.bigInteger('applicant_id').notNullable()
      table.string('overall', 20).notNullable()
      table.string('convenience', 20).nullable()
      table.string('timeliness', 20).nullable()
      table.string('staff_attitude', 20).nullable()
      table.smallint('evaluation_total_time').nullable()
      table.smallint('evaluation_contacts').nullable()
      table.smallint('evaluation_agencies').nullable()
      table.smallint('evaluation_conduct').nullable()
      table.text('comment').nullable()
      /** The first rating's time: changes are allowed for a while after it. */
      table.timestamp('first_rated_at', { useTz: true }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.unique(['tenant_id', 'dossier_id'])
      table.foreign(['tenant_id', 'dossier_id']).references(['tenant_id', 'id']).inTable('dossiers')
      table.foreign(['tenant_id', 'procedure_id']).references(['tenant_id', 'id']).inTable('procedures')
      table.foreign(['tenant_id', 'applicant_id']).references(['tenant_id', 'id']).inTable('users')
      table.index(['tenant_id', 'procedure_id', 'first_rated_at'])
    })
    const levels = `('very_satisfied', 'satisfied', 'not_satisfied')`
    this.schema.raw(`alter table satisfaction_ratings add constraint satisfaction_ratings_overall_check check (overall in ${levels})`)
    for (const column of ['convenience', 'timeliness', 'staff_attitude']) {
      this.schema.raw(
        `alter table satisfaction_ratings add constraint satisfaction_ratings_${column}_check check (${column} is null or ${column} in ${levels})`
      )
    }
    for (const column of ['evaluation_total_time', 'evaluation_contacts', 'evaluation_agencies', 'evaluation_conduct']) {
      this.schema.raw(
        `alter table satisfaction_ratings add constraint satisfaction_ratings_${column}_check check (${column} is null or ${column} between 0 and 2)`
      )
    }
    isolateByTenant(this, 'satisfaction_ratings')

    this.schema.raw(
      `create index dossier_events_finished on dossier_events (tenant_id, occurred_at)
       where to_status in ('da_xu_ly_xong', 'da_tra_ket_qua')`
    )
  }

  async down() {
    this.schema.raw('drop index if exists dossier_events_finished')
    this.schema.dropTable('satisfaction_ratings')
  }
}
