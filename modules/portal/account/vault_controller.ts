import type { HttpContext } from '@adonisjs/core/http'
import { UploadRejected, addToVault, removeFromVault, sizeLabel, typeList, uploadLimits, vaultDocumentsOf } from '#intake/index'
import { namespacedMessages } from '#portal/account/validation_messages'
import { vaultPaperValidator } from '#portal/account/validators'
import { AccountRecordNotFound } from '#portal/account/not_found'

/** NF-8: the applicant's document vault: the papers kept for reuse, verified ones marked. */
export default class VaultController {
  async index({ view, auth, bouncer }: HttpContext) {
    await bouncer.authorize('keepApplicantAccount')
    const limits = uploadLimits()
    return view.render('portal::account/vault', {
      papers: await vaultDocumentsOf(auth.user!.id),
      uploadTypes: typeList(limits.types),
      uploadMax: sizeLabel(limits.maxMb),
      uploadAccept: limits.types.map((type) => `.${type}`).join(','),
    })
  }

  async store({ request, response, session, auth, bouncer, i18n }: HttpContext) {
    await bouncer.authorize('keepApplicantAccount')
    const { label } = await request.validateUsing(vaultPaperValidator, {
      messagesProvider: namespacedMessages(i18n, 'account_settings'),
    })
    try {
      await addToVault(auth.user!, request.file('paper'), label, i18n)
    } catch (error) {
      if (!(error instanceof UploadRejected)) throw error
      session.flashExcept(['_csrf'])
      session.flash('inputErrorsBag', { paper: [error.message] })
      return response.redirect('/tai-khoan/kho-giay-to')
    }
    session.flash('notice', i18n.t('account_settings.vault.added', { label }))
    return response.redirect('/tai-khoan/kho-giay-to')
  }

  /** Only the owner's papers are found: anyone else (officers included) gets 404. */
  async destroy({ params, response, session, auth, i18n }: HttpContext) {
    const removed = await removeFromVault(auth.user!.id, Number(params.id))
    if (!removed) throw new AccountRecordNotFound('No such paper in the vault')
    session.flash('notice', i18n.t('account_settings.vault.removed', { label: removed.label }))
    return response.redirect('/tai-khoan/kho-giay-to')
  }
}
