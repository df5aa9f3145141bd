import { BaseSchema } from '@adonisjs/lucid/schema'
import { isolateByTenant } from '#database/tenant_isolation'

/**
 * PT-12.1: one-time codes for looking dossiers up by the applicant's phone or email. A code is
 * sent to the contact; whoever types it back sees that contact's dossiers (code, procedure,
 * status). Only an HMAC of the code is kept; the wrong tries are counted here, not in the
 * visitor's session, so replaying an old session cookie does not buy more tries.
 *
 * The two expression indexes on dossiers serve the lookup's query (same expressions as in
 * modules/portal/lookup/contact_lookup.ts): the applicant's email in lower case, and the phone
 * with spaces, dots, dashes and brackets removed and +84 written as 0.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('lookup_codes', (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE')
      table.string('contact_kind', 10).notNullable()
      /** Normalised: 0xxxxxxxxx for a phone, lower case for an email. */
      table.string('contact', 255).notNullable()
      table.specificType('code_hash', 'char(64)').notNullable()
      table.smallint('attempts').notNullable().defaultTo(0)
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['tenant_id', 'id'])
      table.index(['tenant_id', 'expires_at'])
    })
    this.schema.raw(
      `alter table lookup_codes add constraint lookup_codes_contact_kind_check check (contact_kind in ('phone', 'email'))`
    )
    this.schema.raw('alter table lookup_codes add constraint lookup_codes_attempts_check check (attempts >= 0)')
    isolateByTenant(this, 'lookup_codes')

    this.schema.raw(
      `create index dossiers_applicant_email_lookup on dossiers (tenant_id, lower(applicant_email)) where applicant_email is not null`
    )
    this.schema.raw(
      `create index dossiers_applicant_phone_lookup on dossiers
         (tenant_id, regexp_replace(regexp_replace(applicant_phone, '[\\s.()-]', '', 'g'), '^\\+84', '0'))
       where applicant_phone is not null`
    )
  }

  async down() {
    this.schema.raw('drop index if exists dossiers_applicant_phone_lookup')
    this.schema.raw('drop index if exists dossiers_applicant_email_lookup')
    this.schema.dropTable('lookup_codes')
  }
}
