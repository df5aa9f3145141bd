/*
 * OS-1.2: creates or updates a procedure with its dossier components, fees and performing
 * agencies, in the request's tenant transaction. Components and fees keep their ids when they
 * are edited (form templates and e-forms may point at a component); rows the admin removed are
 * deleted, new rows are created. Saving never changes the published state: that is
 * PublishProcedure's job.
 */
import Procedure from '#catalog/models/procedure'
import ProcedureComponent from '#catalog/models/procedure_component'
import ProcedureFee from '#catalog/models/procedure_fee'
import { requireTenantScope } from '#tenancy/tenant_context'
import type { ProcedureDetails } from '#catalog/validators/procedure_validator'

function attributesOf(details: ProcedureDetails) {
  return {
    name: details.name,
    nationalCode: details.national_code || null,
    isSampleCode: !!details.is_sample_code,
    sectorId: details.sector_id,
    procedureGroupId: details.procedure_group_id ?? null,
    stepsDescription: details.steps_description,
    channels: details.channels,
    legalDeadlineDays: details.legal_deadline_days,
    resultType: details.result_type,
    conditions: details.conditions ?? '',
    legalBasis: details.legal_basis,
    onlineLevel: details.online_level as Procedure['onlineLevel'],
    applicantTypes: details.applicant_types,
    administrativeLevel: details.administrative_level,
    supplementClock: details.supplement_clock ?? 'resume',
    resultByPost: !!details.result_by_post,
    resultOnline: !!details.result_online,
  }
}

export async function createProcedure(details: ProcedureDetails) {
  const procedure = await Procedure.create({ ...attributesOf(details), status: 'draft' })
  await saveRows(procedure, details)
  return procedure
}

export async function updateProcedure(procedure: Procedure, details: ProcedureDetails) {
  procedure.merge(attributesOf(details))
  await procedure.save()
  await saveRows(procedure, details)
  return procedure
}

async function saveRows(procedure: Procedure, details: ProcedureDetails) {
  const { tenant } = requireTenantScope()

  const components = await ProcedureComponent.query().where('procedure_id', procedure.id)
  const componentsById = new Map(components.map((component) => [component.id, component]))
  const keptComponents = new Set<number>()
  for (const [position, row] of details.components.entries()) {
    const existing = row.id ? componentsById.get(row.id) : undefined
    const attributes = {
      procedureId: procedure.id,
      position,
      name: row.name,
      originalCopies: row.original_copies,
      photocopies: row.photocopies,
      isRequired: !!row.is_required,
    }
    if (existing && !keptComponents.has(existing.id)) {
      keptComponents.add(existing.id)
      await existing.merge(attributes).save()
    } else {
      await ProcedureComponent.create(attributes)
    }
  }
  const droppedComponents = components.filter((component) => !keptComponents.has(component.id)).map((c) => c.id)
  if (droppedComponents.length) await ProcedureComponent.query().whereIn('id', droppedComponents).delete()

  const fees = await ProcedureFee.query().where('procedure_id', procedure.id)
  const feesById = new Map(fees.map((fee) => [fee.id, fee]))
  const keptFees = new Set<number>()
  for (const row of details.fees) {
    const existing = row.id ? feesById.get(row.id) : undefined
    const attributes = { procedureId: procedure.id, kind: row.kind, description: row.description, amount: row.amount }
    if (existing && !keptFees.has(existing.id)) {
      keptFees.add(existing.id)
      await existing.merge(attributes).save()
    } else {
      await ProcedureFee.create(attributes)
    }
  }
  const droppedFees = fees.filter((fee) => !keptFees.has(fee.id)).map((fee) => fee.id)
  if (droppedFees.length) await ProcedureFee.query().whereIn('id', droppedFees).delete()

  // The pivot carries tenant_id: row-level security and the composite keys require it.
  await procedure
    .related('agencies')
    .sync(Object.fromEntries(details.agency_ids.map((agencyId) => [agencyId, { tenant_id: tenant.id }])))
}
