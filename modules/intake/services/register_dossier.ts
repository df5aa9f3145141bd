/*
 * The one way a dossier enters the one-stop system (intake core): the code is issued, the row
 * written and the first trail event appended, all in the current tenant's transaction, so an
 * intake that fails later in that transaction leaves neither a dossier nor a used number.
 * The actions of the counter and the portal (accept, refuse, submit, …) call this; they own the
 * transaction (withTenant) and the authorization.
 */
import type { DateTime } from 'luxon'
import { requireTenantScope } from '#tenancy/tenant_context'
import Agency from '#users/models/agency'
import Dossier, { type DossierChannel, type PostalService } from '#intake/models/dossier'
import { issueDossierCode } from '#intake/services/dossier_codes'
import { appendEvent, type TrailActor } from '#intake/services/trail'
import { systemClock, type Clock } from '#intake/services/clock'

export interface ApplicantSnapshot {
  fullName: string
  nationalId?: string | null
  organisationName?: string | null
  taxCode?: string | null
  phone?: string | null
  email?: string | null
  address?: string | null
}

export interface RegisterDossierInput {
  procedureId: number
  workflowId?: number | null
  channel: DossierChannel
  /** The unit receiving the dossier: its identifier code heads the dossier code. */
  receivingAgencyId: number
  /** The applicant's account (online dossiers). */
  applicantId?: number | null
  applicant: ApplicantSnapshot
  /** Stable Appendix I code: moi_dang_ky for a portal submission, duoc_tiep_nhan at the counter, … */
  statusCode: string
  statusDetail?: string
  appointmentAt?: DateTime | null
  currentStepKey?: string | null
  eformId?: number | null
  eformVersion?: number | null
  formValues?: Record<string, unknown>
  /** PT-15: the public postal service choice. */
  postalService?: PostalService | null
  /** The portal application's one-time token (unique per tenant). */
  submissionToken?: string | null
  /** The trail's first event. */
  event: {
    action: string
    actor?: TrailActor | null
    actorName?: string | null
    comment?: string | null
    public?: boolean
  }
}

function optional(value: string | null | undefined) {
  const normalized = value?.normalize('NFC').trim()
  return normalized ? normalized : null
}

export async function registerDossier(input: RegisterDossierInput, options: { clock?: Clock } = {}): Promise<Dossier> {
  requireTenantScope()
  const receivedAt = (options.clock ?? systemClock)()
  const agency = await Agency.findOrFail(input.receivingAgencyId)

  // Issued last before the insert: from here to commit, this unit's other intakes wait.
  const issued = await issueDossierCode({ unitCode: agency.code, at: receivedAt })
  const dossier = await Dossier.create({
    code: issued.code,
    procedureId: input.procedureId,
    workflowId: input.workflowId ?? null,
    channel: input.channel,
    receivingAgencyId: agency.id,
    applicantId: input.applicantId ?? null,
    applicantFullName: input.applicant.fullName.normalize('NFC').trim(),
    applicantNationalId: optional(input.applicant.nationalId),
    applicantOrganisationName: optional(input.applicant.organisationName),
    applicantTaxCode: optional(input.applicant.taxCode),
    applicantPhone: optional(input.applicant.phone),
    applicantEmail: optional(input.applicant.email),
    applicantAddress: optional(input.applicant.address),
    statusCode: input.statusCode,
    statusDetail: input.statusDetail ?? '',
    receivedAt,
    appointmentAt: input.appointmentAt ?? null,
    currentStepKey: input.currentStepKey ?? null,
    lockVersion: 1,
    eformId: input.eformId ?? null,
    eformVersion: input.eformVersion ?? null,
    formValues: input.formValues ?? {},
    postalService: input.postalService ?? null,
    submissionToken: input.submissionToken ?? null,
    trailLength: 0,
    trailHeadHash: null,
  })
  await appendEvent(dossier, {
    ...input.event,
    stepKey: input.currentStepKey ?? null,
    fromStatus: null,
    toStatus: input.statusCode,
    occurredAt: receivedAt,
  })
  return dossier
}
