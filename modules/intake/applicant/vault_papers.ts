/*
 * NF-8, OL-4: the applicant adds papers to their document vault from the account pages (through
 * the same checked upload as dossier files) and removes them. A paper already used in a dossier
 * stays in that dossier: removing it from the vault removes only the vault's entry.
 */
import type { I18n } from '@adonisjs/i18n'
import VaultDocument from '#intake/files/vault_document'
import { vaultDocumentOf } from '#intake/files/vault'
import { storeUploadedFile, type UploadedFile } from '#intake/files/stored_files'
import type { ApplicantActor } from '#intake/applicant/applicant_dossiers'

/** Stores the upload (throws UploadRejected when it is refused) and keeps it in the vault under `label`. */
export async function addToVault(owner: ApplicantActor, file: UploadedFile | null | undefined, label: string, i18n?: I18n) {
  const stored = await storeUploadedFile(file, { ownerUserId: owner.id, uploadedBy: owner.id, i18n })
  const paper = await VaultDocument.create({
    ownerUserId: owner.id,
    storedFileId: stored.id,
    documentType: '',
    label: label.normalize('NFC').trim(),
    verified: false,
  })
  paper.$setRelated('storedFile', stored)
  return paper
}

/** Removes one of the owner's papers from the vault; null when they have no such paper. */
export async function removeFromVault(ownerId: number, vaultDocumentId: number) {
  const paper = await vaultDocumentOf(ownerId, vaultDocumentId)
  if (!paper) return null
  await paper.delete()
  return paper
}
