/*
 * Financial obligations (ST-18, OS-10.3): the officer handling the dossier tells the applicant
 * to pay a fee, charge or tax: "Yêu cầu thực hiện nghĩa vụ tài chính", with the amount and what
 * it is for (and by when, if there is a deadline). The dossier stays at its step, and the time
 * the applicant takes to pay does not count (the law leaves the time for financial obligations
 * out of the processing time): the clock stops, the step has no due time, the dossier is not
 * overdue. When the payment is recorded from the receipt (number, amount, date) the dossier is
 * back "Đang xử lý" with its holder, the clock runs again and the appointment date and the
 * step's due time move by the time it waited.
 *
 * While an obligation is unpaid no workflow action moves the dossier (see special/hooks.ts).
 */
import type { DateTime } from 'luxon'
import { appendEvent } from '#intake/index'
import { User } from '#users/index'
import { formatDate, VIETNAM_ZONE } from '#services/vietnamese_format'
import { formatMoney, parseMoney } from '#services/money_format'
import { parseVietnameseDate } from '#users/index'
import { ActionInvalidError, ActionRefusedError } from '#processing/services/errors'
import { mayActOnStep } from '#processing/services/officers'
import { FINANCIAL_OBLIGATION, PROCESSING, holderDetail } from '#processing/services/status_text'
import { settleClock } from '#processing/services/supplement_clock'
import FinancialObligation from '#processing/special/models/financial_obligation'
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

/** The unpaid obligation of a dossier, if it has one. */
export function unpaidObligationOf(dossierId: number) {
  return FinancialObligation.query().where('dossier_id', dossierId).whereNull('recorded_at').first()
}

export function obligationsOf(dossierId: number) {
  return FinancialObligation.query().where('dossier_id', dossierId).orderBy('requested_at', 'desc').orderBy('id', 'desc')
}

/** "Số tiền phải nộp: 1.500.000 đ – Lệ phí trước bạ – Hạn nộp: 20/06/2026": the ST-18 detail. */
export function obligationDetail(obligation: Pick<FinancialObligation, 'amount' | 'content' | 'dueDate'>) {
  const parts = [`Số tiền phải nộp: ${formatMoney(obligation.amount)}`, obligation.content]
  if (obligation.dueDate) parts.push(`Hạn nộp: ${formatDate(obligation.dueDate)}`)
  return parts.join(' – ')
}

function typedDay(text: unknown) {
  return typeof text === 'string' && text.trim() ? parseVietnameseDate(text) : null
}

function today(at: DateTime) {
  return at.setZone(VIETNAM_ZONE).startOf('day')
}

export interface ObligationInput extends SpecialActionInput {
  amount: string | number
  content: string
  /** Optional last day to pay, as typed (DD/MM/YYYY). */
  dueDate?: string | null
}

/** ST-18: the handler asks the applicant to pay; the clock stops until the payment is recorded. */
export async function requestFinancialObligation(input: ObligationInput, options: SpecialActionOptions = {}) {
  const opened = await openDossier(input, options)
  const { dossier, context, at } = opened
  requireStepKind(context, HANDLING_STEPS)
  requireHolder(input.actor, context)
  requireStatus(dossier, [PROCESSING])
  if (await unpaidObligationOf(dossier.id)) throw new ActionRefusedError('not_offered', 'Hồ sơ đang có nghĩa vụ tài chính chưa nộp.')

  const errors: Record<string, string> = {}
  const amount = parseMoney(typeof input.amount === 'number' ? input.amount : String(input.amount ?? ''))
  if (amount === null || amount <= 0) errors.amount = 'Hãy nhập số tiền bằng số, ví dụ 1.500.000.'
  const content = clean(input.content)
  if (!content) errors.content = 'Hãy nêu nội dung nghĩa vụ tài chính (phí, lệ phí, thuế…).'
  else if (content.length > 1000) errors.content = 'Nội dung dài quá 1.000 ký tự.'
  let dueDate: DateTime | null = null
  if (typeof input.dueDate === 'string' && input.dueDate.trim()) {
    dueDate = typedDay(input.dueDate)
    if (!dueDate) errors.due_date = 'Hạn nộp không hợp lệ; hãy nhập theo dạng NN/TT/NNNN.'
    else if (dueDate < today(at)) errors.due_date = 'Hạn nộp không được trước hôm nay.'
  }
  if (Object.keys(errors).length) throw new ActionInvalidError(errors)

  const { clock, calendar } = context
  const appointmentAt = await settleClock(dossier, clock, calendar, context.mode, context.legalMinutes)
  const stepDue = context.passage?.dueAt ?? null
  const detail = obligationDetail({ amount: amount!, content: content!, dueDate })
  const passage = await claimDossier(opened, input.expectedLockVersion, {
    statusCode: FINANCIAL_OBLIGATION,
    statusDetail: detail,
    appointmentAt,
  })
  const obligation = await FinancialObligation.create({
    dossierId: dossier.id,
    dossierStepId: passage.id,
    amount: amount!,
    content: content!,
    dueDate,
    requestedBy: input.actor.id,
    requestedAt: at,
    dossierRemainingMinutes: appointmentAt ? Math.round(calendar.workingMinutesBetween(at, appointmentAt)) : null,
    stepRemainingMinutes: stepDue ? Math.round(calendar.workingMinutesBetween(at, stepDue)) : null,
  })
  passage.merge({ dueAt: null, clockStopped: true })
  await passage.save()
  clock.stoppedAt = at
  await appendEvent(dossier, {
    action: 'request_financial_obligation',
    actor: { id: input.actor.id, fullName: input.actor.fullName },
    stepKey: context.step!.key,
    fromStatus: PROCESSING,
    toStatus: FINANCIAL_OBLIGATION,
    comment: detail,
    public: true,
    occurredAt: at,
  })
  clock.trailSequence = dossier.trailLength
  await clock.save()
  await mailApplicant(
    dossier,
    'obligation',
    { amount: formatMoney(amount!), content: content!, due_line: dueDate ? ` Hạn nộp: ${formatDate(dueDate)}.` : '' },
    options.portalUrl
  )
  return { dossier, obligation }
}

