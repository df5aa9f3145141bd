/*
 * How the special parts plug into the workflow engine (services/hooks.ts), registered once when
 * the processing routes load:
 *
 * - guards: no workflow action moves a dossier while a financial obligation is unpaid (the clock
 *   is stopped and the applicant owes the payment first), nor on from a financial obligation
 *   step before a payment was recorded there, nor while it is with another agency for
 *   inter-agency processing (the partner returns it first);
 * - after-hooks: a decision taken at an approval step is recorded as an approval round; a
 *   delegation ends when the passage it was for ends;
 * - a sweep task: a delegation ends when its last day has passed.
 */
import { registerActionGuard, onActionPerformed, onDeadlineSweep, type GuardContext, type PerformedContext } from '#processing/services/hooks'
import { openStepOf } from '#processing/services/step_history'
import DossierHandover from '#processing/special/models/dossier_handover'
import FinancialObligation from '#processing/special/models/financial_obligation'
import { recordApprovalRound } from '#processing/special/services/approvals'
import { unpaidObligationOf } from '#processing/special/services/financial_obligations'
import { endLapsedDelegations, handoverInForce, officerWithUnit } from '#processing/special/services/handovers'
import { User } from '#users/index'

async function waitsForPayment({ dossier }: GuardContext) {
  if (!(await unpaidObligationOf(dossier.id))) return null
  return 'Hồ sơ đang chờ người nộp thực hiện nghĩa vụ tài chính; hãy ghi nhận biên lai nộp tiền trước khi chuyển tiếp.'
}

/** A financial obligation step exists to collect a payment: its way on waits for the receipt. */
async function paidAtObligationStep({ dossier, fromStep, toStep }: GuardContext) {
  if (fromStep.kind !== 'financial_obligation' || (toStep && toStep.position < fromStep.position)) return null
  const open = await openStepOf(dossier.id)
  const paid = open ? await FinancialObligation.query().where('dossier_step_id', open.id).whereNotNull('recorded_at').first() : null
  if (paid) return null
  return 'Hãy yêu cầu thực hiện nghĩa vụ tài chính và ghi nhận biên lai nộp tiền trước khi chuyển tiếp.'
}

async function isWithPartnerAgency({ dossier }: GuardContext) {
  const open = await openStepOf(dossier.id)
  const transfer = open ? await handoverInForce({ open }, 'transfer') : null
  if (!transfer) return null
  const partner = await User.find(transfer.toOfficerId)
  return `Hồ sơ đang được xử lý liên thông tại ${partner ? await officerWithUnit(partner) : 'cơ quan khác'}; chờ cơ quan liên thông trả lại.`
}

async function endDelegations({ finishedStep, actor, at }: PerformedContext) {
  await DossierHandover.query()
    .where('dossier_step_id', finishedStep.id)
    .whereNull('ended_at')
    .update({ ended_at: at.toJSDate(), ended_by: actor.id, updated_at: at.toJSDate() })
}

export function registerSpecialHooks() {
  registerActionGuard(waitsForPayment)
  registerActionGuard(paidAtObligationStep)
  registerActionGuard(isWithPartnerAgency)
  onActionPerformed(recordApprovalRound)
  onActionPerformed(endDelegations)
  onDeadlineSweep({ label: 'delegation(s) ended', run: endLapsedDelegations })
}
