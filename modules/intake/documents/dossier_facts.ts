/*
 * What the documents of one dossier print, loaded together: the dossier, its procedure (sector,
 * components, lead agencies), the receiving unit, the trail, the counter's checklist and
 * supplement requests, and the tenant's status names.
 * Everything is read in the current tenant's scope, so another tenant's dossier id is a 404.
 */
import { requireTenantScope } from '#tenancy/tenant_context'
import type Tenant from '#tenancy/tenant'
import { Agency } from '#users/index'
import { Procedure, WorkflowStep } from '#catalog/index'
import Dossier from '#intake/models/dossier'
import DossierEvent from '#intake/models/dossier_event'
import ReceivedComponent from '#intake/counter/models/received_component'
import SupplementRequest from '#intake/counter/models/supplement_request'
import { dossierStatusLabels } from '#intake/services/status_labels'

export interface DossierFacts {
  tenant: Tenant
  dossier: Dossier
  procedure: Procedure
  receivingAgency: Agency
  /** Oldest first. */
  events: DossierEvent[]
  /** The intake checklist, in the procedure's order (empty when the counter kept none). */
  receivedComponents: ReceivedComponent[]
  /** Oldest first. */
  supplementRequests: SupplementRequest[]
  /** Vietnamese name of a status code (the tenant's catalog, then Appendix I, then the code). */
  statusName: (code: string | null) => string
  /** Name of a step of the dossier's workflow, or its key when the workflow does not name it. */
  stepName: (key: string | null) => string
}

/** The name of a status code (services/status_labels.ts), the code itself for one nobody knows. */
export async function statusNames(): Promise<(code: string | null) => string> {
  const names = await dossierStatusLabels()
  return (code) => (code ? (names.get(code) ?? code) : '')
}

export async function loadDossierFacts(dossierId: number): Promise<DossierFacts> {
  const { tenant } = requireTenantScope()
  const dossier = await Dossier.findOrFail(dossierId)
  const procedure = await Procedure.query()
    .where('id', dossier.procedureId)
    .preload('sector')
    .preload('components')
    .preload('agencies')
    .firstOrFail()
  const receivingAgency = await Agency.findOrFail(dossier.receivingAgencyId)
  const events = await DossierEvent.query().where('dossier_id', dossier.id).orderBy('sequence')
  const receivedComponents = await ReceivedComponent.query().where('dossier_id', dossier.id).orderBy('position')
  const supplementRequests = await SupplementRequest.query().where('dossier_id', dossier.id).orderBy('requested_at').orderBy('id')
  const steps = dossier.workflowId
    ? new Map((await WorkflowStep.query().where('workflow_id', dossier.workflowId)).map((step) => [step.key, step.name]))
    : new Map<string, string>()
  return {
    tenant,
    dossier,
    procedure,
    receivingAgency,
    events,
    receivedComponents,
    supplementRequests,
    statusName: await statusNames(),
    stepName: (key) => (key ? (steps.get(key) ?? key) : ''),
  }
}

/** The first event that moved the dossier into `status`, or null. */
export function firstInto(events: readonly DossierEvent[], status: string) {
  return events.find((event) => event.toStatus === status) ?? null
}

/** The latest event that moved the dossier into `status`, or null. */
export function lastInto(events: readonly DossierEvent[], status: string) {
  return events.findLast((event) => event.toStatus === status) ?? null
}
