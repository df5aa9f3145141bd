/*
 * OL-12, PT-9.1: the applicant rates a dossier once its result is out ("Đã xử lý xong" or "Đã trả
 * kết quả"). One rating per dossier. It may be changed for 30 days after it was first given (a
 * slip of the finger, or a problem put right), then it stays as it is, so the published figures
 * do not keep moving; each rating and change is recorded in the dossier's trail.
 */
import { DateTime } from 'luxon'
import type { I18n } from '@adonisjs/i18n'
import { appendEvent, Dossier } from '#intake/index'
import type { User } from '#users/index'
import SatisfactionRating, { type SatisfactionLevel } from '#portal/ratings/satisfaction_rating'

export const RATEABLE_STATUSES = ['da_xu_ly_xong', 'da_tra_ket_qua']
export const CHANGE_WINDOW_DAYS = 30

export interface RatingInput {
  overall: SatisfactionLevel
  convenience: SatisfactionLevel | null
  timeliness: SatisfactionLevel | null
  staffAttitude: SatisfactionLevel | null
  evaluationTotalTime: number | null
  evaluationContacts: number | null
  evaluationAgencies: number | null
  evaluationConduct: number | null
  comment: string | null
}

export class RatingRefused extends Error {
  constructor(public reason: 'no_result' | 'closed') {
    super(`Rating refused: ${reason}`)
  }
}

/**
 * The applicant's own dossier, or null: someone else's dossier, another tenant's and a missing
 * one look the same to the caller (404).
 */
export function ownDossier(applicant: User, dossierId: number) {
  return Dossier.query()
    .select('id', 'code', 'procedure_id', 'applicant_id', 'status_code', 'received_at', 'appointment_at')
    .where({ id: dossierId, applicantId: applicant.id })
    .first()
}

export function hasResult(dossier: Dossier) {
  return RATEABLE_STATUSES.includes(dossier.statusCode)
}

export function ratingOf(dossier: Dossier) {
  return SatisfactionRating.findBy('dossierId', dossier.id)
}

/** The last moment the rating may still be changed. */
export function changeableUntil(rating: SatisfactionRating) {
  return rating.firstRatedAt.plus({ days: CHANGE_WINDOW_DAYS })
}

export function isChangeable(rating: SatisfactionRating, now = DateTime.now()) {
  return now <= changeableUntil(rating)
}

/** Saves the applicant's rating (first or changed), in the request's transaction. */
export async function rateDossier(dossier: Dossier, applicant: User, input: RatingInput, i18n: I18n) {
  if (!hasResult(dossier)) throw new RatingRefused('no_result')
  const existing = await SatisfactionRating.query().where('dossierId', dossier.id).forUpdate().first()
  if (existing && !isChangeable(existing)) throw new RatingRefused('closed')

  const rating =
    existing ??
    new SatisfactionRating().merge({
      dossierId: dossier.id,
      procedureId: dossier.procedureId,
      applicantId: applicant.id,
      firstRatedAt: DateTime.now(),
    })
  rating.merge(input)
  await rating.save()

  await appendEvent(dossier, {
    action: existing ? 'change_rating' : 'rate',
    actor: { id: applicant.id, fullName: applicant.fullName },
    comment: i18n.t('ratings.trail_comment', { level: i18n.t(`ratings.levels.${input.overall}`) }),
    public: true,
  })
  return rating
}
