import type { HttpContext } from '@adonisjs/core/http'
import { sizeLabel, typeList, uploadLimits } from '#intake/index'
import { listMyDossiers, myDossierDetail } from '#portal/my_dossiers/my_dossiers'
import { takeNewNotices } from '#portal/my_dossiers/notices'
import { myDossiersFilter } from '#portal/my_dossiers/validators'

/** PT-4.2, PT-5.2a: the applicant's dossiers, and one dossier with its public timeline. */
export default class MyDossiersController {
  async index({ request, view, auth, i18n }: HttpContext) {
    const user = auth.user!
    const filters = myDossiersFilter(request.qs())
    const notices = await takeNewNotices(user, i18n)
    const list = await listMyDossiers(user, filters)
    return view.render('portal::my_dossiers/index', { ...list, filters, notices })
  }

  async show({ params, view, auth }: HttpContext) {
    const detail = await myDossierDetail(auth.user!, Number(params.id))
    const limits = uploadLimits()
    return view.render('portal::my_dossiers/show', {
      ...detail,
      uploadTypes: typeList(limits.types),
      uploadMax: sizeLabel(limits.maxMb),
      uploadAccept: limits.types.map((type) => `.${type}`).join(','),
    })
  }
}
