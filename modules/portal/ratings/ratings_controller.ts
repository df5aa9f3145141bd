import type { HttpContext } from '@adonisjs/core/http'
import { Procedure } from '#catalog/index'
import type { Dossier } from '#intake/index'
import {
  changeableUntil,
  hasResult,
  isChangeable,
  ownDossier,
  rateDossier,
  ratingOf,
  RatingRefused,
} from '#portal/ratings/dossier_rating'
import { ratingInputOf, ratingValidator } from '#portal/ratings/rating_validator'
import { ratingQuestions } from '#portal/ratings/rating_questions'
import { validationMessagesOf } from '#portal/lookup/lookup_validator'
import type SatisfactionRating from '#portal/ratings/satisfaction_rating'

/** The form's field values of a saved rating ('' for unanswered questions). */
function fieldValuesOf(rating: SatisfactionRating | null): Record<string, string> {
  if (!rating) return {}
  const text = (value: string | number | null) => (value === null ? '' : String(value))
  return {
    overall: rating.overall,
    convenience: text(rating.convenience),
    timeliness: text(rating.timeliness),
    staff_attitude: text(rating.staffAttitude),
    evaluation_total_time: text(rating.evaluationTotalTime),
    evaluation_contacts: text(rating.evaluationContacts),
    evaluation_agencies: text(rating.evaluationAgencies),
    evaluation_conduct: text(rating.evaluationConduct),
    comment: rating.comment ?? '',
  }
}

/**
 * OL-12, PT-9.1: `/ho-so-cua-toi/:id/danh-gia`, the applicant's rating of their dossier. Only the
 * dossier's applicant gets past the lookup (anyone else, and another tenant, get 404); the form
 * shows once the result is out.
 */
export default class RatingsController {
  async show(ctx: HttpContext) {
    const dossier = await this.#dossier(ctx)
    if (!dossier) return this.#notFound(ctx)
    const rating = await ratingOf(dossier)
    const procedure = await Procedure.query().select('id', 'name').where('id', dossier.procedureId).first()
    return ctx.view.render('portal::ratings/show', {
      dossier,
      procedureName: procedure?.name ?? '',
      hasResult: hasResult(dossier),
      rating,
      changeable: !rating || isChangeable(rating),
      changeableUntil: rating ? changeableUntil(rating) : null,
      values: fieldValuesOf(rating),
      questions: ratingQuestions(),
    })
  }

  async store(ctx: HttpContext) {
    const { request, response, session, auth, i18n } = ctx
    const dossier = await this.#dossier(ctx)
    if (!dossier) return this.#notFound(ctx)
    const fields = await request.validateUsing(ratingValidator, { messagesProvider: validationMessagesOf(i18n, 'ratings') })
    try {
      await rateDossier(dossier, auth.getUserOrFail(), ratingInputOf(fields), i18n)
    } catch (error) {
      if (!(error instanceof RatingRefused)) throw error
      session.flashErrors({ rating: i18n.t(`ratings.refused.${error.reason}`) })
      return response.redirect(`/ho-so-cua-toi/${dossier.id}/danh-gia`)
    }
    session.flash('notice', i18n.t('ratings.thanks'))
    return response.redirect(`/ho-so-cua-toi/${dossier.id}/danh-gia`)
  }

  #dossier({ params, auth }: HttpContext): Promise<Dossier | null> {
    return ownDossier(auth.getUserOrFail(), Number(params.id))
  }

  async #notFound({ response, view }: HttpContext) {
    return response.notFound(await view.render('pages/errors/not_found'))
  }
}
