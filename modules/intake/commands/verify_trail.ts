import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * `node ace trail:verify [--tenant=H26] [--dossier=<code>]`: checks the hash chains of the
 * dossiers' trails (OS-18.1) and names the first broken link of each broken one. Without
 * --tenant it checks every tenant. Exits with 1 when a chain is broken.
 */
export default class VerifyTrail extends BaseCommand {
  static commandName = 'trail:verify'
  static description = 'Verify the hash chains of the dossiers\u2019 trails (OS-18.1)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Identifier code of the tenant to check (all tenants when absent)' })
  declare tenant?: string

  @flags.string({ description: 'Code of one dossier to check (with --tenant)' })
  declare dossier?: string

  async run() {
    const { commandTenants } = await import('#tenancy/command_tenants')
    const { withTenant } = await import('#tenancy/tenant_context')
    const { verifyAllTrails, verifyTrail } = await import('#intake/services/trail')

    const tenants = await commandTenants(this, this.tenant)
    if (tenants.length === 0) return
    if (this.dossier && tenants.length !== 1) {
      this.logger.error('--dossier needs --tenant')
      this.exitCode = 1
      return
    }

    let broken = 0
    for (const tenant of tenants) {
      const result = await withTenant(tenant, async ({ client }) => {
        if (!this.dossier) return verifyAllTrails()
        const found = await client.from('dossiers').where({ tenant_id: tenant.id, code: this.dossier }).select('id').first()
        if (!found) return null
        const check = await verifyTrail(Number(found.id))
        return { dossiers: 1, events: check.events, broken: check.broken ? [check.broken] : [] }
      })
      if (!result) {
        this.logger.error(`${tenant.code}: no dossier with the code ${this.dossier}`)
        this.exitCode = 1
        return
      }
      for (const link of result.broken) this.logger.error(`${tenant.code}: ${link.message}`)
      broken += result.broken.length
      const line = `${tenant.code}: ${result.dossiers} dossier(s), ${result.events} event(s), ${result.broken.length} broken chain(s)`
      if (result.broken.length) this.logger.warning(line)
      else this.logger.success(line)
    }
    if (broken > 0) this.exitCode = 1
  }
}
