import type { HttpContext } from '@adonisjs/core/http'
import {
  UnknownPlaceholdersException,
  currentSlipSet,
  ensureDefaultSlipTemplates,
  findSlipTemplate,
  formNumberOf,
  listResultTemplates,
  listSlips,
  proceduresWithoutResultTemplate,
  trackingBookBySector,
  updateSlipTemplate,
} from '#catalog/services/slip_templates'
import { SLIP_PLACEHOLDERS } from '#catalog/services/slip_rendering'
import { SLIP_SETS } from '#catalog/models/slip_template'
import { slipFormMessages, slipTemplateValidator } from '#catalog/validators/slip_validator'

export const SLIPS_PAGE = '/quan-tri/mau-phieu'

/** OS-2.5: the tenant's official slips (in its chosen set) and result templates. */
export default class SlipsController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    // A tenant created after the seed gets its default slips the first time the screen opens.
    await ensureDefaultSlipTemplates()
    const slipSet = currentSlipSet()
    return view.render('catalog::pages/admin/slips/index', {
      slipSet,
      slipSets: SLIP_SETS,
      trackingBookBySector: trackingBookBySector(),
      slips: await listSlips(slipSet),
      results: await listResultTemplates(),
      procedures: await proceduresWithoutResultTemplate(),
    })
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const template = await findSlipTemplate(params.id)
    if (template.kind === 'result' && template.procedureId) await template.load('procedure')
    return view.render('catalog::pages/admin/slips/edit', {
      template,
      formNumber: formNumberOf(template),
      placeholders: SLIP_PLACEHOLDERS.map((placeholder) => ({ ...placeholder, token: `{{${placeholder.name}}}` })),
    })
  }

  async update({ params, request, response, session, bouncer, auth, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const template = await findSlipTemplate(params.id)
    const details = await request.validateUsing(slipTemplateValidator, { messagesProvider: slipFormMessages(i18n) })
    try {
      await updateSlipTemplate(template, details, auth.user?.id ?? null)
    } catch (error) {
      if (!(error instanceof UnknownPlaceholdersException)) throw error
      // The validator already refuses these; kept for a caller that bypasses it.
      session.flashAll()
      session.flashErrors({
        body: i18n.t('slips.validation.body.knownPlaceholders', {
          names: error.names.map((name) => `{{${name}}}`).join(', '),
        }),
      })
      return response.redirect().back()
    }
    session.flash('notice', i18n.t('slips.saved', { title: template.title }))
    return response.redirect().status(303).toPath(SLIPS_PAGE)
  }
}
