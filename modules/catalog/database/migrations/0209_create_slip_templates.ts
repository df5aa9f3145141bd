import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * Official slips and result templates (OS-2.5, printed by OS-12.1). One row per slip of each set
 * (`2018`: the six forms of Circular 01/2018/TT-VPCP; `2025`: the seven of Circular
 * 03/2025/TT-VPCP, which adds the notice of stopping a dossier), seeded from
 * modules/catalog/services/slip_defaults.ts; `result` rows are the templates of result documents,
 * tenant-wide (procedure_id null) or for one procedure, and belong to no set. The body is the
 * restricted placeholder text of modules/catalog/services/slip_rendering.ts, never Edge.
 * The set a tenant prints with lives in tenants.settings.slipSet.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('slip_templates', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      /** '2018' | '2025' for the official slips; null for result templates. */
      table.string('slip_set', 4).nullable()
      /** Stable key: receipt, supplement_request, refusal, apology, stop_notice, process_control, tracking_book, result. */
      table.string('kind', 40).notNullable()
      table.bigInteger('procedure_id').nullable()
      table.string('title', 255).notNullable()
      table.text('body').notNullable()
      /** True while the text is the seeded default (set again by a reset). */
      table.boolean('is_default').notNullable().defaultTo(true)
      table.bigInteger('updated_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.foreign(['tenant_id', 'procedure_id']).references(['tenant_id', 'id']).inTable('procedures').onDelete('CASCADE')
    })
    this.schema.raw(
      `alter table slip_templates add constraint slip_templates_kind_check check (
         (slip_set = '2018' and kind in ('receipt', 'supplement_request', 'refusal', 'apology', 'process_control', 'tracking_book')
           and procedure_id is null)
         or (slip_set = '2025' and kind in ('receipt', 'supplement_request', 'refusal', 'apology', 'stop_notice',
           'process_control', 'tracking_book') and procedure_id is null)
         or (slip_set is null and kind = 'result')
       )`
    )
    this.schema.raw(
      `alter table slip_templates add constraint slip_templates_updated_by_fk
         foreign key (tenant_id, updated_by) references users (tenant_id, id) on delete set null (updated_by)`
    )
    this.schema.raw(
      `create unique index slip_templates_one_per_kind on slip_templates (tenant_id, slip_set, kind) where slip_set is not null`
    )
    this.schema.raw(
      `create unique index slip_templates_one_result_per_procedure on slip_templates (tenant_id, procedure_id)
         where kind = 'result' and procedure_id is not null`
    )
    this.schema.raw(
      `create unique index slip_templates_one_generic_result on slip_templates (tenant_id)
         where kind = 'result' and procedure_id is null`
    )
    isolateByTenant(this, 'slip_templates')
  }

  async down() {
    this.schema.dropTable('slip_templates')
  }
}
