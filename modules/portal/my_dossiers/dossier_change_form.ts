/*
 * PT-4.2: what the change form of a dossier not accepted yet is made of: the e-form version the
 * dossier was filed with (its typed fields), the procedure's papers as file slots, and the file
 * each slot holds now. The slots are the apply form's (portal/apply), so a paper is asked for the
 * same way when filing and when changing.
 */
import { eformVersion, type EformField } from '#catalog/index'
import { filesOfDossier, type Dossier } from '#intake/index'
import { fileSlotsOf, findApplyingProcedure, typedFields, type FileSlot } from '#portal/apply/application_setting'
import { fileSize } from '#portal/my_dossiers/my_dossiers'

export interface CurrentFile {
  storedFileId: number
  name: string
  size: string
}

function fileIdOf(value: unknown) {
  const ref = value && typeof value === 'object' ? (value as { ref?: unknown }).ref : undefined
  const match = typeof ref === 'string' ? ref.match(/^file:(\d+)$/) : null
  return match ? Number(match[1]) : null
}

/** The form for changing `dossier`, or null when its procedure no longer takes online applications. */
export async function changeFormOf(dossier: Dossier) {
  const found = await findApplyingProcedure(dossier.procedureId)
  if (!found) return null
  const definition: EformField[] =
    dossier.eformVersion && found.eform?.version !== dossier.eformVersion
      ? (await eformVersion(dossier.procedureId, dossier.eformVersion)).fields
      : found.definition
  const slots: FileSlot[] = fileSlotsOf({ ...found, definition })

  const files = await filesOfDossier(dossier, ['component', 'other'])
  const current = new Map<string, CurrentFile>()
  for (const slot of slots) {
    const fieldFileId = slot.field ? fileIdOf(dossier.formValues?.[slot.field.key]) : null
    const file = files.find((candidate) =>
      slot.componentId !== null ? candidate.procedureComponentId === slot.componentId : candidate.storedFileId === fieldFileId
    )
    if (file) {
      current.set(slot.key, {
        storedFileId: file.storedFileId,
        name: file.storedFile.originalName,
        size: fileSize(file.storedFile.sizeBytes),
      })
    }
  }
  return { definition, typed: typedFields(definition), slots, current }
}

/** Labels of the typed fields whose checked value differs from what the dossier holds. */
export function changedFieldLabels(typed: EformField[], before: Record<string, unknown>, after: Record<string, unknown>) {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
  return typed.filter((field) => !same(before[field.key], after[field.key])).map((field) => field.label)
}
