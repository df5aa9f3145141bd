import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * OS-5.9: when the applicant's identity was verified against a national database at intake, and
 * which one (`population_registry`: the National Population Database). Both null for a dossier
 * whose applicant was entered by hand or verified by papers only; both set together.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('dossiers', (table) => {
      table.timestamp('applicant_verified_at', { useTz: true }).nullable()
      table.string('applicant_verified_source', 40).nullable()
    })
    this.schema.raw(
      `alter table dossiers add constraint dossiers_applicant_verified_check
         check ((applicant_verified_at is null) = (applicant_verified_source is null))`
    )
  }

  async down() {
    this.schema.raw('alter table dossiers drop constraint dossiers_applicant_verified_check')
    this.schema.alterTable('dossiers', (table) => {
      table.dropColumn('applicant_verified_source')
      table.dropColumn('applicant_verified_at')
    })
  }
}
