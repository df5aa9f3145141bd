import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * OS-5.8: an applicant may withdraw a dossier filed online while it has not been accepted yet, and
 * restore it while it is still withdrawn. Appendix I has no status for this; the dossier takes
 * the status `da_rut_ho_so` (the national portal's status 7, "Công dân yêu cầu rút hồ sơ"), so
 * that no queue or transition that looks for `moi_dang_ky` acts on it, and `withdrawn_at` says
 * since when. The code stays: it was issued and must not be reused (OS-5.3).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('dossiers', (table) => {
      table.timestamp('withdrawn_at', { useTz: true }).nullable()
    })
    this.schema.raw(
      `alter table dossiers add constraint dossiers_withdrawn_check
         check ((status_code = 'da_rut_ho_so') = (withdrawn_at is not null))`
    )
  }

  async down() {
    this.schema.raw('alter table dossiers drop constraint dossiers_withdrawn_check')
    this.schema.alterTable('dossiers', (table) => {
      table.dropColumn('withdrawn_at')
    })
  }
}
