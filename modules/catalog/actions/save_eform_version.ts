/*
 * PT-1.1, PT-1.2: saving an e-form makes a new version and makes it current; earlier versions
 * stay as they were, because dossiers filed with them keep pointing at them. The procedure row
 * is locked so two admins saving at once get versions n+1 and n+2, never two n+1.
 */
import Eform from '#catalog/models/eform'
import Procedure from '#catalog/models/procedure'
import { validateEformDefinition, type EformField } from '#catalog/services/eform_definition'

export async function currentEform(procedureId: number) {
  return Eform.query().where('procedure_id', procedureId).where('is_current', true).first()
}

export async function eformVersions(procedureId: number) {
  return Eform.query().where('procedure_id', procedureId).orderBy('version', 'desc')
}

export async function eformVersion(procedureId: number, version: number) {
  return Eform.query().where('procedure_id', procedureId).where('version', version).firstOrFail()
}

/** Writes `fields` (checked again here, whoever calls) as the procedure's next version. */
export async function saveEformVersion(procedure: Procedure, fields: EformField[], createdBy: number | null) {
  const checked = await validateEformDefinition({ fields })
  await Procedure.query().where('id', procedure.id).forUpdate().firstOrFail()
  const latest = await Eform.query().where('procedure_id', procedure.id).max('version as latest').first()
  const version = Number(latest?.$extras.latest ?? 0) + 1
  await Eform.query().where('procedure_id', procedure.id).where('is_current', true).update({ is_current: false })
  return Eform.create({ procedureId: procedure.id, version, isCurrent: true, fields: checked, createdBy })
}
