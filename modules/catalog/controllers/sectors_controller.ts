import type { HttpContext } from '@adonisjs/core/http'
import { findGroup, findSector, sectorsWithCounts } from '#catalog/queries/procedure_directory'
import {
  procedureFormMessages,
  procedureGroupValidator,
  sectorValidator,
} from '#catalog/validators/procedure_validator'
import { createGroup, createSector, sectorCodeTaken, updateGroup, updateSector } from '#catalog/actions/manage_sectors'

/** OS-1.1: sectors and procedure groups of the tenant. */
export default class SectorsController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    return view.render('catalog::pages/admin/sectors/index', { sectors: await sectorsWithCounts() })
  }

  async store(ctx: HttpContext) {
    const { request, response, session, bouncer, i18n } = ctx
    await bouncer.authorize('editCatalog')
    const details = await request.validateUsing(sectorValidator, { messagesProvider: procedureFormMessages(i18n, 'sector_validation') })
    if (await sectorCodeTaken(details.code)) return this.codeTaken(ctx)
    const sector = await createSector(details)
    session.flash('notice', i18n.t('procedures.sectors.created', { name: sector.name }))
    return response.redirect().status(303).toPath('/quan-tri/linh-vuc')
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.authorize('editCatalog')
    return view.render('catalog::pages/admin/sectors/edit', { sector: await findSector(params.id) })
  }

  async update(ctx: HttpContext) {
    const { params, request, response, session, bouncer, i18n } = ctx
    await bouncer.authorize('editCatalog')
    const sector = await findSector(params.id)
    const details = await request.validateUsing(sectorValidator, { messagesProvider: procedureFormMessages(i18n, 'sector_validation') })
    if (await sectorCodeTaken(details.code, sector.id)) {
      return this.codeTaken(ctx)
    }
    await updateSector(sector, details)
    session.flash('notice', i18n.t('procedures.sectors.updated', { name: sector.name }))
    return response.redirect().status(303).toPath(`/quan-tri/linh-vuc/${sector.id}/sua`)
  }

  async storeGroup({ params, request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const sector = await findSector(params.id)
    const { name } = await request.validateUsing(procedureGroupValidator, { messagesProvider: procedureFormMessages(i18n, 'sector_validation') })
    await createGroup(sector, name)
    session.flash('notice', i18n.t('procedures.groups.created', { name }))
    return response.redirect().status(303).toPath(`/quan-tri/linh-vuc/${sector.id}/sua`)
  }

  async updateGroup({ params, request, response, session, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('editCatalog')
    const group = await findGroup(params.id)
    const { name } = await request.validateUsing(procedureGroupValidator, { messagesProvider: procedureFormMessages(i18n, 'sector_validation') })
    await updateGroup(group, name)
    session.flash('notice', i18n.t('procedures.groups.updated', { name }))
    return response.redirect().status(303).toPath(`/quan-tri/linh-vuc/${group.sectorId}/sua`)
  }

  /** The code field refused as a validation error would be, so the form shows it in place. */
  private codeTaken({ response, session, i18n }: HttpContext) {
    session.flashExcept(['_csrf'])
    session.flash('inputErrorsBag', { code: [i18n.t('procedures.sector_validation.code.taken')] })
    session.flashErrors({ E_VALIDATION_ERROR: i18n.t('procedures.form_refused') })
    return response.redirect().status(303).back()
  }
}
