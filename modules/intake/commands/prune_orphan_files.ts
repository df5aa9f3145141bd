import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * `node ace files:prune-orphans [--tenant=H26] [--hours=24] [--dry-run]`: removes uploaded bytes
 * no stored file refers to (left by requests that failed after the upload), older than the grace
 * period, for every tenant or one. Meant for a nightly scheduler.
 */
export default class PruneOrphanFiles extends BaseCommand {
  static commandName = 'files:prune-orphans'
  static description = 'Remove uploaded files that no dossier file record refers to'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Identifier code of the tenant to clean (all tenants when absent)' })
  declare tenant?: string

  @flags.number({ description: 'Keep files younger than this many hours (default 24)', default: 24 })
  declare hours: number

  @flags.boolean({ description: 'List what would be removed, remove nothing' })
  declare dryRun: boolean

  async run() {
    const { DateTime } = await import('luxon')
    const { commandTenants } = await import('#tenancy/command_tenants')
    const { withTenant } = await import('#tenancy/tenant_context')
    const { pruneOrphanFiles } = await import('#intake/files/orphan_files')

    if (!Number.isFinite(this.hours) || this.hours < 1) {
      this.logger.error('--hours must be at least 1: younger files may belong to a request still running')
      this.exitCode = 1
      return
    }
    const tenants = await commandTenants(this, this.tenant)
    const cutoff = DateTime.now().minus({ hours: this.hours })
    for (const tenant of tenants) {
      const sweep = await withTenant(tenant, () => pruneOrphanFiles({ cutoff, dryRun: this.dryRun }))
      const verb = this.dryRun ? 'would remove' : 'removed'
      this.logger.success(`${tenant.code}: ${sweep.scanned} file(s) scanned, ${verb} ${sweep.orphans.length} orphan(s), ${sweep.bytes} byte(s)`)
      if (this.dryRun) for (const key of sweep.orphans) this.logger.info(key)
    }
  }
}
