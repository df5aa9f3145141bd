import vine from '@vinejs/vine'
import type { Infer } from '@vinejs/vine/types'
import { SATISFACTION_LEVELS } from '#portal/ratings/satisfaction_rating'
import type { RatingInput } from '#portal/ratings/dossier_rating'

/** An optional question: one of its answers, or '' ("Không đánh giá", the radio checked by default). */
const optionalLevel = () => vine.enum(['', ...SATISFACTION_LEVELS]).optional()
const optionalPoints = () => vine.enum(['', '0', '1', '2']).optional()

/** OL-12 and the Circular 01/2018/TT-VPCP form: only the overall level is required. */
export const ratingValidator = vine.create(
  vine.object({
    overall: vine.enum(SATISFACTION_LEVELS),
    convenience: optionalLevel(),
    timeliness: optionalLevel(),
    staff_attitude: optionalLevel(),
    evaluation_total_time: optionalPoints(),
    evaluation_contacts: optionalPoints(),
    evaluation_agencies: optionalPoints(),
    evaluation_conduct: optionalPoints(),
    comment: vine.string().trim().maxLength(1000).optional(),
  })
)

function level(value: string | undefined) {
  return value ? (value as RatingInput['overall']) : null
}

function points(value: string | undefined) {
  return value ? Number(value) : null
}

/** The form's fields as the rating's values; unanswered questions are null. */
export function ratingInputOf(fields: Infer<typeof ratingValidator>): RatingInput {
  return {
    overall: fields.overall,
    convenience: level(fields.convenience),
    timeliness: level(fields.timeliness),
    staffAttitude: level(fields.staff_attitude),
    evaluationTotalTime: points(fields.evaluation_total_time),
    evaluationContacts: points(fields.evaluation_contacts),
    evaluationAgencies: points(fields.evaluation_agencies),
    evaluationConduct: points(fields.evaluation_conduct),
    comment: fields.comment ? fields.comment : null,
  }
}
