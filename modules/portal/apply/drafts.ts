/*
 * PT-1.3: the applicant's draft of an application, saved as they type (autosave), with the
 * "Lưu nháp" button, and before every submission, so nothing typed is ever lost. Saving keeps
 * the inputs as typed (they are checked on submit), the postal choice, and the file chosen for
 * each slot: an upload (checked by content and size before it is stored), a paper of the vault,
 * or none.
 */
import { randomUUID } from 'node:crypto'
import type { I18n } from '@adonisjs/i18n'
import type { User } from '#users/index'
import type { EformField } from '#catalog/index'
import { formatDate } from '#services/vietnamese_format'
import { StoredFile, UploadRejected, storeUploadedFile, vaultDocumentOf, type UploadedFile } from '#intake/index'
import ApplicationDraft, { type ChosenFile } from '#portal/apply/application_draft'
import { typedFields, type ApplyingProcedure, type FileSlot } from '#portal/apply/application_setting'
import { postalFromBody } from '#portal/apply/postal_choice'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function validToken(value: unknown): string | null {
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null
}

export function draftOf(applicantId: number, procedureId: number) {
  return ApplicationDraft.query().where('applicant_id', applicantId).where('procedure_id', procedureId).first()
}

/** The draft, locked until the request's transaction ends: two submissions of it run one after the other. */
export function lockedDraftOf(applicantId: number, procedureId: number) {
  return ApplicationDraft.query().where('applicant_id', applicantId).where('procedure_id', procedureId).forUpdate().first()
}

/** PT-1.1: what the applicant's account already says, for the fields that name it as their source. */
export function prefilledValues(definition: EformField[], user: User): Record<string, unknown> {
  const profile: Record<string, string | null | undefined> = {
    full_name: user.fullName,
    national_id: user.nationalId,
    date_of_birth: user.dateOfBirth ? formatDate(user.dateOfBirth) : null,
    phone: user.phone,
    email: user.email,
    address: user.address,
  }
  const values: Record<string, unknown> = {}
  for (const field of definition) {
    const known = field.prefill ? profile[field.prefill] : undefined
    if (!known) continue
    values[field.key] = field.kind === 'address' ? { detail: known } : known
  }
  return values
}

/** The e-form's inputs of a posted form, as typed (only the form's own keys). */
export function eformInputOf(definition: EformField[], body: Record<string, unknown>) {
  const values: Record<string, unknown> = {}
  for (const field of typedFields(definition)) {
    if (body[field.key] !== undefined) values[field.key] = body[field.key]
  }
  return values
}

export interface SaveInput {
  body: Record<string, any>
  /** Uploads by slot name (`c12`, `f-photo`), from a form posted without JavaScript. */
  uploads?: Record<string, UploadedFile | null | undefined>
}

/** Loads the applicant's draft (locked), or starts one with the token the page was given (saved by the caller). */
export async function openDraft(found: NonNullable<ApplyingProcedure>, user: User, token: string | null) {
  const existing = await lockedDraftOf(user.id, found.procedure.id)
  if (existing) return existing
  const draft = new ApplicationDraft()
  draft.fill({
    applicantId: user.id,
    procedureId: found.procedure.id,
    eformId: found.eform?.id ?? null,
    values: {},
    files: {},
    postal: null,
    submitToken: token ?? randomUUID(),
  })
  return draft
}

/** A paper of the applicant's vault chosen for a slot, when it is theirs. */
async function vaultChoice(user: User, raw: unknown): Promise<ChosenFile | null> {
  const id = Number(raw)
  if (!Number.isSafeInteger(id) || id <= 0) return null
  const document = await vaultDocumentOf(user.id, id)
  return document ? { fileId: document.storedFileId, vaultDocumentId: document.id } : null
}

/**
 * Stores one upload for a slot of the draft. Returns the error message when the file is refused
 * (nothing is stored then, and the slot keeps what it had).
 */
export async function chooseUpload(draft: ApplicationDraft, slot: FileSlot, upload: UploadedFile, user: User, i18n: I18n) {
  try {
    const file = await storeUploadedFile(upload, {
      ownerUserId: user.id,
      uploadedBy: user.id,
      types: slot.limits.types,
      maxMb: slot.limits.maxMb,
      i18n,
    })
    draft.files = { ...draft.files, [slot.key]: { fileId: file.id } }
    return null
  } catch (error) {
    if (error instanceof UploadRejected) return error.message
    throw error
  }
}

/**
 * Saves what the form sent into the applicant's draft. Returns the draft and the upload errors
 * by input path (`_file.c12`); a refused file leaves the slot as it was.
 */
export async function saveDraft(
  found: NonNullable<ApplyingProcedure>,
  slots: FileSlot[],
  user: User,
  input: SaveInput,
  i18n: I18n
) {
  const { body } = input
  const draft = await openDraft(found, user, validToken(body._token))
  draft.eformId = found.eform?.id ?? null
  draft.values = eformInputOf(found.definition, body)
  draft.postal = postalFromBody(body._postal)

  const files = { ...draft.files }
  for (const slot of slots) {
    if (body[`_remove_${slot.name}`]) delete files[slot.key]
    const vaultId = body[`_vault_${slot.name}`]
    if (vaultId) {
      const chosen = await vaultChoice(user, vaultId)
      if (chosen) files[slot.key] = chosen
    } else if (vaultId === null && files[slot.key]?.vaultDocumentId) {
      // "No paper from the vault" chosen again in the list.
      delete files[slot.key]
    }
  }
  draft.files = files

  const errors: Record<string, string[]> = {}
  for (const slot of slots) {
    const upload = input.uploads?.[slot.name]
    if (!upload) continue
    const error = await chooseUpload(draft, slot, upload, user, i18n)
    if (error) errors[`_file.${slot.name}`] = [error]
  }
  await draft.save()
  return { draft, errors }
}

/** The stored files chosen in the draft, by slot key (files no longer there are left out). */
export async function chosenFilesOf(draft: ApplicationDraft | null) {
  const chosen = new Map<string, { file: StoredFile; vaultDocumentId: number | null }>()
  if (!draft) return chosen
  const ids = Object.values(draft.files).map((choice) => choice.fileId)
  if (!ids.length) return chosen
  const files = new Map((await StoredFile.query().whereIn('id', ids)).map((file) => [file.id, file]))
  for (const [slot, choice] of Object.entries(draft.files)) {
    const file = files.get(choice.fileId)
    if (file) chosen.set(slot, { file, vaultDocumentId: choice.vaultDocumentId ?? null })
  }
  return chosen
}
