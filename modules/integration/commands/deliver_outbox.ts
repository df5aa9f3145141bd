import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Delivers the due outbox messages of every tenant once, e.g. from cron or after an outage. */
export default class DeliverOutbox extends BaseCommand {
  static commandName = 'outbox:deliver'
  static description = 'Gửi ngay các email và SMS đang chờ trong hàng đợi gửi đi'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { deliverDueMessages } = await import('#integration/outbox/outbox')
    const delivered = await deliverDueMessages()
    this.logger.info(`Đã gửi ${delivered} tin.`)
  }
}
