import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * `node ace processing:sweep-deadlines [--tenant=H26]`: marks overdue steps and dossiers and
 * records the reminders (issue 5 item 4), for every tenant or one. Meant for a scheduler (cron,
 * a systemd timer); the web server also sweeps every hour.
 */
export default class SweepDeadlines extends BaseCommand {
  static commandName = 'processing:sweep-deadlines'
  static description = 'Mark overdue dossiers and steps and record reminders (ST-16)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Identifier code of the tenant to sweep (all tenants when absent)' })
  declare tenant?: string

  async run() {
    const { commandTenants } = await import('#tenancy/command_tenants')
    const { withTenant } = await import('#tenancy/tenant_context')
    const { sweepDeadlines } = await import('#processing/services/deadline_sweep')

    const tenants = await commandTenants(this, this.tenant)
    if (tenants.length === 0) return
    for (const tenant of tenants) {
      const summary = await withTenant(tenant, () => sweepDeadlines())
      this.logger.success(
        `${tenant.code}: ${summary.overdueSteps} overdue step(s), ${summary.overdueDossiers} overdue dossier(s), ` +
          `${summary.reminders} reminder(s), ${summary.settledClocks} clock(s) caught up` +
          Object.entries(summary.tasks).map(([label, count]) => `, ${count} ${label}`).join('')
      )
    }
  }
}
