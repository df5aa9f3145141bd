import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/** A file that came with a consultation's answer (migration 0510). */
export default class ConsultationFile extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare consultationId: number

  @column()
  declare storedFileId: number
}
