/*
 * The one place where tenant-owned models get their scope: every query runs on the current
 * tenant's transaction with `where tenant_id = …`, and every insert is stamped with the tenant.
 * Group OR conditions in a callback (`where((q) => q.where(a).orWhere(b))`): a top-level orWhere
 * would be OR-ed with the tenant filter; row-level security still holds the line, but the
 * query would return the wrong rows of the right tenant.
 */
import { Adapter } from '@adonisjs/lucid/orm'
import type { LucidModel, LucidRow, ModelAdapterOptions } from '@adonisjs/lucid/types/model'
import { Exception } from '@adonisjs/core/exceptions'
import { requireTenantScope } from '#tenancy/tenant_context'

export class TenantScopedAdapter extends Adapter {
  modelConstructorClient(_model: LucidModel, options?: ModelAdapterOptions) {
    if (options?.client) return options.client
    return requireTenantScope().client
  }

  query(model: LucidModel, options?: ModelAdapterOptions): any {
    const { tenant } = requireTenantScope()
    return super.query(model, options).where(`${model.table}.tenant_id`, tenant.id)
  }

  modelClient(instance: LucidRow) {
    return instance.$trx ?? this.modelConstructorClient(instance.constructor as LucidModel, instance.$options)
  }

  async insert(instance: LucidRow, attributes: any) {
    const { tenant } = requireTenantScope()
    const row = instance as LucidRow & { tenantId?: number }
    if (row.tenantId !== undefined && row.tenantId !== null && Number(row.tenantId) !== Number(tenant.id)) {
      throw new Exception('Refused to write a record into another tenant', {
        code: 'E_CROSS_TENANT_WRITE',
        status: 500,
      })
    }
    row.tenantId = tenant.id
    attributes.tenant_id = tenant.id
    return super.insert(instance, attributes)
  }
}
