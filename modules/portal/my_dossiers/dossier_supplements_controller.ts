import type { HttpContext } from '@adonisjs/core/http'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import {
  UploadsRejected,
  findApplicantDossier,
  openSupplementRequestOf,
  submitSupplement,
  type SupplementUpload,
} from '#intake/index'
import { answerRefusal } from '#portal/my_dossiers/action_refusals'
import { myDossierPath } from '#portal/my_dossiers/my_dossiers'
import { supplementValidator } from '#portal/my_dossiers/validators'

/** A file input the applicant actually used (an empty one still sends a nameless part). */
function chosen(file: MultipartFile | null | undefined): file is MultipartFile {
  return !!file && !!file.clientName
}

/**
 * OS-6.4: the papers a supplement request asked for, uploaded from the portal: one input per
 * paper asked (`paper_<n>`), and `other_files` for anything else.
 */
export default class DossierSupplementsController {
  async store(ctx: HttpContext) {
    const { params, request, auth, session, response, i18n } = ctx
    const user = auth.user!
    const dossier = await findApplicantDossier(user.id, Number(params.id))
    const input = await request.validateUsing(supplementValidator)
    const supplementRequest = await openSupplementRequestOf(dossier)

    const uploads: SupplementUpload[] = []
    for (const [index, paper] of (supplementRequest?.papers ?? []).entries()) {
      const file = request.file(`paper_${index}`)
      if (chosen(file)) uploads.push({ field: `paper_${index}`, file, label: paper })
    }
    for (const file of request.files('other_files')) {
      if (chosen(file)) uploads.push({ field: 'other_files', file, label: file.clientName })
    }
    const back = () => {
      session.flashExcept(['_csrf'])
      return response.redirect(`${myDossierPath(dossier)}#bo-sung`)
    }
    if (!uploads.length) {
      session.flash('inputErrorsBag', { other_files: [i18n.t('my_dossiers.supplement.no_files')] })
      return back()
    }

    try {
      await submitSupplement(dossier, user, { lockVersion: input.lock_version, uploads, note: input.note, i18n })
    } catch (error) {
      if (!(error instanceof UploadsRejected)) return answerRefusal(error, ctx, dossier.id)
      session.flash('inputErrorsBag', Object.fromEntries(Object.entries(error.errors).map(([field, message]) => [field, [message]])))
      return back()
    }
    session.flash('notice', i18n.t('my_dossiers.supplement.done', { code: dossier.code, count: uploads.length }))
    return response.redirect(myDossierPath(dossier))
  }
}
