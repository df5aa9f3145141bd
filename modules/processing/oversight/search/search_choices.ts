/*
 * The options of the search form's lists: the tenant's sectors, procedures, units (receiving
 * agencies and departments), statuses and officers who handle dossiers. Read in the current
 * tenant's scope, like everything else.
 */
import { Procedure, Sector, Status } from '#catalog/index'
import { dossierStatusLabels } from '#intake/index'
import { Agency, Department, User } from '#users/index'

export interface Choice {
  value: string
  label: string
}

export interface SearchChoices {
  sectors: Choice[]
  procedures: Choice[]
  agencies: Choice[]
  departments: Choice[]
  statuses: Choice[]
  officers: Choice[]
}

/** Every status a dossier can have, labelled: the tenant's list in its order, then any it lacks (legal ones, the withdrawal). */
export async function statusChoices(): Promise<Choice[]> {
  const own = await Status.query().select('code', 'label').orderBy('position').orderBy('id')
  const choices = own.map((status) => ({ value: status.code, label: status.label }))
  for (const [code, label] of await dossierStatusLabels()) {
    if (!choices.some((choice) => choice.value === code)) choices.push({ value: code, label })
  }
  return choices
}

export async function searchChoices(): Promise<SearchChoices> {
  const sectors = await Sector.query().select('id', 'name').orderBy('position').orderBy('name')
  const procedures = await Procedure.query().select('id', 'name').orderBy('name').orderBy('id')
  const agencies = await Agency.query().select('id', 'name').orderBy('name')
  const departments = await Department.query().select('id', 'name').orderBy('name')
  const officers = await User.query()
    .select('id', 'full_name', 'department_id')
    .where('kind', 'officer')
    .orderBy('full_name')
    .orderBy('id')
  const departmentNames = new Map(departments.map((department) => [department.id, department.name]))
  return {
    sectors: sectors.map((sector) => ({ value: String(sector.id), label: sector.name })),
    procedures: procedures.map((procedure) => ({ value: String(procedure.id), label: procedure.name })),
    agencies: agencies.map((agency) => ({ value: `agency:${agency.id}`, label: agency.name })),
    departments: departments.map((department) => ({ value: `department:${department.id}`, label: department.name })),
    statuses: await statusChoices(),
    officers: officers.map((officer) => ({
      value: String(officer.id),
      label: [officer.fullName, departmentNames.get(Number(officer.departmentId))].filter(Boolean).join(' – '),
    })),
  }
}
