/*
 * The questions of the rating form, in the order asked: OL-12 (the overall level, then the three
 * optional details) and the applicant's part of the Circular 01/2018/TT-VPCP electronic form
 * (four indicators, 2, 1 or 0 points). Texts are in resources/lang/<locale>/ratings.json under
 * the field names.
 */
import { SATISFACTION_LEVELS } from '#portal/ratings/satisfaction_rating'

export function ratingQuestions() {
  return {
    levels: [...SATISFACTION_LEVELS],
    details: ['convenience', 'timeliness', 'staff_attitude'],
    indicators: ['evaluation_total_time', 'evaluation_contacts', 'evaluation_agencies', 'evaluation_conduct'],
    points: ['2', '1', '0'],
  }
}
