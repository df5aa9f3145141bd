/*
 * OS-7.1, OS-7.2, ST-10: the head of the department a step belongs to assigns the officer who
 * holds it, and may hand it to another. The detail then names the holder (position, department,
 * handler); the trail records it, and the new holder gets a reminder of new work.
 */
import { appendEvent, Dossier, type Clock } from '#intake/index'
import type { User } from '#users/index'
import type { WorkingCalendar } from '#catalog/index'
import { dossierContext } from '#processing/services/dossier_context'
import { systemClock } from '#processing/services/deadlines'
import { ActionInvalidError, ActionRefusedError, DossierChangedError } from '#processing/services/errors'
import { updateDossierGuarded } from '#processing/services/guarded_update'
import { candidatesFor, mayAssignOnStep } from '#processing/services/officers'
import { remind } from '#processing/services/reminders'
import { DONE, REFUSED, RETURNED, STOPPED, SUPPLEMENT_REQUESTED, holderDetail } from '#processing/services/status_text'
import { ensureOpenStep } from '#processing/services/step_history'
import { settleClock } from '#processing/services/supplement_clock'
import { CLOSED_STATUSES } from '#processing/services/engine'

/** Statuses whose detail is not the holder (a reason, "Đang trả kết quả", …): assigning keeps it. */
const DETAIL_KEPT = new Set([SUPPLEMENT_REQUESTED, REFUSED, STOPPED, DONE, RETURNED])

export interface AssignHandlerInput {
  dossier?: Dossier
  dossierId?: number
  expectedLockVersion: number
  actor: User
  assigneeId: number
  comment?: string | null
}

/** Assigns (or reassigns) the officer holding the dossier's current step. */
export async function assignHandler(input: AssignHandlerInput, options: { clock?: Clock; calendar?: WorkingCalendar } = {}) {
  const at = (options.clock ?? systemClock)()
  const dossier = input.dossier ?? (input.dossierId ? await Dossier.find(input.dossierId) : null)
  if (!dossier) throw new ActionRefusedError('not_found')
  if (dossier.lockVersion !== input.expectedLockVersion) throw new DossierChangedError(dossier.id)
  const context = await dossierContext(dossier, options.calendar)
  const { step, calendar, clock } = context
  if (!context.runtime) throw new ActionRefusedError('no_workflow')
  if (!step || CLOSED_STATUSES.has(dossier.statusCode)) throw new ActionRefusedError('finished')
  if (!mayAssignOnStep(input.actor, step)) throw new ActionRefusedError('not_allowed')

  const assignee = await candidatesFor(step).where('id', input.assigneeId).first()
  if (!assignee) throw new ActionInvalidError({ assignee_id: 'Hãy chọn một cán bộ trong danh sách.' })
  const previousId = context.open?.assigneeId ?? null
  if (previousId !== null && Number(previousId) === Number(assignee.id)) {
    throw new ActionInvalidError({ assignee_id: 'Cán bộ này đang giữ hồ sơ; hãy chọn cán bộ khác.' })
  }

  const appointmentAt = await settleClock(dossier, clock, calendar, context.mode, context.legalMinutes)
  const statusDetail = DETAIL_KEPT.has(dossier.statusCode) ? dossier.statusDetail : await holderDetail(step, assignee)
  await updateDossierGuarded(dossier, input.expectedLockVersion, { statusDetail, appointmentAt }, at)

  const passage = await ensureOpenStep(dossier, step, calendar, context.enteredAt)
  passage.assigneeId = assignee.id
  await passage.save()
  const comment = input.comment?.normalize('NFC').trim() || null
  await appendEvent(dossier, {
    action: previousId ? 'reassign' : 'assign',
    actor: { id: input.actor.id, fullName: input.actor.fullName },
    stepKey: step.key,
    fromStatus: dossier.statusCode,
    toStatus: dossier.statusCode,
    comment,
    public: true,
    occurredAt: at,
  })
  clock.trailSequence = dossier.trailLength
  await clock.save()
  await remind([assignee.id], { dossierId: dossier.id, dossierStepId: passage.id, kind: 'new_work', at })
  return { dossier, assignee, previousAssigneeId: previousId }
}
