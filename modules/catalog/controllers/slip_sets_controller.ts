import type { HttpContext } from '@adonisjs/core/http'
import { chooseSlipSet, chooseTrackingBookBySector, ensureDefaultSlipTemplates } from '#catalog/services/slip_templates'
import { slipFormMessages, slipSetValidator } from '#catalog/validators/slip_validator'
import { SLIPS_PAGE } from '#catalog/controllers/slips_controller'

/**
 * OS-2.5: the tenant picks the set of slips it prints (Circular 01/2018 or 03/2025), and whether
 * it keeps one tracking book for all sectors or one per sector (OS-12.1).
 */
export default class SlipSetsController {
  async update({ request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const { slip_set: slipSet, tracking_book_by_sector: bySector } = await request.validateUsing(slipSetValidator, {
      messagesProvider: slipFormMessages(i18n),
    })
    await ensureDefaultSlipTemplates()
    await chooseSlipSet(slipSet)
    await chooseTrackingBookBySector(bySector === true)
    session.flash('notice', i18n.t('slips.set.saved', { circular: i18n.t(`slips.circular.c${slipSet}`) }))
    return response.redirect().status(303).toPath(SLIPS_PAGE)
  }
}
