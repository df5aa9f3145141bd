import { BaseModel, column } from '@adonisjs/lucid/orm'
import db from '@adonisjs/lucid/services/db'
import { TenantScopedAdapter } from '#tenancy/tenant_scoped_adapter'

/** Base class of every model whose table has `tenant_id`; see TenantScopedAdapter. */
export class TenantOwnedModel extends BaseModel {
  static $adapter = new TenantScopedAdapter(db)

  @column({ serializeAs: null })
  declare tenantId: number
}
