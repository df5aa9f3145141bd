import type { HttpContext } from '@adonisjs/core/http'
import type Status from '#catalog/models/status'
import {
  LegalStatusProtectedException,
  createStatus,
  deleteStatus,
  findStatus,
  listStatuses,
  updateStatus,
} from '#catalog/services/statuses'
import {
  catalogueFormMessages,
  createStatusValidator,
  updateStatusValidator,
} from '#catalog/validators/catalogue_validators'

/** OS-4.1: the tenant's processing statuses; the legal ones of Appendix I are read-only. */
export default class StatusesController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    return view.render('catalog::pages/admin/statuses/index', { statuses: await listStatuses() })
  }

  async store({ request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const details = await request.validateUsing(createStatusValidator, {
      meta: { statusId: null },
      messagesProvider: catalogueFormMessages(i18n),
    })
    const status = await createStatus(details)
    session.flash('notice', i18n.t('catalogues.statuses.created', { label: status.label }))
    return response.redirect().status(303).toPath('/quan-tri/trang-thai')
  }

  async edit(ctx: HttpContext) {
    await ctx.bouncer.authorize('editCatalog')
    const status = await findStatus(ctx.params.id)
    if (status.isLegal) return this.#refuse(ctx, status)
    return ctx.view.render('catalog::pages/admin/statuses/edit', { status })
  }

  async update(ctx: HttpContext) {
    const { params, request, response, session, bouncer, i18n } = ctx
    await bouncer.authorize('editCatalog')
    const status = await findStatus(params.id)
    if (status.isLegal) return this.#refuse(ctx, status)
    const details = await request.validateUsing(updateStatusValidator, {
      meta: { statusId: status.id },
      messagesProvider: catalogueFormMessages(i18n),
    })
    try {
      await updateStatus(status, details)
    } catch (error) {
      if (error instanceof LegalStatusProtectedException) return this.#refuse(ctx, status)
      throw error
    }
    session.flash('notice', i18n.t('catalogues.statuses.updated', { label: status.label }))
    return response.redirect().status(303).toPath('/quan-tri/trang-thai')
  }

  async destroy(ctx: HttpContext) {
    const { params, response, session, bouncer, i18n } = ctx
    await bouncer.authorize('editCatalog')
    const status = await findStatus(params.id)
    try {
      await deleteStatus(status)
    } catch (error) {
      if (error instanceof LegalStatusProtectedException) return this.#refuse(ctx, status)
      throw error
    }
    session.flash('notice', i18n.t('catalogues.statuses.deleted', { label: status.label }))
    return response.redirect().status(303).toPath('/quan-tri/trang-thai')
  }

  /** 403 with a page that says why: Appendix I fixes the legal statuses. */
  async #refuse({ response, view }: HttpContext, status: Status) {
    response.status(403)
    return view.render('catalog::pages/admin/statuses/protected', { status })
  }
}
