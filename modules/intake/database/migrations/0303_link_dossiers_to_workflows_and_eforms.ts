import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A dossier keeps the workflow and e-form versions it was filed with; composite keys make the
 * database refuse a version that belongs to another tenant (or does not exist).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('dossiers', (table) => {
      table.foreign(['tenant_id', 'workflow_id']).references(['tenant_id', 'id']).inTable('workflows')
      table.foreign(['tenant_id', 'eform_id']).references(['tenant_id', 'id']).inTable('eforms')
    })
  }

  async down() {
    this.schema.alterTable('dossiers', (table) => {
      table.dropForeign(['tenant_id', 'workflow_id'])
      table.dropForeign(['tenant_id', 'eform_id'])
    })
  }
}