export interface PaymentInput extends SpecialActionInput {
  receiptNumber: string
  paidAmount: string | number
  /** The day paid, as typed (DD/MM/YYYY). */
  paidOn: string
}

/** Whether `officer` records payments of the dossier: the counter, or whoever may act on its step. */
export function recordsPayments(officer: User, context: Parameters<typeof requireHolder>[1]) {
  return officer.hasRole('receptionist') || (context.step !== null && mayActOnStep(officer, context.step, context.open))
}

/** The payment is recorded from the receipt; the dossier is back "Đang xử lý" and its clock runs. */
export async function recordPayment(input: PaymentInput, options: SpecialActionOptions = {}) {
  const opened = await openDossier(input, options)
  const { dossier, context, at } = opened
  requireStatus(dossier, [FINANCIAL_OBLIGATION], 'Hồ sơ không chờ thực hiện nghĩa vụ tài chính.')
  const obligation = await unpaidObligationOf(dossier.id)
  if (!obligation) throw new ActionRefusedError('not_offered', 'Hồ sơ không có nghĩa vụ tài chính chưa nộp.')
  if (!recordsPayments(input.actor, context)) throw new ActionRefusedError('not_allowed')

  const errors: Record<string, string> = {}
  const receiptNumber = clean(input.receiptNumber)
  if (!receiptNumber) errors.receipt_number = 'Hãy nhập số biên lai.'
  else if (receiptNumber.length > 60) errors.receipt_number = 'Số biên lai dài quá 60 ký tự.'
  const paidAmount = parseMoney(typeof input.paidAmount === 'number' ? input.paidAmount : String(input.paidAmount ?? ''))
  if (paidAmount === null || paidAmount <= 0) errors.paid_amount = 'Hãy nhập số tiền đã nộp bằng số, ví dụ 1.500.000.'
  else if (paidAmount < obligation.amount) errors.paid_amount = `Số tiền đã nộp ít hơn số tiền phải nộp (${formatMoney(obligation.amount)}).`
  const paidOn = typedDay(input.paidOn)
  if (!paidOn) errors.paid_on = 'Hãy nhập ngày nộp theo dạng NN/TT/NNNN.'
  else if (paidOn > today(at)) errors.paid_on = 'Ngày nộp không được sau hôm nay.'
  else if (paidOn < today(obligation.requestedAt)) errors.paid_on = `Ngày nộp không được trước ngày thông báo (${formatDate(obligation.requestedAt)}).`
  if (Object.keys(errors).length) throw new ActionInvalidError(errors)

  const { clock, calendar } = context
  const stoppedAt = clock.stoppedAt ?? obligation.requestedAt
  const waited = Math.max(0, Math.round(calendar.workingMinutesBetween(stoppedAt, at)))
  const later = (moment: DateTime | null, remaining: number | null) => {
    if (remaining !== null && remaining > 0) return calendar.addWorkingMinutes(at, remaining)
    return moment ? calendar.addWorkingMinutes(moment, waited) : null
  }
  const appointmentAt = later(dossier.appointmentAt, obligation.dossierRemainingMinutes)
  const holder = context.open?.assigneeId ? await User.find(context.open.assigneeId) : null
  const passage = await claimDossier(opened, input.expectedLockVersion, {
    statusCode: PROCESSING,
    statusDetail: await holderDetail(context.step!, holder),
    appointmentAt,
  })
  const stepRemaining = obligation.stepRemainingMinutes
  passage.merge({
    clockStopped: false,
    dueAt: stepRemaining === null ? null : stepRemaining > 0 ? calendar.addWorkingMinutes(at, stepRemaining) : at,
  })
  await passage.save()
  obligation.merge({ receiptNumber, paidAmount, paidOn, recordedBy: input.actor.id, recordedAt: at })
  await obligation.save()
  clock.stoppedAt = null
  clock.stoppedMinutesTotal = (clock.stoppedMinutesTotal ?? 0) + waited
  const comment = `Đã nộp ${formatMoney(paidAmount!)} theo biên lai số ${receiptNumber} ngày ${formatDate(paidOn)}.`
  await appendEvent(dossier, {
    action: 'record_payment',
    actor: { id: input.actor.id, fullName: input.actor.fullName },
    stepKey: context.step!.key,
    fromStatus: FINANCIAL_OBLIGATION,
    toStatus: PROCESSING,
    comment,
    public: true,
    occurredAt: at,
  })
  clock.trailSequence = dossier.trailLength
  await clock.save()
  await mailApplicant(dossier, 'paid', { receipt: receiptNumber!, amount: formatMoney(paidAmount!), paid_on: formatDate(paidOn) }, options.portalUrl)
  return { dossier, obligation }
}
