import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * The processing statuses shown to everyone (ST, Appendix I; OS-4.1). The legal ones are seeded
 * for every tenant by ensureLegalStatuses(); a tenant may add its own but never rename or delete
 * a legal one. The trigger holds that line even for a query that bypasses the app.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('statuses', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      /** Stable identifier used by code and data, e.g. moi_dang_ky. */
      table.string('code', 40).notNullable()
      /** Shown exactly as written in Appendix I for the legal statuses. */
      table.string('label', 255).notNullable()
      /** Status code of the national portal (TrangThaiHoSo), when it has one. */
      table.string('national_code', 20).nullable()
      table.boolean('is_legal').notNullable().defaultTo(false)
      table.integer('position').notNullable().defaultTo(0)
      table.text('description').notNullable().defaultTo('')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.unique(['tenant_id', 'code'])
    })
    this.schema.raw('create unique index statuses_tenant_label_unique on statuses (tenant_id, lower(label))')
    isolateByTenant(this, 'statuses')

    this.schema.raw(`
      create or replace function statuses_protect_legal() returns trigger
      language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          -- A tenant being deleted takes its statuses with it (the cascade runs after the tenant
          -- row is gone); otherwise a legal status stays.
          if old.is_legal and exists (select 1 from tenants where id = old.tenant_id) then
            raise exception 'legal status % cannot be deleted', old.code using errcode = 'P0001';
          end if;
          return old;
        end if;
        if old.is_legal and (new.code is distinct from old.code or new.label is distinct from old.label
            or new.national_code is distinct from old.national_code or not new.is_legal) then
          raise exception 'legal status % cannot be changed', old.code using errcode = 'P0001';
        end if;
        return new;
      end
      $$
    `)
    this.schema.raw(`
      create trigger statuses_protect_legal before update or delete on statuses
      for each row execute function statuses_protect_legal()
    `)
  }

  async down() {
    this.schema.dropTable('statuses')
    this.schema.raw('drop function if exists statuses_protect_legal()')
  }
}
