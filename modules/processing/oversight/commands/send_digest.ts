import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * `node ace processing:send-digest [--tenant=H26]`: sends today's email digest of reminders and
 * counts to the officers (OS-22.5), for every tenant or one, then delivers the queued emails.
 * Once per tenant and day: a second run that day sends nothing, so a scheduler may retry it.
 * The web server also sends it every morning (DIGEST_HOUR).
 */
export default class SendDigest extends BaseCommand {
  static commandName = 'processing:send-digest'
  static description = 'Send the officers\u2019 daily email digest of reminders and counts (OS-22.5)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Identifier code of the tenant (all tenants when absent)' })
  declare tenant?: string

  async run() {
    const { commandTenants } = await import('#tenancy/command_tenants')
    const { withTenant } = await import('#tenancy/tenant_context')
    const { sendDailyDigest } = await import('#processing/oversight/digest/daily_digest')
    const { deliverDueMessages } = await import('#integration/index')

    const tenants = await commandTenants(this, this.tenant)
    if (tenants.length === 0) return
    for (const tenant of tenants) {
      const summary = await withTenant(tenant, () => sendDailyDigest())
      if (summary.sent) this.logger.success(`${tenant.code}: digest of ${summary.day} queued for ${summary.recipients} officer(s)`)
      else this.logger.info(`${tenant.code}: digest of ${summary.day} already sent`)
    }
    // The outbox delivers after each commit in the background; a command exits first, so deliver now.
    let delivered = 0
    do {
      delivered = await deliverDueMessages()
    } while (delivered > 0)
  }
}
