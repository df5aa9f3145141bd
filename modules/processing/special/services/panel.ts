/*
 * What the special parts offer on one dossier for one officer: the screens they may open now
 * (consultation, delegation, inter-agency transfer, extension, financial obligation, result
 * document, approval, return) and the state worth knowing at a glance (a delegation or transfer
 * in force, a payment awaited, opinions awaited), with the apology slip and the stop notice to
 * print once they exist. The officer's dossier page includes it (component
 * processing::special/panel), and every special screen shows the same summary at its top.
 */
import { Procedure } from '#catalog/index'
import { slipKindsFor, type Dossier } from '#intake/index'
import { User } from '#users/index'
import { formatDate } from '#services/vietnamese_format'
import { dossierContext, type DossierContext } from '#processing/services/dossier_context'
import { statusDetailLines } from '#processing/services/deadlines'
import { mayActOnStep } from '#processing/services/officers'
import { DONE, FINANCIAL_OBLIGATION, PROCESSING, statusLabel } from '#processing/services/status_text'
import Consultation from '#processing/special/models/consultation'
import { HANDLING_STEPS } from '#processing/special/services/dossier_action'
import { obligationDetail, recordsPayments, unpaidObligationOf } from '#processing/special/services/financial_obligations'
import { handoverInForce, officerWithUnit } from '#processing/special/services/handovers'
import type { StepKind } from '#catalog/index'

export interface SpecialLink {
  href: string
  label: string
}

export interface SpecialPanel {
  links: SpecialLink[]
  notes: string[]
  slips: Array<{ title: string; printUrl: string; pdfUrl: string }>
}

/** Where the special screens of a dossier live. */
export function specialPath(dossierId: number, part: string) {
  return `/mot-cua/ho-so/${dossierId}/${part}`
}

export async function specialPanel(dossier: Dossier, officer: User, known?: DossierContext): Promise<SpecialPanel> {
  const context = known ?? (await dossierContext(dossier))
  const { step } = context
  const links: SpecialLink[] = []
  const notes: string[] = []
  const at = (kinds: readonly StepKind[]) => step !== null && kinds.includes(step.kind)
  const acting = step !== null && mayActOnStep(officer, step, context.open)
  const processing = dossier.statusCode === PROCESSING
  const handover = await handoverInForce(context)
  const link = (part: string, label: string) => links.push({ href: specialPath(dossier.id, part), label })

  const waiting = await Consultation.query().where('dossier_id', dossier.id).whereNull('answered_at').count('* as total')
  const waitingCount = Number(waiting[0].$extras.total)
  const asked = waitingCount > 0 || (await Consultation.query().where('dossier_id', dossier.id).first()) !== null
  if ((acting && processing && at(['processing', 'consultation'])) || asked) link('xin-y-kien', 'Xin ý kiến, phối hợp')
  if (waitingCount > 0) notes.push(`${waitingCount} yêu cầu xin ý kiến đang chờ trả lời.`)

  if (handover) {
    const other = await User.find(handover.toOfficerId)
    const who = other ? await officerWithUnit(other) : ''
    if (handover.kind === 'delegation') {
      notes.push(`Đang ủy quyền cho ${who} đến hết ngày ${formatDate(handover.until)}.`)
      if ([handover.fromOfficerId, handover.toOfficerId].map(Number).includes(Number(officer.id))) link('uy-quyen', 'Ủy quyền xử lý')
    } else {
      notes.push(`Đang xử lý liên thông tại ${who}.`)
      link('lien-thong', 'Xử lý liên thông')
    }
  } else if (acting && processing && at(HANDLING_STEPS)) {
    if (Number(context.open?.assigneeId) === Number(officer.id)) link('uy-quyen', 'Ủy quyền xử lý')
    if (at(['processing'])) link('lien-thong', 'Chuyển xử lý liên thông')
  }
  if (acting && processing && at(HANDLING_STEPS)) link('gia-han', 'Gia hạn giải quyết')

  const unpaid = await unpaidObligationOf(dossier.id)
  if (unpaid) notes.push(`Chờ thực hiện nghĩa vụ tài chính: ${obligationDetail(unpaid)}.`)
  if ((acting && processing && at(HANDLING_STEPS)) || (unpaid !== null && dossier.statusCode === FINANCIAL_OBLIGATION && recordsPayments(officer, context))) {
    link('nghia-vu-tai-chinh', dossier.statusCode === FINANCIAL_OBLIGATION ? 'Ghi nhận nộp nghĩa vụ tài chính' : 'Nghĩa vụ tài chính')
  }
  if (acting && processing && at(['processing', 'approval'])) link('ket-qua', 'Kết quả giải quyết')
  if (acting && processing && at(['approval'])) link('phe-duyet', 'Phê duyệt')
  if (acting && dossier.statusCode === DONE && at(['return'])) link('tra-ket-qua', 'Trả kết quả')

  const slips = (await slipKindsFor(dossier))
    .filter((slip) => slip.kind === 'apology' || slip.kind === 'stop_notice')
    .map((slip) => ({ title: slip.title, printUrl: slip.printUrl, pdfUrl: slip.pdfUrl }))
  return { links, notes, slips }
}

/** Whether the panel has anything to show. */
export function hasContent(panel: SpecialPanel) {
  return panel.notes.length > 0 || panel.links.length > 0 || panel.slips.length > 0
}

/** The summary at the top of every special screen: code, procedure, applicant, status with its detail, appointment. */
export async function dossierSummary(dossier: Dossier) {
  const procedure = await Procedure.find(dossier.procedureId)
  return {
    id: dossier.id,
    code: dossier.code,
    lockVersion: dossier.lockVersion,
    procedureName: procedure?.name ?? '',
    applicantName: dossier.applicantOrganisationName || dossier.applicantFullName,
    statusLabel: await statusLabel(dossier.statusCode),
    detailLines: await statusDetailLines(dossier),
    appointmentAt: dossier.appointmentAt,
  }
}
