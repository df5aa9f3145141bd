/*
 * What the applicant may read of their dossiers' trails (PT-4.2, PT-5.2a, OL-9): the events the
 * one-stop system marked public, never the internal ones.
 */
import type { DateTime } from 'luxon'
import DossierEvent from '#intake/models/dossier_event'

/** The public part of a dossier's trail, oldest first. */
export function publicTrailOf(dossierId: number) {
  return DossierEvent.query().where('dossier_id', dossierId).where('public', true).orderBy('sequence', 'asc')
}

/** When each of these dossiers was returned (its last event to "Đã trả kết quả"), by dossier id. */
export async function returnedAtOf(dossierIds: number[]): Promise<Map<number, DateTime>> {
  const events = await DossierEvent.query()
    .whereIn('dossier_id', dossierIds)
    .where('to_status', 'da_tra_ket_qua')
    .orderBy('sequence', 'asc')
  return new Map(events.map((event) => [event.dossierId, event.occurredAt]))
}

/**
 * Public events of the applicant's dossiers that others did (officers, the system) after
 * `since` (all of them when null): what the applicant has not been shown yet.
 */
export function applicantNoticesSince(applicantId: number, since: DateTime | null) {
  const query = DossierEvent.query()
    .where('public', true)
    .whereIn('dossier_id', (dossiers) => dossiers.from('dossiers').select('id').where('applicant_id', applicantId))
    .where((actor) => actor.whereNull('actor_id').orWhereNot('actor_id', applicantId))
  if (since) query.where('occurred_at', '>', since.toJSDate())
  return query
}

export async function countApplicantNoticesSince(applicantId: number, since: DateTime | null) {
  const [row] = await applicantNoticesSince(applicantId, since).count('* as total')
  return Number(row.$extras.total)
}
