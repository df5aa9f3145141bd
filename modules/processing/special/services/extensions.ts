/*
 * Deadline extension (OS-8.4): the officer handling a dossier that cannot be resolved by its
 * appointment date moves the date later, to a working day of the tenant's calendar, giving the
 * reason. The trail event carries what the apology slip (form 04, printed by the documents part)
 * needs: the reason, the previous and the new appointment date and the extension in working
 * days. The applicant is told by email, with the apology.
 */
import { appendEvent } from '#intake/index'
import { formatDate } from '#services/vietnamese_format'
import { ActionInvalidError, ActionRefusedError } from '#processing/services/errors'
import { PROCESSING } from '#processing/services/status_text'
import { settleClock } from '#processing/services/supplement_clock'
import DeadlineExtension from '#processing/special/models/deadline_extension'
import { mailApplicant } from '#processing/special/services/applicant_mail'
import {
  HANDLING_STEPS,
  claimDossier,
  clean,
  openDossier,
  requireHolder,
  requireStatus,
  requireStepKind,
  type SpecialActionInput,
  type SpecialActionOptions,
} from '#processing/special/services/dossier_action'
import { workingDayEnd, workingDaysText } from '#processing/special/services/working_days'

/** Trail action of an extension; the documents part prints the apology slip from it. */
export const EXTEND_ACTION = 'extend'

export interface ExtensionInput extends SpecialActionInput {
  /** The new appointment day, as typed (DD/MM/YYYY). */
  newDate: string
  reason: string
}

export async function extendDeadline(input: ExtensionInput, options: SpecialActionOptions = {}) {
  const opened = await openDossier(input, options)
  const { dossier, context, at } = opened
  requireStepKind(context, HANDLING_STEPS)
  requireHolder(input.actor, context)
  requireStatus(dossier, [PROCESSING])
  const { clock, calendar } = context
  const previous = await settleClock(dossier, clock, calendar, context.mode, context.legalMinutes)
  if (!previous) throw new ActionRefusedError('not_offered', 'Hồ sơ chưa có ngày hẹn trả kết quả để gia hạn.')

  const errors: Record<string, string> = {}
  const reason = clean(input.reason)
  if (!reason) errors.reason = 'Hãy nêu lý do gia hạn.'
  else if (reason.length > 2000) errors.reason = 'Lý do dài quá 2.000 ký tự.'
  const wanted = workingDayEnd(calendar, input.newDate)
  if (wanted.moment === null) errors.new_date = wanted.error
  else if (wanted.moment <= previous) errors.new_date = `Ngày hẹn mới phải sau ngày hẹn hiện tại (${formatDate(previous)}).`
  else if (wanted.moment <= at) errors.new_date = 'Ngày hẹn mới phải sau hôm nay.'
  if (Object.keys(errors).length) throw new ActionInvalidError(errors)

  const newAppointment = wanted.moment!
  await claimDossier(opened, input.expectedLockVersion, { appointmentAt: newAppointment })
  const extension = await DeadlineExtension.create({
    dossierId: dossier.id,
    previousAppointmentAt: previous,
    newAppointmentAt: newAppointment,
    reason: reason!,
    extendedBy: input.actor.id,
    extendedAt: at,
  })
  const length = workingDaysText(calendar, previous, newAppointment)
  await appendEvent(dossier, {
    action: EXTEND_ACTION,
    actor: { id: input.actor.id, fullName: input.actor.fullName },
    stepKey: context.step!.key,
    fromStatus: dossier.statusCode,
    toStatus: dossier.statusCode,
    comment: reason,
    attachments: [
      {
        kind: 'extension',
        name: `Gia hạn ${length}, hẹn trả kết quả ngày ${formatDate(newAppointment)}`,
        previousAppointmentAt: previous.toISO()!,
        newAppointmentAt: newAppointment.toISO()!,
        extension: length,
      },
    ],
    public: true,
    occurredAt: at,
  })
  clock.trailSequence = dossier.trailLength
  await clock.save()
  await mailApplicant(dossier, 'extended', { previous: formatDate(previous), reason: reason!, length }, options.portalUrl)
  return { dossier, extension }
}

/** The extensions of a dossier, newest first. */
export function extensionsOf(dossierId: number) {
  return DeadlineExtension.query().where('dossier_id', dossierId).orderBy('extended_at', 'desc').orderBy('id', 'desc')
}
