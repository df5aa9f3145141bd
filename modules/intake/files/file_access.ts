/*
 * Who may read a stored file: an officer of the tenant who uses the one-stop system, or the
 * applicant the file belongs to: they uploaded it from their account (drafts, vault) or it is
 * part of one of their dossiers as papers they filed or the result delivered to them (officers'
 * working files, such as a draft result, stay internal). Anyone else is told the file does not
 * exist.
 */
import type { User } from '#users/index'
import StoredFile from '#intake/files/stored_file'
import DossierFile from '#intake/files/dossier_file'
import VaultDocument from '#intake/files/vault_document'

const KINDS_THE_APPLICANT_SEES = ['component', 'supplement', 'scan', 'result']

export async function readableStoredFile(id: number, reader: { user?: User; usesOneStop: boolean }) {
  if (!Number.isSafeInteger(id) || id <= 0) return null
  const file = await StoredFile.find(id)
  if (!file) return null
  if (reader.usesOneStop) return file
  const user = reader.user
  if (!user?.isApplicant) return null
  if (file.ownerUserId === user.id) return file
  const inOwnDossier = await DossierFile.query()
    .where('stored_file_id', file.id)
    .whereIn('kind', KINDS_THE_APPLICANT_SEES)
    .whereIn('dossier_id', (dossiers) => dossiers.from('dossiers').select('id').where('applicant_id', user.id))
    .first()
  if (inOwnDossier) return file
  const inOwnVault = await VaultDocument.query().where('stored_file_id', file.id).where('owner_user_id', user.id).first()
  return inOwnVault ? file : null
}
