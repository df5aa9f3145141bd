import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * OS-23: the one-stop search matches applicant and organisation names word by word, with or
 * without diacritics (lower(immutable_unaccent(…)) like '%word%'), and dossier codes by any part;
 * trigram indexes on exactly those expressions keep it fast on a large tenant. Due dates are
 * filtered by range (overdue, due today, due soon).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(
      `create index dossiers_applicant_name_search on dossiers using gin (lower(immutable_unaccent(coalesce(applicant_full_name, ''))) gin_trgm_ops)`
    )
    this.schema.raw(
      `create index dossiers_organisation_name_search on dossiers using gin (lower(immutable_unaccent(coalesce(applicant_organisation_name, ''))) gin_trgm_ops)`
    )
    this.schema.raw('create index dossiers_code_search on dossiers using gin (upper(code) gin_trgm_ops)')
    this.schema.raw('create index dossiers_appointment on dossiers (tenant_id, appointment_at)')
  }

  async down() {
    this.schema.raw('drop index dossiers_appointment')
    this.schema.raw('drop index dossiers_code_search')
    this.schema.raw('drop index dossiers_organisation_name_search')
    this.schema.raw('drop index dossiers_applicant_name_search')
  }
}
