/*
 * A paper dossier handed in at the counter or arriving by post (ST-1, OS-5.2, OS-6.6). It enters
 * the one-stop system with its code whatever the receptionist decides, so the applicant can
 * always follow it by code:
 *   accept     → duoc_tiep_nhan, at the workflow's intake step, with the appointment date (ST-5)
 *   supplement → yeu_cau_bo_sung_giay_to, with the reason and the papers to add (ST-3)
 *   refuse     → khong_duoc_tiep_nhan, with the reason (ST-4)
 * The intake checklist is kept with the dossier; the applicant is emailed when an email is known.
 */
import type { DateTime } from 'luxon'
import { Exception } from '@adonisjs/core/exceptions'
import type { Procedure, ProcedureComponent } from '#catalog/index'
import type { User } from '#users/index'
import type { DossierChannel } from '#intake/models/dossier'
import type Dossier from '#intake/models/dossier'
import { registerDossier, type ApplicantSnapshot } from '#intake/services/register_dossier'
import { systemClock, type Clock } from '#intake/services/clock'
import { attachFilesToDossier, type FileAttachment } from '#intake/files/stored_files'
import SupplementRequest from '#intake/counter/models/supplement_request'
import ReceivedComponent from '#intake/counter/models/received_component'
import { appointmentDateFor } from '#intake/counter/services/appointment_dates'
import { intakeEntryFor } from '#intake/counter/services/intake_entry'
import { missingRequired } from '#intake/counter/services/completeness'
import { notifyApplicant } from '#intake/counter/services/applicant_notices'
import { verificationNote } from '#intake/counter/services/applicant_verification'
import {
  NoIntakeStepError,
  supplementDetail,
  type SupplementDetails,
} from '#intake/counter/services/intake_decisions'

/** Accepting needs every required component: the message names what is missing (OS-5.2). */
export class IncompleteDossierError extends Exception {
  static status = 422
  static code = 'E_INCOMPLETE_DOSSIER'
  constructor(readonly missing: string[]) {
    super(`Missing required components: ${missing.join('; ')}`)
  }
}

/** The officer belongs to no agency, so there is no receiving unit to head the dossier code. */
export class NoReceivingUnitError extends Exception {
  static status = 422
  static code = 'E_NO_RECEIVING_UNIT'
}

export type CounterDecision =
  | { kind: 'accept'; eform: { id: number; version: number; values: Record<string, unknown> } | null }
  | ({ kind: 'supplement' } & SupplementDetails)
  | { kind: 'refuse'; reason: string }

export interface CounterIntake {
  /** With its components preloaded. */
  procedure: Procedure
  channel: Extract<DossierChannel, 'counter' | 'postal'>
  officer: User
  applicant: ApplicantSnapshot
  /** The applicant's portal account, when the applicant has one: the dossier then shows there. */
  applicantAccountId: number | null
  /** OS-5.9: the applicant's identity as a national database confirmed it for this intake; null when not verified. */
  applicantVerification?: { verifiedAt: DateTime; source: string } | null
  receivedComponentIds: number[]
  /** Scans and e-form files already stored, to join the dossier (NF-17). */
  attachments: FileAttachment[]
  decision: CounterDecision
}

const STATUS_OF = {
  accept: 'duoc_tiep_nhan',
  supplement: 'yeu_cau_bo_sung_giay_to',
  refuse: 'khong_duoc_tiep_nhan',
} as const

const ACTION_OF = { accept: 'receive', supplement: 'request_supplement', refuse: 'refuse' } as const

function checklistOf(components: ProcedureComponent[], received: Set<number>) {
  return components.map((component, position) => ({
    procedureComponentId: component.id,
    position,
    name: component.name,
    originalCopies: component.originalCopies,
    photocopies: component.photocopies,
    isRequired: component.isRequired,
    received: received.has(Number(component.id)),
  }))
}

export async function receiveAtCounter(
  intake: CounterIntake,
  options: { lookupUrl: (code: string) => string; clock?: Clock }
): Promise<Dossier> {
  const { procedure, decision, officer } = intake
  if (!officer.agencyId) throw new NoReceivingUnitError(`Officer ${officer.id} belongs to no agency`)
  const received = new Set(intake.receivedComponentIds.map(Number))
  const components = procedure.components ?? []

  const entry = await intakeEntryFor(procedure, intake.channel)
  if (decision.kind === 'accept') {
    const missing = missingRequired(components, received)
    if (missing.length) throw new IncompleteDossierError(missing.map((component) => component.name))
    if (!entry) throw new NoIntakeStepError(`Procedure ${procedure.id} has no intake step for ${intake.channel}`)
  }

  const at = (options.clock ?? systemClock)()
  const appointmentAt = decision.kind === 'accept' ? await appointmentDateFor(procedure, at) : null
  const detail =
    decision.kind === 'supplement' ? supplementDetail(decision) : decision.kind === 'refuse' ? decision.reason.trim() : ''
  const postal = intake.channel === 'postal' ? 'Nhận qua dịch vụ bưu chính công ích' : null
  const verification = intake.applicantVerification ?? null
  const verified = verification ? verificationNote(verification.verifiedAt, verification.source) : null

  const dossier = await registerDossier(
    {
      procedureId: procedure.id,
      workflowId: entry?.workflowId ?? null,
      channel: intake.channel,
      receivingAgencyId: officer.agencyId,
      applicantId: intake.applicantAccountId,
      applicant: intake.applicant,
      statusCode: STATUS_OF[decision.kind],
      statusDetail: detail,
      appointmentAt,
      currentStepKey: entry?.stepKey ?? null,
      eformId: decision.kind === 'accept' ? (decision.eform?.id ?? null) : null,
      eformVersion: decision.kind === 'accept' ? (decision.eform?.version ?? null) : null,
      formValues: decision.kind === 'accept' ? (decision.eform?.values ?? {}) : {},
      event: {
        action: ACTION_OF[decision.kind],
        actor: officer,
        comment: [postal, verified, detail].filter(Boolean).join('. ') || null,
        public: true,
      },
    },
    { clock: () => at }
  )

  if (verification) {
    dossier.merge({ applicantVerifiedAt: verification.verifiedAt, applicantVerifiedSource: verification.source })
    await dossier.save()
  }
  if (components.length) {
    await ReceivedComponent.createMany(checklistOf(components, received).map((line) => ({ ...line, dossierId: dossier.id })))
  }
  if (intake.attachments.length) await attachFilesToDossier(dossier, intake.attachments, officer.id)
  if (decision.kind === 'supplement') {
    await SupplementRequest.create({
      dossierId: dossier.id,
      reason: decision.reason.trim(),
      papers: decision.papers,
      stepKey: entry?.stepKey ?? null,
      requestedBy: officer.id,
      requestedAt: at,
      fulfilledAt: null,
    })
  }

  const lookupUrl = options.lookupUrl(dossier.code)
  if (decision.kind === 'accept') {
    await notifyApplicant(dossier, { kind: 'accepted', procedureName: procedure.name, lookupUrl })
  } else if (decision.kind === 'supplement') {
    await notifyApplicant(dossier, {
      kind: 'supplement_requested',
      procedureName: procedure.name,
      lookupUrl,
      reason: decision.reason.trim(),
      papers: decision.papers,
    })
  } else {
    await notifyApplicant(dossier, { kind: 'refused', procedureName: procedure.name, lookupUrl, reason: decision.reason.trim() })
  }
  return dossier
}
