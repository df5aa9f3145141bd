/*
 * The tenants an ace command works on: the one named by its `--tenant=CODE` flag, or all of
 * them. An empty answer means the code matched none; the command reports it and stops.
 */
import type { BaseCommand } from '@adonisjs/core/ace'
import Tenant from '#tenancy/tenant'

export async function commandTenants(command: BaseCommand, code?: string): Promise<Tenant[]> {
  const query = Tenant.query().orderBy('code')
  if (code) query.where('code', code.toUpperCase())
  const tenants = await query
  if (tenants.length === 0) {
    command.logger.error(code ? `No tenant with the code ${code}` : 'No tenants')
    command.exitCode = 1
  }
  return tenants
}
