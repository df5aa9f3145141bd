/*
 * The applicant's document vault (NF-8, OL-4, PT-1.1): papers kept for reuse in later dossiers.
 * The account pages manage it; the apply form offers its papers instead of a new upload.
 */
import VaultDocument from '#intake/files/vault_document'

/** The applicant's papers, verified ones first, newest first, each with its stored file. */
export function vaultDocumentsOf(userId: number) {
  return VaultDocument.query()
    .where('owner_user_id', userId)
    .preload('storedFile')
    .orderBy('verified', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
}

/** One paper of the applicant's vault, or null when it is not theirs. */
export function vaultDocumentOf(userId: number, id: number) {
  return VaultDocument.query().where('owner_user_id', userId).where('id', id).preload('storedFile').first()
}
