/*
 * node ace catalog:generate-procedures --tenant=H26 --count=1000
 *
 * N synthetic procedures (3 components and 1 fee each, 80 % published) for load tests, in the
 * tenant with this identifier code. Names end in "(dữ liệu tải thử)" and codes are sample codes.
 */
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class GenerateProcedures extends BaseCommand {
  static commandName = 'catalog:generate-procedures'
  static description = 'Create synthetic procedures in a tenant, for load tests'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Identifier code of the tenant, e.g. H26', required: true })
  declare tenant: string

  @flags.number({ description: 'How many procedures to create', default: 1000 })
  declare count: number

  @flags.number({ description: 'Seed of the generator (same seed, same data)' })
  declare seed?: number

  async run() {
    const { default: Tenant } = await import('#tenancy/tenant')
    const { withTenant } = await import('#tenancy/tenant_context')
    const { generateProcedures } = await import('#database/demo/demo_procedures')

    const tenant = await Tenant.query().whereRaw('lower(code) = ?', [this.tenant.toLowerCase()]).first()
    if (!tenant) {
      this.logger.error(`No tenant has the code ${this.tenant}`)
      this.exitCode = 1
      return
    }
    const count = Math.floor(Number(this.count))
    if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
      this.logger.error('--count must be a whole number between 1 and 1000000')
      this.exitCode = 1
      return
    }
    const started = Date.now()
    const created = await withTenant(tenant, () => generateProcedures(count, { seed: this.seed }))
    this.logger.success(`${created} procedures created in ${tenant.name} (${tenant.code}) in ${Date.now() - started} ms`)
  }
}

/*
 * This module is also its own command loader, so adonisrc.ts can list it directly:
 * `commands: [..., () => import('#catalog/commands/generate_procedures')]`.
 */
export async function getMetaData() {
  return [GenerateProcedures.serialize()]
}

export async function getCommand(metaData: { commandName: string }) {
  return metaData.commandName === GenerateProcedures.commandName ? GenerateProcedures : null
}
